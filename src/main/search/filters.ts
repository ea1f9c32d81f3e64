// The query's filters (collection:, author:, source:, table:, updated:, archived, is:dataset, duplicate, statuses)
// as checks over the in-memory attributes, with each value resolved against the library (tokens, names, labels,
// substrings).
import type { DatabaseSync, SQLInputValue } from 'node:sqlite'
import type { SetLists } from './interned-values.ts'
import { COLLECTION_LABEL_SQL } from './facet-labels.ts'
import { prepareCached } from '../library/statement-cache.ts'
import type { QueryContext } from './query-context.ts'
import type { ParsedQuery } from './query-parser.ts'
import { tablesContaining, tablesNamed } from './term-matching.ts'
import { cachedDuplicateReportTokens } from '../knowledge/duplicate-reads.ts'
import { reportsByStatus, statusPolicy } from '../knowledge/status-reads.ts'

/** Whether a document passes a filter. */
export type Check = (id: number) => boolean

/** The query's filters: the documents it may show at all (archived or not), and further checks, if any. */
export interface Filter {
  visible: Uint8Array
  check: Check | null
}

/** null when a filter can match nothing. */
export function buildFilter(ctx: QueryContext, q: ParsedQuery): Filter | null {
  const { db, store } = ctx
  const checks: Check[] = []
  const f = q.filters

  // Several values of one filter narrow together (collection:a collection:b → in both = usually nothing),
  // which is what a user adding filters expects.
  const oneOf = (values: string[], dict: { find(v: string): number | undefined }, size: number): Uint8Array | null => {
    const allowed = new Uint8Array(size + 1)
    let any = false
    for (const v of values) {
      const i = dict.find(v)
      if (i !== undefined && i <= size) {
        allowed[i] = 1
        any = true
      }
    }
    return any ? allowed : null
  }
  for (const c of f.collections) {
    const allowed = oneOf(resolveCollections(db, c), store.collections, store.collections.values.length)
    if (allowed === null) return null
    checks.push((id) => store.collection[id]! >= 0 && allowed[store.collection[id]!] === 1)
  }
  for (const a of f.authors) {
    const allowed = oneOf(resolveAuthors(db, a), store.authors, store.authors.values.length)
    if (allowed === null) return null
    checks.push((id) => store.author[id]! >= 0 && allowed[store.author[id]!] === 1)
  }
  const anyOf = (lists: SetLists, allowed: Uint8Array): Check => {
    const sets = lists.setsWithAny(allowed)
    const setOf = lists.of
    return (id) => sets[setOf[id]!] === 1
  }
  for (const s of f.sources) {
    const allowed = oneOf(resolveSources(db, s), store.dataSources, store.dataSources.values.length)
    if (allowed === null) return null
    checks.push(anyOf(store.sources, allowed))
  }
  for (const t of f.tables) {
    const ids = resolveTables(ctx, t)
    const allowed = new Uint8Array(store.maxTableId + 1)
    let any = false
    for (const i of ids) {
      if (i < allowed.length) {
        allowed[i] = 1
        any = true
      }
    }
    if (!any) return null
    checks.push(anyOf(store.tables, allowed))
  }
  if (f.updatedAfter) {
    const after = Date.parse(f.updatedAfter)
    checks.push((id) => store.editedMs[id]! >= after)
  }
  if (f.updatedBefore) {
    const before = Date.parse(f.updatedBefore)
    checks.push((id) => store.editedMs[id]! < before)
  }
  if (f.duplicate) {
    const copies = cachedDuplicateReportTokens(db)
    if (copies.size === 0) return null
    checks.push((id) => copies.has(store.token[id]!))
  }
  if (f.dataset) {
    const datasets = datasetTokens(db)
    if (datasets.size === 0) return null
    checks.push((id) => datasets.has(store.token[id]!))
  }
  if (f.statuses.length > 0) {
    const byStatus = reportsByStatus(db, statusPolicy(db, ctx.today * 86_400_000, ctx.staleAfterDays))
    for (const status of f.statuses) {
      const reports = byStatus.get(status)
      if (!reports) return null
      checks.push((id) => reports.has(store.token[id]!))
    }
  }
  const visible = store.visible(f.archived)
  if (checks.length === 0) return { visible, check: null }
  if (checks.length === 1) return { visible, check: checks[0]! }
  return {
    visible,
    check: (id) => {
      for (const check of checks) if (!check(id)) return false
      return true
    },
  }
}


export type Row = Record<string, SQLInputValue>

/** Mode Datasets are listed beside reports and stored as reports of type DatasetReport. */
function datasetTokens(db: DatabaseSync): Set<string> {
  return new Set((prepareCached(db, "SELECT token FROM reports WHERE report_type = 'DatasetReport'").all() as Row[]).map((r) => String(r.token)))
}

/** Exact (case-insensitive) matches when there are any, else substring matches: "collection:product". */
export function exactOrContains(db: DatabaseSync, exactSql: string, containsSql: string, value: string): string[] {
  const exact = prepareCached(db, exactSql).all(value, value) as Row[]
  const rows = exact.length > 0 ? exact : (prepareCached(db, containsSql).all(value, value) as Row[])
  return [...new Set(rows.map((r) => String(r.v)))]
}

/**
 * By token, name or label: `collection:Personal` is every personal collection (they are all named that),
 * `collection:"Personal — ana"` (the label facets show) is ana's.
 */
export function resolveCollections(db: DatabaseSync, value: string): string[] {
  return exactOrContains(
    db,
    `SELECT token AS v FROM collections c WHERE token = ?1 OR lower(name) = lower(?2) OR lower(${COLLECTION_LABEL_SQL}) = lower(?2)`,
    `SELECT token AS v FROM collections c
      WHERE instr(lower(${COLLECTION_LABEL_SQL}), lower(?2)) > 0 OR instr(lower(token), lower(?1)) > 0`,
    value,
  )
}

/**
 * Whole usernames and names first (`author:ana` is ana, not diana or anand), then whole words of them
 * (ana.lima, "Ana Lima"), and only then substrings.
 */
export function resolveAuthors(db: DatabaseSync, value: string): string[] {
  const v = value.toLowerCase()
  const exact = prepareCached(db, 'SELECT username AS v FROM members WHERE lower(username) = ?1 OR lower(name) = ?1').all(v) as Row[]
  if (exact.length > 0) return exact.map((r) => String(r.v))
  const all = prepareCached(db, 'SELECT username, coalesce(name, \'\') AS name FROM members').all() as Array<{ username: string; name: string }>
  const words = (text: string): string[] => text.toLowerCase().split(/[\s._@-]+/)
  const whole = all.filter((m) => words(m.username).includes(v) || words(m.name).includes(v)).map((m) => m.username)
  if (whole.length > 0) return whole
  const part = all.filter((m) => m.username.toLowerCase().includes(v) || m.name.toLowerCase().includes(v)).map((m) => m.username)
  // Reports can name a creator who is no longer a member: the username itself still filters.
  return part.length > 0 ? part : [value]
}

export function resolveSources(db: DatabaseSync, value: string): string[] {
  return exactOrContains(
    db,
    'SELECT id AS v FROM data_sources WHERE id = ? OR lower(name) = lower(?)',
    'SELECT id AS v FROM data_sources WHERE instr(lower(name), lower(?)) > 0 OR instr(lower(coalesce(adapter, \'\')), lower(?)) > 0',
    value,
  )
}

/** table:fct_orders → analytics.fct_orders; an exact name wins, then a last-part match, then substrings. */
function resolveTables(ctx: QueryContext, value: string): number[] {
  // A table facet value also stands for the other names of that table (TableNames.groups).
  const exact = ctx.tables.withSameTable(tablesNamed(ctx, value))
  return exact.length > 0 ? exact : tablesContaining(ctx.db, value, 500)
}
