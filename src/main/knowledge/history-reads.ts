// Reads of SQL history and tombstones, in the shapes of shared/knowledge-model.ts.
import type { DeletedReport, ReportHistory, SqlDiff } from '../../shared/knowledge-model.ts'
import type { Library } from '../library/open-library.ts'
import { diffSql } from './sql-diff.ts'

type Row = Record<string, unknown>
const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v))

/** Every query of a live report (and queries it no longer has), each with its versions oldest first. */
export function getReportHistory(library: Library, reportToken: string): ReportHistory | null {
  const report = library.prepare('SELECT token, first_seen_at FROM reports WHERE token = ?').get(reportToken) as Row | undefined
  if (!report) return null
  const current = library.prepare('SELECT token, name, raw_query FROM queries WHERE report_token = ? ORDER BY position, token').all(reportToken) as Row[]
  const versions = library
    .prepare('SELECT id, query_token, query_name, raw_query, seen_at, replaced_at FROM sql_versions WHERE report_token = ? ORDER BY id')
    .all(reportToken) as Row[]
  const byQuery = new Map<string, Row[]>()
  for (const v of versions) {
    const list = byQuery.get(String(v.query_token)) ?? []
    list.push(v)
    byQuery.set(String(v.query_token), list)
  }
  const queries = current.map((q) => {
    const earlier = byQuery.get(String(q.token)) ?? []
    byQuery.delete(String(q.token))
    return {
      queryToken: String(q.token),
      name: text(q.name),
      versions: [
        ...earlier.map(toVersion),
        { id: null, name: text(q.name), sql: String(q.raw_query), seenAt: text(earlier.at(-1)?.replaced_at) ?? text(report.first_seen_at), replacedAt: null },
      ],
    }
  })
  // Queries removed from the report keep their history too (their last text is the last version).
  for (const [queryToken, earlier] of byQuery) queries.push({ queryToken, name: text(earlier.at(-1)?.query_name), versions: earlier.map(toVersion) })
  const lastChangedAt = versions.reduce<string | null>((latest, v) => (latest === null || String(v.replaced_at) > latest ? String(v.replaced_at) : latest), null)
  return { reportToken, changeCount: versions.length, lastChangedAt, queries }
}

function toVersion(v: Row) {
  return { id: Number(v.id), name: text(v.query_name), sql: String(v.raw_query), seenAt: text(v.seen_at), replacedAt: text(v.replaced_at) }
}

/** The SQL of a version (`versionId`) or, with null, the query's current text; null when unknown. */
export function versionSql(library: Library, queryToken: string, versionId: number | null): string | null {
  const row = versionId === null
    ? library.prepare('SELECT raw_query FROM queries WHERE token = ?').get(queryToken) as Row | undefined
    : library.prepare('SELECT raw_query FROM sql_versions WHERE id = ? AND query_token = ?').get(versionId, queryToken) as Row | undefined
  return row ? String(row.raw_query) : null
}

/** The diff between two versions of a query, or between two queries (another report's, for duplicates). */
export function diffVersions(
  library: Library,
  from: { queryToken: string; versionId: number | null },
  to: { queryToken: string; versionId: number | null },
): SqlDiff | null {
  const a = versionSql(library, from.queryToken, from.versionId)
  const b = versionSql(library, to.queryToken, to.versionId)
  return a === null || b === null ? null : diffSql(a, b)
}

export function getDeletedReport(library: Library, token: string): DeletedReport | null {
  const row = library.prepare('SELECT * FROM deleted_reports WHERE token = ?').get(token) as Row | undefined
  return row ? toDeletedReport(row) : null
}

/** Tombstones newest first; `words` narrows to those whose name or SQL contains every word. */
export function listDeletedReports(library: Pick<Library, 'prepare'>, options: { words?: string[]; limit?: number } = {}): DeletedReport[] {
  const words = (options.words ?? []).map((w) => w.toLowerCase()).filter((w) => w.length > 0).slice(0, 10)
  const where = words.map(() => `(instr(lower(coalesce(name, '')), ?) > 0 OR instr(lower(queries_json), ?) > 0)`).join(' AND ')
  const rows = library
    .prepare(`SELECT * FROM deleted_reports ${where ? `WHERE ${where}` : ''} ORDER BY deleted_at DESC, token LIMIT ?`)
    .all(...words.flatMap((w) => [w, w]), Math.max(1, Math.min(options.limit ?? 200, 1000))) as Row[]
  return rows.map(toDeletedReport)
}

function toDeletedReport(row: Row): DeletedReport {
  let queries: DeletedReport['queries'] = []
  try {
    const parsed: unknown = JSON.parse(String(row.queries_json))
    if (Array.isArray(parsed)) {
      queries = parsed.map((q: Record<string, unknown>) => ({ token: String(q.token), name: text(q.name), sql: String(q.sql ?? '') }))
    }
  } catch {
    // A damaged tombstone still shows its metadata.
  }
  return {
    token: String(row.token),
    name: text(row.name) ?? 'Untitled report',
    deletedAt: String(row.deleted_at),
    collectionName: text(row.collection_name),
    author: text(row.creator_username),
    archived: Number(row.archived) === 1,
    viewCount: Number(row.view_count ?? 0),
    lastRunAt: text(row.last_run_at),
    webUrl: text(row.web_url),
    queries,
  }
}
