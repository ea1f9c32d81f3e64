// Writes of what a report shows besides its SQL: run info from each listing page, preview pictures (under a disk
// cap), each query's last successful results, schedules, imported datasets and chart fields. None of it is
// part of a report's search document, so nothing here re-indexes; each function is one transaction.
import type { Library } from '../open-library.ts'
import type { ModeChart, ModeReport } from '../../mode/schemas.ts'
import type { ModeSchedule } from '../../mode/run-schemas.ts'

type Row = Record<string, unknown>

/**
 * After a listing page is saved: each report's last successful run (token and time), schedules count and imported datasets.
 * A report whose schedules count fell to 0 loses its stored schedules here (no request needed to know that).
 */
export function saveListedRunInfo(library: Library, reports: ModeReport[]): void {
  library.transaction(() => {
    const upsert = library.prepare(
      `INSERT INTO report_run_info(report_token, last_successful_run_token, schedules_count, last_successfully_run_at, success_listed)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(report_token) DO UPDATE SET last_successful_run_token = excluded.last_successful_run_token,
         schedules_count = excluded.schedules_count, last_successfully_run_at = excluded.last_successfully_run_at,
         success_listed = excluded.success_listed`,
    )
    const exists = library.prepare('SELECT 1 FROM reports WHERE token = ?')
    const clearDatasets = library.prepare('DELETE FROM report_datasets WHERE report_token = ?')
    const addDataset = library.prepare('INSERT OR REPLACE INTO report_datasets(report_token, dataset_token, name) VALUES (?, ?, ?)')
    const clearSchedules = library.prepare('DELETE FROM report_schedules WHERE report_token = ?')
    for (const r of reports) {
      if (!exists.get(r.token)) continue
      upsert.run(r.token, r.lastSuccessfulRunToken, r.schedulesCount, r.lastSuccessfullyRunAt, r.successListed ? 1 : 0)
      clearDatasets.run(r.token)
      for (const d of r.importedDatasets) addDataset.run(r.token, d.token, d.name)
      if (r.schedulesCount === 0) clearSchedules.run(r.token)
    }
  })
}

// ---- Previews ---------------------------------------------------------------------------------------------

/**
 * Whether a listed preview should be downloaded: not when the stored one shows the same run (the URL path names
 * the run) — unless what is stored for that run is only a retryable failure (an expired address, a network error).
 */
export function previewWanted(library: Library, reportToken: string, runToken: string | null): boolean {
  const row = library.prepare('SELECT run_token, bytes IS NOT NULL AS has_bytes, note FROM report_previews WHERE report_token = ?').get(reportToken) as Row | undefined
  if (!row || runToken === null || row.run_token !== runToken) return true
  return row.has_bytes !== 1 && typeof row.note === 'string' && row.note.includes('retried')
}

export type PreviewOutcome = { bytes: Uint8Array; mime: string } | { note: string }

export function savePreview(library: Library, reportToken: string, runToken: string | null, outcome: PreviewOutcome, now: string): void {
  library.transaction(() => {
    if (!library.prepare('SELECT 1 FROM reports WHERE token = ?').get(reportToken)) return
    const keep = library.prepare('SELECT run_token, bytes IS NOT NULL AS has_bytes FROM report_previews WHERE report_token = ?').get(reportToken) as Row | undefined
    if ('note' in outcome && keep?.has_bytes === 1) {
      // A failed download never destroys the picture the library already has: it stays, with the note beside it.
      library.prepare('UPDATE report_previews SET note = ? WHERE report_token = ?').run(outcome.note, reportToken)
      return
    }
    const bytes = 'bytes' in outcome ? outcome.bytes : null
    library
      .prepare(
        `INSERT INTO report_previews(report_token, run_token, mime, bytes, byte_size, fetched_at, note) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(report_token) DO UPDATE SET run_token = excluded.run_token, mime = excluded.mime, bytes = excluded.bytes,
           byte_size = excluded.byte_size, fetched_at = excluded.fetched_at, note = excluded.note`,
      )
      .run(reportToken, runToken, bytes ? (outcome as { mime: string }).mime : null, bytes, bytes?.byteLength ?? 0, now, 'note' in outcome ? outcome.note : null)
  })
}

export function removePreviews(library: Library, reportTokens: string[]): void {
  if (reportTokens.length === 0) return
  library.transaction(() => {
    const remove = library.prepare('DELETE FROM report_previews WHERE report_token = ?')
    for (const token of reportTokens) remove.run(token)
  })
}

/**
 * Keeps stored pictures within `capBytes`: the reports opened most recently keep theirs first, then the most
 * viewed; the rest lose their bytes (a note says why, so the page can explain the missing picture).
 */
export function enforcePreviewCap(library: Library, capBytes: number): number {
  return library.transaction(() => {
    const rows = library
      .prepare(
        `SELECT p.report_token AS token, p.byte_size AS size FROM report_previews p
           JOIN reports r ON r.token = p.report_token LEFT JOIN report_run_info i ON i.report_token = p.report_token
          WHERE p.bytes IS NOT NULL
          ORDER BY i.opened_at IS NULL, i.opened_at DESC, r.view_count DESC, p.report_token`,
      )
      .all() as { token: string; size: number }[]
    let used = 0
    let evicted = 0
    const evict = library.prepare(`UPDATE report_previews SET bytes = NULL, mime = NULL, byte_size = 0, note = ? WHERE report_token = ?`)
    for (const row of rows) {
      used += Number(row.size)
      if (used <= capBytes) continue
      evict.run('Preview not kept: the preview disk limit (Settings) is full with more viewed reports.', row.token)
      evicted++
    }
    return evicted
  })
}

// ---- Results ------------------------------------------------------------------------------------------------

export type ResultsScope = 'none' | 'opened' | 'all'

/**
 * Reports whose last successful run is not the one whose results are stored, within the scope: `opened` =
 * reports opened in the app plus the `topViewed` most viewed; `all` = every report. Datasets are left out.
 * Opened reports come first, then by views, so a capped or cancelled run spends itself where people look.
 */
export function pendingResultReports(library: Library, scope: ResultsScope, topViewed: number): { token: string; runToken: string }[] {
  if (scope === 'none') return []
  const rows = library
    .prepare(
      `WITH ranked AS (
         SELECT r.token, i.last_successful_run_token AS run, i.results_run_token AS stored, i.opened_at,
                row_number() OVER (ORDER BY r.view_count DESC, r.token) AS view_rank
           FROM reports r JOIN report_run_info i ON i.report_token = r.token
          WHERE coalesce(r.report_type, 'Report') <> 'DatasetReport')
       SELECT token, run FROM ranked
        WHERE run IS NOT NULL AND (stored IS NULL OR stored <> run) AND (?1 = 'all' OR opened_at IS NOT NULL OR view_rank <= ?2)
        ORDER BY opened_at IS NULL, opened_at DESC, view_rank`,
    )
    .all(scope, topViewed) as { token: string; run: string }[]
  return rows.map((r) => ({ token: r.token, runToken: r.run }))
}

export interface StoredQueryResult {
  queryToken: string
  queryName: string | null
  queryRunToken: string | null
  columns: string[]
  rows: string[][]
  totalRows: number
  totalExact: boolean
  byteSize: number
  note: string | null
}

/** Replaces a report's stored results with those of run `runToken`. A note covers the run as a whole (e.g. "3 of 4 queries"). */
export function saveReportResults(library: Library, reportToken: string, runToken: string, results: StoredQueryResult[], note: string | null, now: string): boolean {
  return library.transaction(() => {
    if (!library.prepare('SELECT 1 FROM reports WHERE token = ?').get(reportToken)) return false
    library.prepare('DELETE FROM query_results WHERE report_token = ?').run(reportToken)
    const insert = library.prepare(
      `INSERT INTO query_results(report_token, query_token, query_name, run_token, query_run_token, columns_json, rows_json,
         stored_rows, total_rows, total_exact, byte_size, fetched_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    for (const r of results) {
      insert.run(reportToken, r.queryToken, r.queryName, runToken, r.queryRunToken, JSON.stringify(r.columns), JSON.stringify(r.rows),
        r.rows.length, r.totalRows, r.totalExact ? 1 : 0, r.byteSize, now, r.note)
    }
    library.prepare('UPDATE report_run_info SET results_run_token = ?, results_fetched_at = ?, results_note = ? WHERE report_token = ?').run(runToken, now, note, reportToken)
    return true
  })
}

/** Settings → "Clear cached results": every stored result goes; the next sync fetches them again. */
export function clearCachedResults(library: Library): void {
  library.transaction(() => {
    library.prepare('DELETE FROM query_results').run()
    library.prepare('UPDATE report_run_info SET results_run_token = NULL, results_fetched_at = NULL, results_note = NULL').run()
  })
}

export function cachedContentSize(library: Library): { resultsBytes: number; resultQueries: number; previewBytes: number; previews: number } {
  const r = library.prepare('SELECT coalesce(sum(byte_size), 0) AS bytes, count(*) AS n FROM query_results').get() as Row
  const p = library.prepare('SELECT coalesce(sum(byte_size), 0) AS bytes, count(*) AS n FROM report_previews WHERE bytes IS NOT NULL').get() as Row
  return { resultsBytes: Number(r.bytes), resultQueries: Number(r.n), previewBytes: Number(p.bytes), previews: Number(p.n) }
}

/** The report was opened in the app: it joins the default results scope and keeps its preview first. */
export function markReportOpened(library: Library, reportToken: string, now: string): void {
  library.prepare(
    `INSERT INTO report_run_info(report_token, opened_at) SELECT token, ?2 FROM reports WHERE token = ?1
     ON CONFLICT(report_token) DO UPDATE SET opened_at = excluded.opened_at`,
  ).run(reportToken, now)
}

// ---- Schedules, chart fields ------------------------------------------------------------------------------------

const scheduleVersion = (runToken: unknown, count: unknown): string => `${String(runToken ?? '')}|${String(count ?? 0)}`

/**
 * Reports with schedules whose schedules were not fetched for their current run and count. Assumption: Mode
 * does not bump `updated_at` when a schedule changes; a new run (scheduled runs make one) or a new count does show.
 */
export function pendingScheduleReports(library: Library): { token: string; version: string }[] {
  const rows = library
    .prepare(`SELECT report_token AS token, last_successful_run_token AS run, schedules_count AS n, schedules_version AS v FROM report_run_info WHERE schedules_count > 0`)
    .all() as Row[]
  return rows.map((r) => ({ token: String(r.token), version: scheduleVersion(r.run, r.n), stored: r.v })).filter((r) => r.stored !== r.version).map(({ token, version }) => ({ token, version }))
}

export function saveSchedules(library: Library, reportToken: string, version: string, schedules: ModeSchedule[]): void {
  library.transaction(() => {
    if (!library.prepare('SELECT 1 FROM reports WHERE token = ?').get(reportToken)) return
    library.prepare('DELETE FROM report_schedules WHERE report_token = ?').run(reportToken)
    const insert = library.prepare(
      `INSERT OR REPLACE INTO report_schedules(token, report_token, name, freq, hour, minute, day_of_week, day_of_month, time_zone,
         last_succeeded_at, next_scheduled_run, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    schedules.forEach((s, i) => insert.run(s.token, reportToken, s.name, s.freq, s.hour, s.minute, s.dayOfWeek, s.dayOfMonth, s.timeZone, s.lastSucceededAt, s.nextScheduledRun, i))
    library.prepare('UPDATE report_run_info SET schedules_version = ? WHERE report_token = ?').run(version, reportToken)
  })
}

/** After saveReportCharts: which result columns each chart draws. */
export function saveChartFields(library: Library, byQuery: Map<string, ModeChart[]>): void {
  library.transaction(() => {
    const insert = library.prepare('INSERT OR REPLACE INTO chart_fields(chart_token, x_json, y_json) SELECT token, ?, ? FROM charts WHERE token = ?')
    for (const charts of byQuery.values()) for (const c of charts) insert.run(JSON.stringify(c.xFields), JSON.stringify(c.yFields), c.token)
  })
}
