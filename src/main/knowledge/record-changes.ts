// What the sync's library writes tell the knowledge repository, inside their own transactions: a report's
// listing entry changed (new, renamed, moved, archived), a query's SQL changed (the old text is kept), a
// report disappeared (a tombstone keeps its last metadata and SQL). Every record carries the running sync's
// id and start time: "seen by the sync of 09:00".
import type { Library } from '../library/open-library.ts'

type Row = Record<string, unknown>
const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v))

export interface ChangeStamp {
  runId: number | null
  at: string
  /** False during the library's first sync: every report is "new" then, which is not news. */
  hasBaseline: boolean
}

/** The running sync (the newest run without an end); outside a sync, now. */
export function currentStamp(library: Library): ChangeStamp {
  const row = library
    .prepare(
      `SELECT r.id, r.started_at,
              EXISTS (SELECT 1 FROM sync_runs p WHERE p.id < r.id AND p.outcome IN ('success', 'partial')) AS baseline
         FROM sync_runs r WHERE r.ended_at IS NULL ORDER BY r.id DESC LIMIT 1`,
    )
    .get() as Row | undefined
  if (!row) return { runId: null, at: new Date().toISOString(), hasBaseline: true }
  return { runId: Number(row.id), at: String(row.started_at), hasBaseline: Number(row.baseline) === 1 }
}

function addChange(library: Library, stamp: ChangeStamp, reportToken: string, kind: string, detail: unknown = null): void {
  library
    .prepare('INSERT INTO report_changes(run_id, at, report_token, kind, detail_json) VALUES (?, ?, ?, ?, ?)')
    .run(stamp.runId, stamp.at, reportToken, kind, detail === null ? null : JSON.stringify(detail))
}

export interface ListedReport {
  token: string
  name: string | null
  collectionToken: string
  archived: boolean
}

/**
 * A listing entry was written: `before` is the stored row (name, collection_token, archived) or undefined for
 * a report the library did not have. Records new / renamed / moved / archived / unarchived.
 */
export function recordListedReport(library: Library, before: Row | undefined, after: ListedReport, stamp = currentStamp(library)): void {
  if (!before) {
    const restored = library.prepare('DELETE FROM deleted_reports WHERE token = ?').run(after.token).changes > 0
    if (stamp.hasBaseline || restored) addChange(library, stamp, after.token, 'new', restored ? { restored: true } : null)
    return
  }
  const name = text(before.name)
  if (name !== after.name) addChange(library, stamp, after.token, 'renamed', { from: name, to: after.name })
  const from = String(before.collection_token ?? '')
  if (from !== after.collectionToken) {
    const nameOf = library.prepare('SELECT name FROM collections WHERE token = ?')
    const label = (token: string): string | null => ((nameOf.get(token) as Row | undefined)?.name as string | undefined) ?? null
    addChange(library, stamp, after.token, 'moved', { from, to: after.collectionToken, fromName: label(from), toName: label(after.collectionToken) })
  }
  const wasArchived = Number(before.archived) === 1
  if (wasArchived !== after.archived) addChange(library, stamp, after.token, after.archived ? 'archived' : 'unarchived')
}

export interface FetchedQuery {
  token: string
  name: string | null
  rawQuery: string
}

/**
 * A report's queries are about to be replaced by `queries`: every query whose text differs from the stored
 * one keeps its old text as a version, and duplicate detection forgets it (recomputed at the end of the sync).
 */
export function recordSqlVersions(library: Library, reportToken: string, queries: FetchedQuery[], stamp = currentStamp(library)): void {
  const stored = new Map(
    (library.prepare('SELECT token, name, raw_query FROM queries WHERE report_token = ?').all(reportToken) as Row[]).map((r) => [String(r.token), r]),
  )
  const since = library.prepare(
    `SELECT coalesce((SELECT replaced_at FROM sql_versions WHERE query_token = ?1 ORDER BY id DESC LIMIT 1),
                     (SELECT first_seen_at FROM reports WHERE token = ?2)) AS seen_at`,
  )
  const insert = library.prepare(
    `INSERT INTO sql_versions(query_token, report_token, query_name, raw_query, seen_at, replaced_at, replaced_run_id)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  const forget = library.prepare('DELETE FROM query_shapes WHERE query_token = ?')
  const edited: string[] = []
  for (const q of queries) {
    const old = stored.get(q.token)
    if (old === undefined) {
      forget.run(q.token)
      continue
    }
    if (String(old.raw_query) === q.rawQuery) continue
    const seenAt = String((since.get(q.token, reportToken) as Row).seen_at ?? stamp.at)
    insert.run(q.token, reportToken, text(old.name), String(old.raw_query), seenAt, stamp.at, stamp.runId)
    forget.run(q.token)
    edited.push(q.token)
  }
  if (edited.length > 0) addChange(library, stamp, reportToken, 'sql_edited', { queries: edited })
}

/** Reports about to be deleted from the library: each leaves a tombstone and a `deleted` change. */
export function recordTombstones(library: Library, tokens: string[], stamp = currentStamp(library)): void {
  const select = library.prepare(
    `SELECT r.*, c.name AS collection_name FROM reports r LEFT JOIN collections c ON c.token = r.collection_token WHERE r.token = ?`,
  )
  const queriesOf = library.prepare('SELECT token, name, raw_query, data_source_id FROM queries WHERE report_token = ? ORDER BY position, token')
  const insert = library.prepare(
    `INSERT OR REPLACE INTO deleted_reports(token, deleted_at, run_id, name, description, collection_token, collection_name,
       creator_username, archived, created_at, updated_at, last_run_at, view_count, web_url, queries_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  for (const token of tokens) {
    const r = select.get(token) as Row | undefined
    if (!r) continue
    const queries = (queriesOf.all(token) as Row[]).map((q) => ({
      token: String(q.token), name: text(q.name), sql: String(q.raw_query), dataSourceId: text(q.data_source_id),
    }))
    insert.run(token, stamp.at, stamp.runId, text(r.name), text(r.description), text(r.collection_token), text(r.collection_name),
      text(r.creator_username), Number(r.archived) === 1 ? 1 : 0, text(r.created_at), text(r.updated_at), text(r.last_run_at),
      Number(r.view_count ?? 0), text(r.web_url), JSON.stringify(queries))
    addChange(library, stamp, token, 'deleted', { name: text(r.name), collectionName: text(r.collection_name) })
  }
}
