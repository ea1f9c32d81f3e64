// Bounds on what the knowledge repository keeps, and how much disk it uses. Old SQL versions go first per
// query (beyond `versionsPerQuery`), then oldest-first across the library while the total exceeds
// `maxHistoryBytes`; tombstones and change records older than the retention are purged.
import type { Library } from '../library/open-library.ts'

export interface HistoryLimits {
  /** Earlier versions kept per query (the current SQL is always kept, in queries). */
  versionsPerQuery: number
  /** Total size of earlier SQL versions and tombstones' SQL, in bytes. */
  maxHistoryBytes: number
  /** Tombstones of deleted reports (and change records) are purged after this many days. */
  retentionDays: number
}

export const DEFAULT_HISTORY_LIMITS: HistoryLimits = {
  versionsPerQuery: 50,
  maxHistoryBytes: 200 * 1024 * 1024,
  retentionDays: 365,
}

export interface HistoryUsage {
  versions: number
  tombstones: number
  changes: number
  /** Bytes of SQL text held by versions and tombstones (what maxHistoryBytes bounds). */
  bytes: number
}

type Row = Record<string, unknown>
const num = (v: unknown): number => Number(v ?? 0) || 0

export function historyUsage(library: Library): HistoryUsage {
  const row = library
    .prepare(
      `SELECT (SELECT count(*) FROM sql_versions) AS versions,
              (SELECT count(*) FROM deleted_reports) AS tombstones,
              (SELECT count(*) FROM report_changes) AS changes,
              (SELECT coalesce(sum(length(CAST(raw_query AS BLOB))), 0) FROM sql_versions)
                + (SELECT coalesce(sum(length(CAST(queries_json AS BLOB))), 0) FROM deleted_reports) AS bytes`,
    )
    .get() as Row
  return { versions: num(row.versions), tombstones: num(row.tombstones), changes: num(row.changes), bytes: num(row.bytes) }
}

/** Applies the limits; returns how many rows went. Each step is one short transaction. */
export function enforceHistoryLimits(library: Library, limits: HistoryLimits, now: Date): number {
  let removed = 0
  const cutoff = new Date(now.getTime() - limits.retentionDays * 86_400_000).toISOString()
  removed += Number(library.prepare('DELETE FROM deleted_reports WHERE deleted_at < ?').run(cutoff).changes)
  removed += Number(library.prepare('DELETE FROM report_changes WHERE at < ?').run(cutoff).changes)
  // Per query: only queries over the limit are touched (the window function runs over those alone).
  removed += Number(
    library
      .prepare(
        `DELETE FROM sql_versions WHERE id IN (
           SELECT id FROM (
             SELECT id, row_number() OVER (PARTITION BY query_token ORDER BY id DESC) AS newer
               FROM sql_versions
              WHERE query_token IN (SELECT query_token FROM sql_versions GROUP BY query_token HAVING count(*) > ?1)
           ) WHERE newer > ?1)`,
      )
      .run(limits.versionsPerQuery).changes,
  )
  let usage = historyUsage(library).bytes
  const oldest = library.prepare('SELECT id, length(CAST(raw_query AS BLOB)) AS bytes FROM sql_versions ORDER BY id LIMIT 500')
  const remove = library.prepare('DELETE FROM sql_versions WHERE id = ?')
  for (let guard = 0; usage > limits.maxHistoryBytes && guard < 10_000; guard++) {
    const batch = oldest.all() as Row[]
    if (batch.length === 0) break
    library.transaction(() => {
      for (const r of batch) {
        if (usage <= limits.maxHistoryBytes) break
        remove.run(num(r.id))
        usage -= num(r.bytes)
        removed++
      }
    })
  }
  return removed
}
