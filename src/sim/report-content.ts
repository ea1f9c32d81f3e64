// What a simulated report shows besides its SQL: the last successful run (its token, each query's result and the
// preview picture), schedules, `{% form %}` parameters, chart fields and the datasets it imports. Generated after
// the rest of the workspace from sub-streams of their own, so adding them left every other generated value
// (tokens, names, SQL without a form) exactly as it was. Result rows are not stored: they are rendered from the
// tokens on request (a 60,000-row result costs nothing until someone asks for it).

import { gzipSync } from 'node:zlib'
import { Rng, hashString, mixSeed } from './prng.ts'
import { templateFormParameters } from './sql-templates.ts'
import { DIMENSIONS, SEGMENTS } from './vocabulary.ts'
import type {
  Truth, TruthChart, TruthDataset, TruthParameter, TruthPreviewFault,
  TruthQueryResult, TruthReport, TruthResultFault, TruthSchedule,
} from './truth.ts'

export const HUGE_RESULT_ROWS = 60_000
const TIME_ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Tokyo', 'America/Los_Angeles']
const FREQUENCIES = ['daily', 'daily', 'weekly', 'hourly', 'monthly', 'every_30_minutes']
const NUMERIC_NAMES = ['orders', 'revenue', 'sessions', 'active_users', 'conversion_rate', 'avg_order_value', 'churned']

/** Adds run, results, preview, schedules, parameters, chart fields and datasets to a freshly generated workspace. */
export function addReportContent(truth: Truth, baseSeed: number): void {
  const used = new Set<string>([...truth.reports.map((r) => r.token), ...truth.spaces.map((s) => s.token)])
  const fresh = (rng: Rng): string => {
    let token = rng.token()
    while (used.has(token)) token = rng.token()
    used.add(token)
    return token
  }
  const datasetRng = new Rng(mixSeed(baseSeed, 0xda7a))
  const shared = truth.spaces.filter((s) => s.personal_owner_username === null)
  const datasetCount = shared.length === 0 || truth.reports.length === 0 ? 0 : Math.max(1, Math.floor(truth.reports.length / 25))
  truth.datasets = []
  for (let i = 0; i < datasetCount; i++) {
    const source = truth.reports[datasetRng.int(0, truth.reports.length - 1)]!
    const token = fresh(datasetRng)
    const created = Date.parse(source.created_at) - 86_400_000 * datasetRng.int(1, 90)
    const dataset: TruthDataset = {
      token,
      id: 5_450_000 + i * 7,
      name: `${datasetRng.pick(SEGMENTS)} ${datasetRng.pick(DIMENSIONS)} dataset ${i + 1}`,
      description: datasetRng.chance(0.5) ? 'Curated dataset shared by several reports.' : null,
      space_token: datasetRng.pick(shared).token,
      created_at: new Date(created).toISOString(),
      updated_at: source.updated_at,
      creator_username: source.creator_username,
      web_url: `https://app.mode.com/${truth.workspace.username}/datasets/${token}`,
      queries: source.queries.slice(0, 1).map((q) => ({
        ...q, token: fresh(datasetRng), id: q.id + 900_000_000, name: 'Dataset query', charts: [], parameters: [], result: null,
      })),
    }
    truth.datasets.push(dataset)
  }
  truth.reports.forEach((report, i) => {
    const rng = new Rng(mixSeed(baseSeed, 0xc0de, i))
    for (const query of report.queries) {
      // SQL from the templates may carry a date form already; a few other queries get a form of their own.
      query.parameters = templateFormParameters(query.raw_query)
      if (query.parameters.length === 0 && rng.chance(0.08)) {
        query.parameters = generateParameters(rng)
        query.raw_query += renderForm(query.parameters, rng.chance(0.5))
      }
      query.result = null
      for (const chart of query.charts) setChartFields(chart, resultColumns(query.token))
    }
    report.last_successful_run_token = null
    report.preview = null
    report.schedules = []
    report.imported_dataset_tokens = truth.datasets.length > 0 && rng.chance(0.1) ? [rng.pick(truth.datasets).token] : []
    if (report.last_run_at !== null) startRun(report, rng, () => fresh(rng))
    if (rng.chance(0.12)) report.schedules = generateSchedules(rng, report, () => fresh(rng))
  })
}

/** A new successful run of `report`: new run and query-run tokens, fresh results and a new preview picture. */
export function startRun(report: TruthReport, rng: Rng, freshToken: () => string): void {
  report.last_successful_run_token = freshToken()
  const previewFault = pickFault<TruthPreviewFault>(rng, [['expired', 0.02], ['redirect', 0.02], ['not_image', 0.02], ['oversized', 0.01]])
  report.preview = rng.chance(0.9) ? { image_id: freshToken(), fault: previewFault } : null
  for (const query of report.queries) {
    query.result = generateResult(rng, freshToken(), query.token)
  }
}

function pickFault<T extends string | null>(rng: Rng, weights: [Exclude<T, null>, number][]): T | null {
  const roll = rng.next()
  let acc = 0
  for (const [fault, p] of weights) {
    acc += p
    if (roll < acc) return fault
  }
  return null
}

/** Columns follow from the query (the same in every run, so its charts' fields stay put); rows from the run. */
function generateResult(rng: Rng, queryRunToken: string, queryToken: string): TruthQueryResult {
  const fault = pickFault<TruthResultFault>(rng, [['purged', 0.03], ['malformed_csv', 0.02], ['gzip', 0.15], ['huge', 0.01]])
  const rowCount = fault === 'huge' ? HUGE_RESULT_ROWS : rng.chance(0.12) ? rng.int(2_000, 4_000) : rng.int(1, 300)
  return { query_run_token: queryRunToken, columns: resultColumns(queryToken), row_count: rowCount, fault }
}

function resultColumns(queryToken: string): TruthQueryResult['columns'] {
  const rng = new Rng(hashString(`columns:${queryToken}`))
  const columns: TruthQueryResult['columns'] = [
    rng.chance(0.6) ? { name: 'day', type: 'date' } : { name: rng.pick(['segment', 'region', 'plan', 'channel']), type: 'string' },
  ]
  const numeric = rng.int(1, 3)
  const names = new Set<string>()
  while (names.size < numeric) names.add(rng.pick(NUMERIC_NAMES))
  for (const name of names) columns.push({ name, type: name.includes('rate') || name.includes('avg') || name === 'revenue' ? 'float' : 'integer' })
  if (rng.chance(0.3)) columns.push({ name: 'note', type: 'string' })
  if (rng.chance(0.2)) columns.push({ name: 'is_active', type: 'boolean' })
  return columns
}

function setChartFields(chart: TruthChart, columns: TruthQueryResult['columns']): void {
  const dimension = columns[0]!.name
  const measures = columns.filter((c) => c.type === 'integer' || c.type === 'float').map((c) => c.name)
  const type = chart.chart_type
  if (type === null || type === 'table' || type === 'pivotTable') Object.assign(chart, { x_fields: [], y_fields: [] })
  else if (type === 'bigNumber') Object.assign(chart, { x_fields: [], y_fields: measures.slice(0, 1) })
  else Object.assign(chart, { x_fields: [dimension], y_fields: measures.slice(0, type === 'pie' ? 1 : 2) })
}

function generateParameters(rng: Rng): TruthParameter[] {
  const count = rng.int(1, 3)
  const out: TruthParameter[] = []
  const kinds: TruthParameter['type'][] = ['text', 'select', 'date', 'number', 'multiselect']
  for (let i = 0; i < count; i++) {
    const type = rng.pick(kinds)
    const name = `${rng.pick(['region', 'start_date', 'segment', 'min_orders', 'plan', 'channel'])}_${i + 1}`
    const options = type === 'select' || type === 'multiselect' ? [...new Set([rng.pick(SEGMENTS), rng.pick(SEGMENTS), 'All'])] : []
    const defaults: Record<TruthParameter['type'], string | null> = {
      text: rng.chance(0.8) ? rng.pick(['acme', 'EMEA', 'my_id']) : null,
      select: options[0] ?? null,
      multiselect: options[0] ?? null,
      date: `2026-0${rng.int(1, 9)}-01`,
      number: String(rng.int(1, 500)),
    }
    out.push({ name, type, default: defaults[type], options })
  }
  return out
}

/** The form block as Mode's editor writes it: YAML-like, options inline (`[a, b]`) or as a `- item` list. */
function renderForm(parameters: TruthParameter[], inlineOptions: boolean): string {
  const lines = ['', '{% form %}']
  for (const p of parameters) {
    lines.push(`${p.name}:`)
    lines.push(p.type === 'multiselect' ? '  type: select' : `  type: ${p.type}`)
    if (p.type === 'multiselect') lines.push('  input_type: multiselect')
    if (p.default !== null) lines.push(`  default: ${p.default}`)
    if (p.options.length > 0) {
      if (inlineOptions) lines.push(`  options: [${p.options.join(', ')}]`)
      else lines.push('  options:', ...p.options.map((o) => `    - ${o}`))
    }
    lines.push('')
  }
  lines.push('{% endform %}')
  return lines.join('\n')
}

function generateSchedules(rng: Rng, report: TruthReport, freshToken: () => string): TruthSchedule[] {
  return Array.from({ length: rng.int(1, 2) }, (_, i) => {
    const freq = rng.pick(FREQUENCIES)
    const hour = rng.int(0, 23)
    return {
      token: freshToken(),
      name: i === 0 ? 'Morning refresh' : `Schedule ${i + 1}`,
      freq,
      hour,
      minute: rng.pick([0, 15, 30, 45]),
      day_of_week: freq === 'weekly' ? rng.int(0, 6) : null,
      day_of_month: freq === 'monthly' ? rng.int(1, 28) : null,
      time_zone: rng.pick(TIME_ZONES),
      last_succeeded_at: report.last_run_at,
      next_scheduled_run: report.last_run_at === null ? null : new Date(Date.parse(report.last_run_at) + 86_400_000).toISOString(),
    }
  })
}

// ---- Result rows ------------------------------------------------------------------------------------------

/** The rows of a result as text cells, exactly as its CSV spells them (first `limit` rows). */
export function resultRows(result: TruthQueryResult, limit = result.row_count): string[][] {
  const rng = new Rng(hashString(result.query_run_token))
  const start = Date.parse('2025-01-01T00:00:00Z')
  const rows: string[][] = []
  const n = Math.min(limit, result.row_count)
  for (let r = 0; r < n; r++) {
    rows.push(result.columns.map((c, ci) => {
      if (ci === 0 && c.type === 'date') return new Date(start + r * 86_400_000).toISOString().slice(0, 10)
      switch (c.type) {
        case 'date': return new Date(start + rng.int(0, 900) * 86_400_000).toISOString().slice(0, 10)
        case 'integer': return String(rng.int(0, 50_000))
        case 'float': return (rng.next() * 1000).toFixed(2)
        case 'boolean': return rng.chance(0.5) ? 'true' : 'false'
        default:
          // Cells that need CSV quoting, and non-ASCII text, appear now and then.
          return ci === 0 ? `${SEGMENTS[r % SEGMENTS.length]} ${r + 1}` : rng.pick(['', 'ok', 'Zürich, CH', 'said "hi"', 'multi\nline', 'naïve café'])
      }
    }))
  }
  return rows
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/**
 * Bodies already rendered, shared by every simulator in the process: a body follows from the result's fields
 * alone, and the Playwright specs sync the same seeded workspaces one after another. Bounded by bytes.
 */
const renderedBodies = new Map<string, { body: Buffer; contentType: string }>()
const RENDERED_BYTES_MAX = 48 * 1024 * 1024
let renderedBytes = 0

/** The results body Mode would send for this query run, faults included (purged answers 404 before this). */
export function resultCsvBody(result: TruthQueryResult): { body: Buffer; contentType: string } {
  const key = JSON.stringify([result.query_run_token, result.row_count, result.fault, result.columns])
  const cached = renderedBodies.get(key)
  if (cached) return cached
  const rendered = renderCsvBody(result)
  if (renderedBytes + rendered.body.length > RENDERED_BYTES_MAX) {
    renderedBodies.clear()
    renderedBytes = 0
  }
  if (rendered.body.length <= RENDERED_BYTES_MAX / 8) {
    renderedBodies.set(key, rendered)
    renderedBytes += rendered.body.length
  }
  return rendered
}

function renderCsvBody(result: TruthQueryResult): { body: Buffer; contentType: string } {
  const lines = [result.columns.map((c) => csvCell(c.name)).join(',')]
  for (const row of resultRows(result)) lines.push(row.map(csvCell).join(','))
  let text = lines.join('\r\n') + '\r\n'
  if (result.fault === 'malformed_csv') text = text.slice(0, Math.floor(text.length / 2)) + '"an unterminated, quoted cell\r\n1,2\r\n'
  const body = Buffer.from(text, 'utf8')
  // Assumption: whether Mode gzips result bodies (and says so) is unknown: a raw gzip file with no
  // Content-Encoding is the harder case, so the simulator sends that one.
  if (result.fault === 'gzip') return { body: gzipSync(body), contentType: 'text/csv' }
  return { body, contentType: 'text/csv; charset=utf-8' }
}

/** The same rows as Mode's `.json` content: assumed to be an array of objects keyed by column name (unconfirmed). */
export function resultJsonBody(result: TruthQueryResult): Buffer {
  const rows = resultRows(result).map((row) => Object.fromEntries(result.columns.map((c, i) => [c.name, row[i]])))
  return Buffer.from(JSON.stringify(rows), 'utf8')
}
