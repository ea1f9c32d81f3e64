// The report content a sync stores (previews, last results, schedules, imported datasets, datasets, form
// parameters) and what the simulator's truth says it should be, in one comparable shape. Faulty items compare
// by their note's kind: a failed download may keep an earlier run's picture or results, which is the point.
import type { Library } from '../../../src/main/library/open-library.ts'
import { previewOrigins } from '../../../src/main/report-content/preview-url.ts'
import { DEFAULT_REPORT_CONTENT, type PreviewTransport, type ReportContentOptions } from '../../../src/main/sync/fetch-report-content.ts'
import { parseFormParameters } from '../../../src/shared/form-parameters.ts'
import { resultRows } from '../../../src/sim/report-content.ts'
import type { Truth, TruthQueryResult } from '../../../src/sim/truth.ts'

/** Every report in scope, previews from the simulator's own origin (the one plain-HTTP origin allowed). */
export function contentOptions(sim: { url: string }, extra: Partial<ReportContentOptions> = {}): { content: ReportContentOptions; previews: PreviewTransport } {
  return {
    content: { ...DEFAULT_REPORT_CONTENT, resultsScope: 'all', ...extra },
    previews: { fetch: globalThis.fetch, origins: previewOrigins(sim.url) },
  }
}

type ResultView = { kind: 'rows'; columns: string[]; stored: number; total: number; first: string[] | null; last: string[] | null } | { kind: 'purged' | 'malformed' }
type PreviewView = { kind: 'image'; run: string } | { kind: 'note' } | null

export interface ContentView {
  reports: { token: string; preview: PreviewView; results: Record<string, ResultView>; schedules: string[]; datasets: string[]; parameters: Record<string, string[]> }[]
  datasets: { token: string; name: string | null; space_token: string; queries: string[] }[]
}

type Row = Record<string, unknown>

function truthResult(result: TruthQueryResult, maxRows: number): ResultView {
  if (result.fault === 'purged') return { kind: 'purged' }
  if (result.fault === 'malformed_csv') return { kind: 'malformed' }
  const stored = Math.min(maxRows, result.row_count)
  const rows = resultRows(result, stored)
  return { kind: 'rows', columns: result.columns.map((c) => c.name), stored, total: result.row_count, first: rows[0] ?? null, last: rows.at(-1) ?? null }
}

export function truthContentView(truth: Truth, maxRows = DEFAULT_REPORT_CONTENT.caps.maxRows): ContentView {
  return {
    reports: truth.reports
      .map((r) => ({
        token: r.token,
        preview: !r.preview || !r.last_successful_run_token ? null : r.preview.fault === null ? { kind: 'image' as const, run: r.last_successful_run_token } : { kind: 'note' as const },
        results: Object.fromEntries(r.queries.filter((q) => q.result !== null).map((q) => [q.token, truthResult(q.result!, maxRows)])),
        schedules: r.schedules.map((s) => `${s.token}|${s.freq}|${s.time_zone}|${s.next_scheduled_run}`),
        datasets: [...r.imported_dataset_tokens].sort(),
        parameters: Object.fromEntries(r.queries.map((q) => [q.token, q.parameters.map((p) => `${p.name}:${p.type}:${p.default}:${p.options.join('/')}`)])),
      }))
      .sort((a, b) => a.token.localeCompare(b.token)),
    datasets: truth.datasets
      .map((d) => ({ token: d.token, name: d.name, space_token: d.space_token, queries: d.queries.map((q) => q.raw_query) }))
      .sort((a, b) => a.token.localeCompare(b.token)),
  }
}

export function libraryContentView(library: Library): ContentView {
  const all = (sql: string, ...params: string[]) => library.db.prepare(sql).all(...params) as Row[]
  const reports = all(`SELECT r.token, i.last_successful_run_token AS run FROM reports r LEFT JOIN report_run_info i ON i.report_token = r.token
    WHERE coalesce(r.report_type, 'Report') <> 'DatasetReport' ORDER BY r.token`)
  return {
    reports: reports.map((r) => {
      const token = String(r.token)
      const p = library.db.prepare('SELECT run_token, bytes IS NOT NULL AS has_bytes, note FROM report_previews WHERE report_token = ?').get(token) as Row | undefined
      const preview: PreviewView = !p ? null : p.has_bytes === 1 && p.run_token === r.run && p.note === null ? { kind: 'image', run: String(p.run_token) } : { kind: 'note' }
      const results: Record<string, ResultView> = {}
      for (const q of all('SELECT * FROM query_results WHERE report_token = ? AND run_token IS NOT NULL', token)) {
        const note = q.note === null ? '' : String(q.note)
        const rows = JSON.parse(String(q.rows_json)) as string[][]
        results[String(q.query_token)] = note.includes('retention') ? { kind: 'purged' } : note.includes('could not be read') ? { kind: 'malformed' }
          : { kind: 'rows', columns: JSON.parse(String(q.columns_json)) as string[], stored: Number(q.stored_rows), total: Number(q.total_rows), first: rows[0] ?? null, last: rows.at(-1) ?? null }
      }
      return {
        token,
        preview,
        results,
        schedules: all('SELECT * FROM report_schedules WHERE report_token = ? ORDER BY position', token).map((s) => `${String(s.token)}|${String(s.freq)}|${String(s.time_zone)}|${String(s.next_scheduled_run)}`),
        datasets: all('SELECT dataset_token FROM report_datasets WHERE report_token = ? ORDER BY dataset_token', token).map((d) => String(d.dataset_token)),
        parameters: Object.fromEntries(all('SELECT token, raw_query FROM queries WHERE report_token = ? ORDER BY position', token).map((q) => [String(q.token),
          parseFormParameters(String(q.raw_query)).map((fp) => `${fp.name}:${fp.type}:${fp.default}:${fp.options.join('/')}`)])),
      }
    }),
    datasets: all(`SELECT token, name, collection_token FROM reports WHERE report_type = 'DatasetReport' ORDER BY token`).map((d) => ({
      token: String(d.token), name: d.name === null ? null : String(d.name), space_token: String(d.collection_token),
      queries: all('SELECT raw_query FROM queries WHERE report_token = ? ORDER BY position', String(d.token)).map((q) => String(q.raw_query)),
    })),
  }
}
