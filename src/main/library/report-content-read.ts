// The report page's content as the renderer receives it: the preview as a data URL (built here, from bytes whose
// image signature is checked again, so nothing but PNG/JPEG/WebP ever reaches an <img>), each query's last
// results with column types, charts with their readable type names, schedules in words, and dataset links.
import type { CachedContentSize, QueryResult, ReportChart, ReportContent, ReportSchedule, ResultColumnType } from '../../shared/model.ts'
import { sniffImageType } from '../report-content/image-bytes.ts'
import type { Library } from './open-library.ts'
import { cachedContentSize } from './writes/report-content-writes.ts'

type Row = Record<string, unknown>
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v))

export function getReportContent(library: Library, token: string): ReportContent | null {
  const report = library.prepare('SELECT token, report_type FROM reports WHERE token = ?').get(token) as Row | undefined
  if (!report) return null
  const info = library.prepare('SELECT results_note FROM report_run_info WHERE report_token = ?').get(token) as Row | undefined
  const preview = library.prepare('SELECT mime, bytes, fetched_at, note FROM report_previews WHERE report_token = ?').get(token) as Row | undefined
  return {
    token,
    isDataset: report.report_type === 'DatasetReport',
    preview: previewDataUrl(preview),
    previewNote: str(preview?.note),
    results: (library.prepare('SELECT q.*, coalesce(qq.position, 1e9) AS pos FROM query_results q LEFT JOIN queries qq ON qq.token = q.query_token WHERE q.report_token = ? ORDER BY pos, q.query_token').all(token) as Row[]).map(toResult),
    resultsNote: str(info?.results_note),
    charts: (library.prepare(
      `SELECT c.token, c.query_token, c.title, c.chart_type, f.x_json, f.y_json FROM charts c JOIN queries q ON q.token = c.query_token
         LEFT JOIN chart_fields f ON f.chart_token = c.token WHERE q.report_token = ? ORDER BY q.position, c.position`,
    ).all(token) as Row[]).map(toChart),
    schedules: (library.prepare('SELECT * FROM report_schedules WHERE report_token = ? ORDER BY position').all(token) as Row[]).map(toSchedule),
    datasets: (library.prepare(
      `SELECT d.dataset_token AS token, coalesce(r.name, d.name) AS name, r.token IS NOT NULL AS in_library FROM report_datasets d
         LEFT JOIN reports r ON r.token = d.dataset_token WHERE d.report_token = ? ORDER BY coalesce(r.name, d.name), d.dataset_token`,
    ).all(token) as Row[]).map((d) => ({ token: String(d.token), name: str(d.name), inLibrary: d.in_library === 1 })),
    importedBy: (library.prepare(
      `SELECT r.token, r.name FROM report_datasets d JOIN reports r ON r.token = d.report_token WHERE d.dataset_token = ? ORDER BY r.name, r.token LIMIT 500`,
    ).all(token) as Row[]).map((r) => ({ token: String(r.token), name: str(r.name) })),
  }
}

/** Each query's kept results of one report, by query token; none for a query whose results were purged or unreadable. */
export function cachedResultsOf(library: Library, reportToken: string): Map<string, { columns: string[]; rows: string[][]; totalRows: number }> {
  const rows = library.prepare('SELECT query_token, columns_json, rows_json, total_rows FROM query_results WHERE report_token = ?').all(reportToken) as Row[]
  const out = new Map<string, { columns: string[]; rows: string[][]; totalRows: number }>()
  for (const r of rows) {
    const columns = JSON.parse(String(r.columns_json)) as string[]
    if (columns.length > 0) out.set(String(r.query_token), { columns, rows: JSON.parse(String(r.rows_json)) as string[][], totalRows: Number(r.total_rows) })
  }
  return out
}

export function getCachedContentSize(library: Library): CachedContentSize {
  return cachedContentSize(library)
}

/** A thumbnail is the preview itself, scaled by the row: a picture larger than this is left to the report page. */
export const THUMBNAIL_MAX_BYTES = 1024 * 1024
/** At most this many pictures per call (one screen of result rows, and then some). */
export const THUMBNAILS_PER_CALL = 60

/**
 * The preview pictures of these reports as data URLs, for the result rows' optional thumbnails; a report without
 * one (none fetched, or over THUMBNAIL_MAX_BYTES) is absent from the answer.
 */
export function getPreviewThumbnails(library: Library, tokens: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {}
  const select = library.prepare('SELECT mime, bytes, fetched_at FROM report_previews WHERE report_token = ? AND length(bytes) <= ?')
  for (const token of new Set(tokens.slice(0, THUMBNAILS_PER_CALL))) {
    const preview = previewDataUrl(select.get(token, THUMBNAIL_MAX_BYTES) as Row | undefined)
    if (preview) out[token] = preview.dataUrl
  }
  return out
}

function previewDataUrl(row: Row | undefined): ReportContent['preview'] {
  if (!row || !(row.bytes instanceof Uint8Array)) return null
  const mime = sniffImageType(row.bytes)
  if (mime === null) return null
  return { dataUrl: `data:${mime};base64,${Buffer.from(row.bytes).toString('base64')}`, fetchedAt: str(row.fetched_at) }
}

function toResult(r: Row): QueryResult {
  const names = JSON.parse(String(r.columns_json)) as string[]
  const rows = JSON.parse(String(r.rows_json)) as string[][]
  return {
    queryToken: String(r.query_token),
    queryName: str(r.query_name),
    columns: names.map((name, i) => ({ name, type: inferColumnType(rows, i) })),
    rows,
    totalRows: Number(r.total_rows),
    totalExact: r.total_exact === 1,
    note: str(r.note),
    fetchedAt: str(r.fetched_at),
  }
}

const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/
const DATE = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/

/** A column's type from its non-empty cells (the first 500): all numbers, all dates, all booleans, else text. */
export function inferColumnType(rows: string[][], column: number): ResultColumnType {
  let seen = 0
  const is = { number: true, date: true, boolean: true }
  for (const row of rows) {
    const v = row[column]?.trim() ?? ''
    if (v === '') continue
    if (++seen > 500) break
    if (is.number && !NUMBER.test(v)) is.number = false
    if (is.date && !DATE.test(v)) is.date = false
    if (is.boolean && v !== 'true' && v !== 'false') is.boolean = false
    if (!is.number && !is.date && !is.boolean) return 'text'
  }
  if (seen === 0) return 'text'
  return is.number ? 'number' : is.date ? 'date' : is.boolean ? 'boolean' : 'text'
}

const CHART_LABELS: Record<string, string> = {
  bar: 'Bar chart', line: 'Line chart', area: 'Area chart', pie: 'Pie chart', bigNumber: 'Big number', table: 'Table',
  pivotTable: 'Pivot table', scatter: 'Scatter plot', stackedBar: 'Stacked bar chart', histogram: 'Histogram',
  lineAndBar: 'Line and bar chart', donut: 'Donut chart', funnel: 'Funnel', map: 'Map',
}

/** Mode's chart type as people read it: known ones by name, others from their camelCase ("stackedArea" → "Stacked area"). */
export function chartTypeLabel(type: string | null): string {
  if (type === null) return 'Unconfigured chart'
  const known = CHART_LABELS[type]
  if (known) return known
  const words = type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase()
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'Chart'
}

function toChart(c: Row): ReportChart {
  return {
    token: String(c.token),
    queryToken: String(c.query_token),
    title: str(c.title),
    chartType: str(c.chart_type),
    typeLabel: chartTypeLabel(str(c.chart_type)),
    xFields: c.x_json ? (JSON.parse(String(c.x_json)) as string[]) : [],
    yFields: c.y_json ? (JSON.parse(String(c.y_json)) as string[]) : [],
  }
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const pad = (n: unknown): string => String(Number(n ?? 0)).padStart(2, '0')

/** Mode's cron fields in words. */
export function scheduleFrequency(s: { freq: unknown; hour: unknown; minute: unknown; day_of_week: unknown; day_of_month: unknown }): string {
  const at = s.hour === null || s.hour === undefined ? '' : ` at ${pad(s.hour)}:${pad(s.minute)}`
  switch (s.freq) {
    case 'every_15_minutes': return 'Every 15 minutes'
    case 'every_30_minutes': return 'Every 30 minutes'
    case 'hourly': return `Hourly${s.minute === null || s.minute === undefined ? '' : ` at :${pad(s.minute)}`}`
    case 'daily': return `Daily${at}`
    case 'weekly': return `Weekly${typeof s.day_of_week === 'number' && DAYS[s.day_of_week] ? ` on ${DAYS[s.day_of_week]}` : ''}${at}`
    case 'monthly': return `Monthly${typeof s.day_of_month === 'number' ? ` on day ${s.day_of_month}` : ''}${at}`
    default: return typeof s.freq === 'string' && s.freq !== '' ? s.freq.replace(/_/g, ' ') : 'On a schedule'
  }
}

function toSchedule(s: Row): ReportSchedule {
  return {
    token: String(s.token),
    name: str(s.name),
    frequency: scheduleFrequency(s as Parameters<typeof scheduleFrequency>[0]),
    timeZone: str(s.time_zone),
    lastSucceededAt: str(s.last_succeeded_at),
    nextRunAt: str(s.next_scheduled_run),
  }
}
