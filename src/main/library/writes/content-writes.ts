// The sync's writes of each report's SQL and charts, and the reads that choose what to fetch next. Each write is
// one transaction and re-indexes its report inside it.
import type { Library } from '../open-library.ts'
import type { ModeChart, ModeQuery } from '../../mode/schemas.ts'
import { recordSqlVersions } from '../../knowledge/record-changes.ts'
import { reindex, tokensOf } from './listing-writes.ts'
import type { Row } from './listing-writes.ts'

/**
 * Replaces a report's queries (and the tables each reads) with what Mode returned for change signature
 * `version`. Charts of the old queries are dropped: they are refetched on demand or by the charts phase.
 * Returns false when the report vanished meanwhile (nothing written).
 */
export function saveReportQueries(
  library: Library,
  reportToken: string,
  version: string,
  queries: ModeQuery[],
  tablesOf: (sql: string) => string[],
  now: string,
  /** The sync run fetching it (null outside a sync): what a full sync compares. */
  runId: number | null = null,
): boolean {
  // Parsed before the write transaction opens: a long SQL must not hold the library's write lock meanwhile.
  const tablesByQuery = queries.map((q) => {
    try {
      return tablesOf(q.rawQuery)
    } catch {
      // A parser failure must not lose the SQL itself; the query is stored without table references.
      return []
    }
  })
  return library.transaction(() => {
    if (!library.prepare('SELECT 1 FROM reports WHERE token = ?').get(reportToken)) return false
    recordSqlVersions(library, reportToken, queries.map((q) => ({ token: q.token, name: q.name, rawQuery: q.rawQuery })))
    library.prepare('DELETE FROM queries WHERE report_token = ?').run(reportToken)
    const insert = library.prepare(
      `INSERT INTO queries(token, report_token, id, name, raw_query, data_source_id, created_at, updated_at, position)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(token) DO UPDATE SET report_token = excluded.report_token, id = excluded.id, name = excluded.name,
         raw_query = excluded.raw_query, data_source_id = excluded.data_source_id, created_at = excluded.created_at,
         updated_at = excluded.updated_at, position = excluded.position`,
    )
    const insertTable = library.prepare('INSERT OR IGNORE INTO query_tables(query_token, table_name) VALUES (?, ?)')
    const clearTables = library.prepare('DELETE FROM query_tables WHERE query_token = ?')
    queries.forEach((q, position) => {
      insert.run(q.token, reportToken, q.id, q.name, q.rawQuery, q.dataSourceId, q.createdAt, q.updatedAt, position)
      clearTables.run(q.token)
      for (const table of tablesByQuery[position] ?? []) insertTable.run(q.token, table)
    })
    library
      .prepare('UPDATE reports SET queries_version = ?, queries_synced_at = ?, queries_synced_run = ?, charts_fetched_at = NULL, charts_synced_run = NULL WHERE token = ?')
      .run(version, now, runId, reportToken)
    reindex(library, [reportToken])
    return true
  })
}

/** Replaces the charts of a report's queries (`byQuery`: query token → its charts). */
export function saveReportCharts(library: Library, reportToken: string, byQuery: Map<string, ModeChart[]>, now: string, runId: number | null = null): boolean {
  return library.transaction(() => {
    if (!library.prepare('SELECT 1 FROM reports WHERE token = ?').get(reportToken)) return false
    const ownQuery = library.prepare('SELECT 1 FROM queries WHERE token = ? AND report_token = ?')
    const clear = library.prepare('DELETE FROM charts WHERE query_token = ?')
    const insert = library.prepare(
      `INSERT INTO charts(token, query_token, title, chart_type, position) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(token) DO UPDATE SET query_token = excluded.query_token, title = excluded.title,
         chart_type = excluded.chart_type, position = excluded.position`,
    )
    for (const [queryToken, charts] of byQuery) {
      if (!ownQuery.get(queryToken, reportToken)) continue
      clear.run(queryToken)
      charts.forEach((c, position) => insert.run(c.token, queryToken, c.title, c.chartType, position))
    }
    library.prepare('UPDATE reports SET charts_fetched_at = ?, charts_synced_run = ? WHERE token = ?').run(now, runId, reportToken)
    reindex(library, [reportToken])
    return true
  })
}

/**
 * Re-indexes reports whose search document changed because something they name changed (a collection, an
 * author, a data source). In chunks, each its own transaction, yielding between them: renaming a collection
 * of 5,000 reports must not hold the event loop for seconds. Each report's document is rewritten whole.
 */
export async function reindexInChunks(library: Library, tokens: string[], chunk = 100): Promise<void> {
  for (let i = 0; i < tokens.length; i += chunk) {
    const batch = tokens.slice(i, i + chunk)
    library.transaction(() => reindex(library, batch))
    if (i + chunk < tokens.length) await new Promise((resolve) => setImmediate(resolve))
  }
}

export interface PendingQueries {
  token: string
  signature: string
}

/**
 * Reports whose SQL must be fetched, most recently edited first: never fetched, edited since, or (for a full
 * sync) last fetched by a run older than `refetchBeforeRun`. Reports whose queries already match their current signature are
 * skipped — this is what lets an interrupted sync resume without refetching.
 */
export function pendingQueryReports(library: Library, refetchBeforeRun: number | null): PendingQueries[] {
  const rows = library
    .prepare(
      `SELECT token, change_signature FROM reports
        WHERE queries_version IS NULL OR queries_version <> change_signature
           OR (?1 IS NOT NULL AND (queries_synced_run IS NULL OR queries_synced_run < ?1))
        ORDER BY last_edited_at DESC, token`,
    )
    .all(refetchBeforeRun) as Row[]
  return rows.map((r) => ({ token: String(r.token), signature: String(r.change_signature ?? '') }))
}

/** Reports whose SQL is stored but whose chart titles are not (the charts phase, when charts are in the sync). */
export function pendingChartReports(library: Library, refetchBeforeRun: number | null): { token: string; queryTokens: string[] }[] {
  const rows = library
    .prepare(
      `SELECT r.token FROM reports r
        WHERE r.queries_version IS NOT NULL
          AND (r.charts_fetched_at IS NULL OR (?1 IS NOT NULL AND (r.charts_synced_run IS NULL OR r.charts_synced_run < ?1)))
        ORDER BY r.last_edited_at DESC, r.token`,
    )
    .all(refetchBeforeRun) as Row[]
  const queriesOf = library.prepare('SELECT token FROM queries WHERE report_token = ? ORDER BY position')
  return rows.map((r) => ({ token: String(r.token), queryTokens: tokensOf(queriesOf.all(String(r.token))) }))
}
