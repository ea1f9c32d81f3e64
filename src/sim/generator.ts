// Deterministic sample workspaces: the same options give byte-identical output (tokens included), so tests,
// benchmarks and the app's sample workspace can rely on exact contents. Each report draws from its own
// sub-stream of the seed, which keeps generation linear and fast (100k reports in a few seconds).

import { Rng, hashString, mixSeed, tokenText, zipfCumulative } from './prng.ts'
import { DIALECTS, TABLES, type Dialect, type DialectKey } from './sql-dialects.ts'
import { addReportContent } from './report-content.ts'
import { buildSql } from './sql-templates.ts'
import type {
  Truth, TruthChart, TruthDataSource, TruthGroup, TruthMember, TruthQuery, TruthReport, TruthSpace, SimMemberState,
} from './truth.ts'
import {
  CHART_TITLES, CHART_TYPES, DESCRIPTION_FORMS, DIMENSIONS, DOMAINS, FIRST_NAMES, GROUP_NAMES, LAST_NAMES,
  MISC_COLLECTIONS, PERIODS, QUERY_NAMES, REPORT_FORMS, SEGMENTS, type Domain,
} from './vocabulary.ts'

export interface GenerateOptions {
  seed: number
  reports: number
  /** Workspace slug; default `acme-analytics`. */
  workspace?: string
  /** Mean number of queries per report (each report has 1–6); default 2. */
  queriesPerReport?: number
  /** Make this user the account (an active admin) instead of a generated one; used for multi-workspace sims. */
  account?: { username: string; name: string; email: string }
}

/** The built-in sample workspace ("Explore a sample workspace", `npm run demo`). */
export const SAMPLE_WORKSPACE: Required<Pick<GenerateOptions, 'seed' | 'reports' | 'workspace'>> = {
  seed: 424242,
  reports: 400,
  workspace: 'sample-analytics',
}

export function generateSampleWorkspace(): Truth {
  return generateWorkspace(SAMPLE_WORKSPACE)
}

// Generated history spans these dates; they stay in the past so mutations (stamped with the real clock) are
// always newer than anything generated.
const HISTORY_START = Date.parse('2019-03-01T00:00:00.000Z')
const HISTORY_END = Date.parse('2026-09-30T00:00:00.000Z')

interface DataSourceSpec { name: string; dialect: DialectKey; database: string; host: string }
const DATA_SOURCE_SPECS: DataSourceSpec[] = [
  { name: 'Snowflake — Analytics', dialect: 'snowflake', database: 'ANALYTICS', host: 'acme.us-east-1.snowflakecomputing.com' },
  { name: 'BigQuery (acme-data-prod)', dialect: 'bigquery', database: 'default', host: 'acme-data-prod' },
  { name: 'Postgres — App Replica', dialect: 'postgres', database: 'app_production', host: 'replica-1.db.internal' },
  { name: 'Redshift (legacy)', dialect: 'redshift', database: 'warehouse', host: 'legacy-dw.c3x9.us-west-2.redshift.amazonaws.com' },
  { name: 'Shop MySQL (read-only)', dialect: 'mysql', database: 'shop', host: 'mysql-ro.shop.internal' },
  { name: 'Trino Data Lake', dialect: 'trino', database: 'hive', host: 'trino.lake.internal' },
]

export function generateWorkspace(options: GenerateOptions): Truth {
  const workspace = options.workspace ?? 'acme-analytics'
  const reportCount = Math.max(0, Math.floor(options.reports))
  const meanQueries = Math.min(6, Math.max(1, options.queriesPerReport ?? 2))
  const baseSeed = mixSeed(options.seed, hashString(workspace))
  const rng = new Rng(baseSeed)
  // Uniqueness is checked on the token's 48-bit value: a Set of numbers is far cheaper than one of strings.
  const tokens = new Set<number>()
  const freshToken = (r: Rng): string => {
    let value = r.tokenValue()
    while (tokens.has(value)) value = r.tokenValue()
    tokens.add(value)
    return tokenText(value)
  }
  const company = workspace.split(/[-_]/)[0] || 'acme'
  const emailDomain = `${company.replace(/[^a-z0-9]/gi, '').toLowerCase() || 'acme'}.com`

  const members = generateMembers(rng, reportCount, emailDomain, freshToken, options.account)
  const account = members[0]!
  const dataSources = generateDataSources(rng, baseSeed, freshToken)
  const { shared, sharedDomains } = generateSharedSpaces(rng, reportCount, freshToken, baseSeed)
  const personal: TruthSpace[] = members.map((m, i) => ({
    token: freshToken(rng), id: 1_920_000 + 500 + i, name: 'Personal', description: null, space_type: 'private',
    state: 'active', restricted: false, personal_owner_username: m.username,
  }))
  const groups = generateGroups(rng, members, freshToken)

  // Active people write most reports; a few power users write a lot.
  const authorOrder = members.filter((m) => m.state !== 'invited')
  const authorWeights = zipfCumulative(authorOrder.length, 0.8)
  const sharedWeights = zipfCumulative(shared.length, 0.9)
  const dsWeights = dataSources.map((_, i) => (i === 0 ? 6 : 2 / i)).reduce<number[]>((a, w) => [...a, (a.at(-1) ?? 0) + w], [])

  const reports: TruthReport[] = new Array(reportCount)
  for (let i = 0; i < reportCount; i++) {
    const r = new Rng(mixSeed(baseSeed, 0x5eed, i))
    const creator = authorOrder[r.weighted(authorWeights)] ?? account
    let space: TruthSpace
    let domain: Domain
    if (r.chance(0.27)) {
      space = personal[members.indexOf(creator)]!
      domain = r.pick(DOMAINS)
    } else {
      const s = r.weighted(sharedWeights)
      space = shared[s]!
      domain = sharedDomains[s]!
    }
    reports[i] = generateReport(r, {
      index: i, count: reportCount, workspace, creator: creator.username, space: space.token, domain,
      dataSources, dsWeights, meanQueries, freshToken,
    })
  }

  const truth: Truth = {
    workspace: { username: workspace, name: titleCase(workspace) },
    account_username: account.username,
    spaces: [...shared, ...personal],
    reports,
    datasets: [],
    data_sources: dataSources,
    members,
    groups,
  }
  addReportContent(truth, baseSeed)
  return truth
}

function titleCase(slug: string): string {
  return slug.split(/[-_]/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ')
}

function asciiName(text: string): string {
  return text.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase()
}

function generateMembers(
  rng: Rng, reportCount: number, emailDomain: string, freshToken: (r: Rng) => string,
  account: GenerateOptions['account'],
): TruthMember[] {
  const count = Math.min(600, Math.max(8, Math.round(8 + reportCount / 40)))
  const usernames = new Set<string>()
  const members: TruthMember[] = []
  if (account) {
    usernames.add(account.username)
    members.push({ ...account, token: freshToken(rng), admin: true, state: 'active' })
  }
  while (members.length < count) {
    const first = rng.pick(FIRST_NAMES)
    const last = rng.pick(LAST_NAMES)
    let username = `${asciiName(first)}${asciiName(last)}`
    for (let n = 2; usernames.has(username); n++) username = `${asciiName(first)}${asciiName(last)}${n}`
    usernames.add(username)
    const first_member = members.length === 0
    const roll = rng.next()
    const state: SimMemberState = first_member ? 'active' : roll < 0.08 ? 'invited' : roll < 0.15 ? 'deactivated' : 'active'
    members.push({
      username,
      token: freshToken(rng),
      name: `${first} ${last}`,
      email: `${asciiName(first)}.${asciiName(last)}${username.match(/\d+$/)?.[0] ?? ''}@${emailDomain}`,
      admin: first_member || (state === 'active' && rng.chance(0.08)),
      state,
    })
  }
  return members
}

function generateDataSources(rng: Rng, baseSeed: number, freshToken: (r: Rng) => string): TruthDataSource[] {
  const count = 3 + rng.int(0, 3)
  // The primary warehouse varies by workspace; the rest follow in a fixed order.
  const first = baseSeed % 2 === 0 ? 0 : 1
  const order = [first, ...DATA_SOURCE_SPECS.keys()].filter((v, i, a) => a.indexOf(v) === i).slice(0, count)
  return order.map((specIndex, i) => {
    const spec = DATA_SOURCE_SPECS[specIndex]!
    return {
      id: 34_000 + i * 17 + rng.int(0, 9), token: freshToken(rng), name: spec.name,
      adapter: DIALECTS[spec.dialect].adapter, database: spec.database, host: spec.host,
    }
  })
}

function generateSharedSpaces(rng: Rng, reportCount: number, freshToken: (r: Rng) => string, baseSeed: number) {
  // Main collection of each domain first, then the second of each, and so on, then miscellaneous ones.
  const candidates: { name: string; domain: Domain; type: TruthSpace['space_type'] }[] = []
  const depth = Math.max(...DOMAINS.map((d) => d.collections.length))
  for (let level = 0; level < depth; level++) {
    for (const domain of DOMAINS) {
      const name = domain.collections[level]
      if (name) candidates.push({ name, domain, type: 'custom' })
    }
    if (level === 0) candidates.push({ name: 'Community', domain: DOMAINS[2]!, type: 'community' })
  }
  const miscRng = new Rng(mixSeed(baseSeed, 0x515c))
  for (const name of MISC_COLLECTIONS) candidates.push({ name, domain: miscRng.pick(DOMAINS), type: 'custom' })
  const count = Math.min(candidates.length, 8 + Math.floor(reportCount / 100))
  const chosen = candidates.slice(0, count)
  const shared: TruthSpace[] = chosen.map((c, i) => ({
    token: freshToken(rng),
    id: 1_919_700 + i * 3,
    name: c.name,
    description: rng.chance(0.6) ? `${c.name} reports maintained by the ${c.domain.collections[0]} team.` : null,
    space_type: c.type,
    state: 'active',
    restricted: /Finance|People|Risk|Board/.test(c.name) && rng.chance(0.7),
    personal_owner_username: null,
  }))
  return { shared, sharedDomains: chosen.map((c) => c.domain) }
}

function generateGroups(rng: Rng, members: TruthMember[], freshToken: (r: Rng) => string): TruthGroup[] {
  const count = Math.min(GROUP_NAMES.length, 3 + Math.floor(members.length / 20))
  const active = members.filter((m) => m.state === 'active').map((m) => m.username)
  return GROUP_NAMES.slice(0, count).map((name, i) => {
    let memberUsernames: string[]
    if (i === 0) memberUsernames = active
    else {
      const size = Math.min(active.length, rng.int(2, 25))
      const picked = new Set<string>()
      for (let guard = 0; picked.size < size && guard < size * 10; guard++) picked.add(rng.pick(active))
      memberUsernames = [...picked]
    }
    return { token: freshToken(rng), name, member_usernames: memberUsernames }
  })
}

interface ReportContext {
  index: number
  count: number
  workspace: string
  creator: string
  space: string
  domain: Domain
  dataSources: TruthDataSource[]
  dsWeights: number[]
  meanQueries: number
  freshToken: (r: Rng) => string
}

const iso = (ms: number): string => new Date(Math.round(ms)).toISOString()

function poissonAtMost(r: Rng, lambda: number, max: number): number {
  const limit = Math.exp(-lambda)
  let k = 0
  let p = r.next()
  while (p > limit && k < max) {
    k++
    p *= r.next()
  }
  return k
}

function generateReport(r: Rng, c: ReportContext): TruthReport {
  // Ids and creation times grow together; later years hold more reports, as a growing team writes more.
  const span = HISTORY_END - HISTORY_START
  const created = HISTORY_START + Math.pow((c.index + r.next()) / Math.max(1, c.count), 0.7) * span * 0.97
  const remaining = HISTORY_END - created
  const updated = created + remaining * Math.pow(r.next(), 2.5)
  const edited = r.chance(0.95) ? created + (updated - created) * r.next() : null
  const lastSaved = edited === null ? null : Math.max(edited, updated - r.next() * 60_000)
  const lastRun = r.chance(0.1) ? null : updated + (HISTORY_END - updated) * r.next()

  const metric = r.pick(c.domain.metrics)
  const dimension = r.pick(DIMENSIONS)
  const name = r.chance(0.012) ? null
    : r.pick(REPORT_FORMS)(metric, dimension, r.pick(SEGMENTS), r.pick(PERIODS))
  const table = TABLES[r.pick(c.domain.tables)]!
  const roll = r.next()
  const description = roll < 0.35 ? null : roll < 0.4 ? ''
    : r.pick(DESCRIPTION_FORMS)(metric, dimension, c.domain.collections[0]!, `${table.schema}.${table.name}`)

  const token = c.freshToken(r)
  const queryCount = 1 + poissonAtMost(r, c.meanQueries - 1, 5)
  const primaryDs = c.dataSources[r.weighted(c.dsWeights)]!
  const queries: TruthQuery[] = []
  for (let q = 0; q < queryCount; q++) {
    const ds = r.chance(0.85) ? primaryDs : r.pick(c.dataSources)
    const dialect: Dialect = dialectOf(ds.adapter)
    const qCreated = created + q * 60_000 * r.next()
    queries.push({
      token: c.freshToken(r),
      id: 10_000_000 + c.index * 8 + q,
      name: q === 0 && r.chance(0.3) ? 'Query 1' : r.pick(QUERY_NAMES),
      raw_query: buildSql({ rng: r, dialect, tableKeys: c.domain.tables, metric }),
      data_source_id: ds.id,
      created_at: iso(qCreated),
      updated_at: iso(Math.max(qCreated, (lastSaved ?? updated) - r.next() * 30_000)),
      charts: generateCharts(r, c.freshToken),
      parameters: [],
      result: null,
    })
  }

  return {
    token,
    id: 2_900_000 + c.index * 3 + r.int(0, 2),
    name,
    description,
    space_token: c.space,
    archived: r.chance(0.06),
    created_at: iso(created),
    updated_at: iso(updated),
    edited_at: edited === null ? null : iso(edited),
    last_saved_at: lastSaved === null ? null : iso(lastSaved),
    last_run_at: lastRun === null ? null : iso(lastRun),
    ...failedLastRun(token, lastRun),
    view_count: Math.floor(Math.exp(r.next() * 8)) - 1,
    creator_username: c.creator,
    web_url: `https://app.mode.com/${c.workspace}/reports/${token}`,
    queries,
    last_successful_run_token: null,
    preview: null,
    schedules: [],
    imported_dataset_tokens: [],
  }
}

function generateCharts(r: Rng, freshToken: (r: Rng) => string): TruthChart[] {
  const roll = r.next()
  const count = roll < 0.15 ? 0 : roll < 0.75 ? 1 : roll < 0.95 ? 2 : 3
  const charts: TruthChart[] = []
  for (let i = 0; i < count; i++) {
    const unconfigured = r.chance(0.03)
    charts.push({
      token: freshToken(r),
      title: unconfigured || r.chance(0.05) ? null : r.pick(CHART_TITLES),
      chart_type: unconfigured ? null : r.pick(CHART_TYPES),
      x_fields: [],
      y_fields: [],
    })
  }
  return charts
}

const DIALECT_BY_ADAPTER = new Map(Object.values(DIALECTS).map((d) => [d.adapter, d]))

export function dialectOf(adapter: string): Dialect {
  return DIALECT_BY_ADAPTER.get(adapter) ?? DIALECTS.postgres
}

/**
 * About one report in eleven that ran has a last run that failed: its last success was 1–30 days before it.
 * Decided by the token's hash, not the generator's random stream, so every other generated value stays as it was.
 */
function failedLastRun(token: string, lastRun: number | null): Pick<TruthReport, 'last_successfully_run_at'> {
  const h = hashString(`failed-run|${token}`)
  if (lastRun === null || h % 11 !== 0) return {}
  return { last_successfully_run_at: iso(lastRun - (1 + (h % 30)) * 86_400_000) }
}
