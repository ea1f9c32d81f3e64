// Search over the library: parse → match → filter → rank → page → snippets, plus the exact total and facet
// counts over the whole match set, and a typo-tolerant fallback when exact matching finds little.
//
// How it stays fast at 100,000 reports: every report's filter/facet/ranking attributes live in memory
// (doc-store.ts, refreshed from the index writer's change log), and each query word costs one rowid-only
// pass over each field's word index (match-set.ts). Filters, the total, facets and ranking are then array
// work in JS. Ranking is BM25 computed here from which fields each word matched in (name above description
// above the other fields; SQL-only matches in a lower tier), times a gentle recency/popularity boost; the
// text is only read for the page of hits (snippets). Read-only: it may run on its own connection beside
// the sync, and each search reads one snapshot.
import type { DatabaseSync, SQLInputValue } from 'node:sqlite'
import type { FacetCount, SearchFacets, SearchHit, SearchRequest, SearchResult, Snippet } from '../../shared/model.ts'
import { DocStore } from './doc-store.ts'
import { COLLECTION_LABEL_SQL, FacetLabels, collectionLabel } from './facet-labels.ts'
import type { SetLists } from './doc-store.ts'
import { FIELD_WEIGHTS, META_FIELD, SQL_FIELD } from './fields.ts'
import { prepareCached } from './index-writer.ts'
import { MatchBuffers, RowidCache, matchTerm } from './match-set.ts'
import type { TermExpr, TermMatch } from './match-set.ts'
import { parseSearchQuery, termToFts } from './query-parser.ts'
import type { ParsedQuery, SearchTerm } from './query-parser.ts'
import { firstMatch, markText } from './snippets.ts'
import { isSqlStopwordAt } from './sql-stopwords.ts'
import type { MatchToken } from './snippets.ts'
import { findNearTerms } from './typo-fallback.ts'

export interface SearchService {
  search(request: SearchRequest): SearchResult
  /**
   * Loads what the first search would otherwise load (every report's attributes: about half a second at
   * 100,000 reports) in small steps that yield to the event loop between them, so a library opening does not
   * block the main thread and a search arriving meanwhile only waits for what is left. Resolves when done,
   * when `shouldStop()` says so, or at the first error (a library closed meanwhile); never rejects.
   */
  warm(options?: WarmOptions): Promise<void>
}

export interface WarmOptions {
  /** Checked between steps: stop early (the library closed or changed). */
  shouldStop?: () => boolean
  /** Reports read per step (default 4,000: about 20–40 ms of main-thread time each). */
  stepRows?: number
}

export interface SearchServiceOptions {
  now?: () => Date
  /** Exact hits below this count trigger the typo-tolerant fallback. */
  fallbackBelow?: number
  /** Values listed per facet. */
  facetSize?: number
  /** Rowids of common words kept between searches while the library is unchanged (0 turns it off). */
  wordCacheRows?: number
}

const UNTITLED = 'Untitled report'
// BM25 parameters (FTS5's defaults).
const K1 = 1.2
const B = 0.75

export function createSearchService(db: DatabaseSync, options: SearchServiceOptions = {}): SearchService {
  const now = options.now ?? (() => new Date())
  const fallbackBelow = options.fallbackBelow ?? 5
  const facetSize = options.facetSize ?? 20
  const store = new DocStore(db)
  const buffers = new MatchBuffers()
  // 4M rows = 16 MB at most.
  const rowidCache = new RowidCache(options.wordCacheRows ?? 4_000_000)
  const labels = new FacetLabels(db)
  tuneReadConnection(db)

  function search(request: SearchRequest): SearchResult {
    // One read transaction: the attributes refresh, every FTS pass and hydration see the same committed
    // snapshot (WAL), so a sync committing meanwhile can never make them disagree about a report.
    const own = !db.isTransaction
    if (own) db.exec('BEGIN DEFERRED')
    try {
      return searchInSnapshot(request)
    } finally {
      buffers.releaseAll()
      if (own && db.isTransaction) db.exec('COMMIT')
    }
  }

  function searchInSnapshot(request: SearchRequest): SearchResult {
    const started = performance.now()
    const limit = Math.max(1, Math.min(500, request.limit ?? 50))
    const offset = Math.max(0, request.offset ?? 0)
    const wantFacets = request.facets ?? true
    const parsed = parseSearchQuery(request.query)
    store.refresh()
    rowidCache.validate(store.seq)
    labels.validate(store.seq)
    const ctx: QueryContext = { db, store, buffers, rowidCache, labels, today: now().getTime() / 86_400_000, memo: new Map() }

    const filter = buildFilter(ctx, parsed)
    const terms = parsed.terms.map((t) => termExpr(ctx, t))
    const excluded = parsed.excluded.map((t) => ({ fts: termToFts({ ...t, prefix: false }) }))
    const exact: QueryOutcome =
      filter === null ? emptyOutcome() : runQuery(ctx, terms, excluded, filter, limit + offset, wantFacets ? facetSize : 0)

    // Typo-tolerant fallback: words with a near spelling in the vocabulary, ranked below every exact hit.
    let fuzzy: RankedRow[] = []
    let fuzzyTokens: MatchToken[] = []
    const words = parsed.terms.filter((t) => !t.phrase)
    if (filter !== null && exact.total < fallbackBelow && words.length > 0) {
      const alt = fuzzyTerms(db, parsed, terms)
      if (alt !== null) {
        const seen = new Set(exact.top.map((r) => r.id))
        const more = runQuery(ctx, alt.terms, excluded, filter, limit + offset + seen.size, 0)
        const floor = exact.top.length > 0 ? Math.min(...exact.top.map((r) => r.score)) : 1
        fuzzy = more.top
          .filter((r) => !seen.has(r.id))
          .map((r, i) => ({ ...r, score: (floor * 0.5) / (1 + i) }))
        fuzzyTokens = alt.tokens
      }
    }

    const exactCount = exact.top.length
    const page = [...exact.top, ...fuzzy].slice(offset, offset + limit)
    const hits = hydrate(db, page, parsed, (i) => i + offset >= exactCount, fuzzyTokens)
    return {
      hits,
      total: exact.total,
      facets: exact.facets,
      tookMs: Math.round((performance.now() - started) * 100) / 100,
      usedFallback: fuzzy.length > 0,
    }
  }

  async function warm(warmOptions: WarmOptions = {}): Promise<void> {
    const stop = warmOptions.shouldStop ?? (() => false)
    const step = Math.max(10, warmOptions.stepRows ?? 4000)
    const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve))
    try {
      if (store.loaded) return
      store.beginLoad()
      for (;;) {
        await yieldToEvents()
        if (stop()) return
        if (store.loadSome(step)) break
      }
      await yieldToEvents()
      if (stop()) return
      // The rest (changes logged meanwhile, ranking and visibility arrays, statements, JIT) in one small search.
      search({ query: '', limit: 1, facets: false })
    } catch {
      // A library closed or replaced mid-way: the next search loads what it needs itself.
    }
  }

  return { search, warm }
}

/**
 * Read-side PRAGMAs (per connection; harmless for a connection that also writes): memory-mapped reads
 * so FTS pages are not copied through the page cache, and temporary structures in memory.
 */
function tuneReadConnection(db: DatabaseSync): void {
  const mmap = Number((db.prepare('PRAGMA mmap_size').get() as { mmap_size: number } | undefined)?.mmap_size ?? 0)
  if (mmap < 256 * 1024 * 1024) db.exec('PRAGMA mmap_size = 1073741824')
  db.exec('PRAGMA temp_store = MEMORY')
}

interface QueryContext {
  db: DatabaseSync
  store: DocStore
  /** Days since 1970 (recency boost). */
  today: number
  /** Term matches of this search by FTS text (the fallback re-runs unchanged words). */
  memo: Map<string, TermMatch>
  buffers: MatchBuffers
  rowidCache: RowidCache
  labels: FacetLabels
}

interface RankedRow {
  id: number
  token: string
  score: number
}

interface QueryOutcome {
  total: number
  top: RankedRow[]
  facets: SearchFacets
}

function emptyOutcome(): QueryOutcome {
  return { total: 0, top: [], facets: emptyFacets() }
}

// ---- matching ----------------------------------------------------------------------------------------

/**
 * A positive word as FTS text. An identifier-like word (fct_orders, orders_dai) also matches reports that
 * read a table whose name contains it as a substring (trigram index of table names), as a match in the
 * "other fields" group where table names live.
 */
function termExpr(ctx: QueryContext, t: SearchTerm): TermExpr {
  const fts = termToFts(t)
  const sqlFts = sqlMatchOf(t)
  if (!t.identifier) return { fts, sqlFts }
  const tableIds = tablesContaining(ctx.db, t.raw.toLowerCase(), 500)
  if (tableIds.length === 0) return { fts, sqlFts }
  return { fts, sqlFts, extra: { ids: docsReadingTables(ctx.store, tableIds), field: META_FIELD } }
}

/**
 * In SQL bodies a prefix of one or two letters matches whole words only: "gr" as a prefix would match most
 * of the library's SQL (and tells nothing); in names and descriptions it still prefix-matches as you type.
 * undefined: the same MATCH text as the other fields.
 */
function sqlMatchOf(t: SearchTerm): string | undefined {
  if (!t.prefix || (t.tokens[t.tokens.length - 1] ?? '').length > 2) return undefined
  return termToFts({ ...t, prefix: false })
}

/** Documents that read any of these tables (a scan of the in-memory table lists). */
function docsReadingTables(store: DocStore, tableIds: number[]): number[] {
  const wanted = new Uint8Array(store.maxTableId + 1)
  for (const t of tableIds) if (t < wanted.length) wanted[t] = 1
  const matching = store.tables.setsWithAny(wanted)
  const setOf = store.tables.of
  const out: number[] = []
  for (let id = 0; id < store.capacity; id++) if (store.present[id] === 1 && matching[setOf[id]!] === 1) out.push(id)
  return out
}

function matchOf(ctx: QueryContext, term: TermExpr): TermMatch {
  const key = `${term.fts}\u0000${term.sqlFts === undefined ? '' : String(term.sqlFts)}${term.extra ? '\u0000extra' : ''}`
  let m = ctx.memo.get(key)
  if (!m) {
    m = matchTerm(ctx.db, term, ctx.store.capacity, ctx.buffers, ctx.rowidCache)
    ctx.memo.set(key, m)
  }
  return m
}

/**
 * Matches, filters, counts and ranks. A report matches when every positive word matches in some field and
 * no excluded word matches anywhere. Returns the exact total, facets over the whole match set (when asked)
 * and the best `n` in order. Facets are counted when facetSize > 0.
 */
function runQuery(ctx: QueryContext, terms: TermExpr[], excluded: TermExpr[], filter: Filter, n: number,
  facetSize: number): QueryOutcome {
  const { store } = ctx
  const cap = store.capacity
  let excl: Uint8Array | null = null
  for (const e of excluded) {
    const m = matchOf(ctx, e)
    excl ??= new Uint8Array(cap)
    for (const id of m.ids) excl[id] = 1
  }
  const top = new TopN(n)
  const boosts = store.boosts(ctx.today)
  // The match set, for facet counting after the walk.
  const matched = facetSize > 0 ? ctx.buffers.take(cap).ids : null
  let total = 0

  if (terms.length === 0) {
    // Filters (or exclusions) only: every report that passes, by recency and popularity.
    const { visible, check } = filter
    for (let id = 0; id < cap; id++) {
      if (visible[id] === 0 || (excl !== null && excl[id] === 1) || (check !== null && !check(id))) continue
      if (matched !== null) matched[total] = id
      total++
      top.offer(id, 1, boosts[id]!)
    }
  } else {
    const matches: TermMatch[] = []
    for (const t of terms) {
      const m = matchOf(ctx, t)
      matches.push(m)
      if (m.count === 0) return { total: 0, top: [], facets: emptyFacets() }
    }
    // Walk the rarest word's matches; the others are lookups. Hot loop: plain locals and typed arrays.
    let rarest = matches[0]!
    for (const m of matches) if (m.count < rarest.count) rarest = m
    const docs = store.count || 1
    // BM25 with a term frequency of one per field: Σ over words and the fields they matched in of
    // idf × field weight × (k1 + 1) / (1 + k1 × (1 − b + b × length / average length)).
    const coef = new Float64Array(matches.length * 4)
    matches.forEach((m, t) => {
      // Lucene's idf: always positive, so a word in most reports still counts a little (FTS5 floors it at 1e-6).
      const idf = Math.log(1 + (docs - m.count + 0.5) / (m.count + 0.5))
      for (let f = 0; f < 4; f++) coef[t * 4 + f] = FIELD_WEIGHTS[f]! * idf * (K1 + 1)
    })
    const lenA = new Float64Array(4)
    const lenB = new Float64Array(4)
    for (let f = 0; f < 4; f++) {
      lenA[f] = 1 + K1 * (1 - B)
      lenB[f] = (K1 * B) / Math.max(1, store.lengthSums[f]! / docs)
    }
    const lengths = store.lengths
    const { visible, check } = filter
    const fields = matches.map((m) => m.fields)
    const termCount = fields.length
    const ids = rarest.ids
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!
      if (visible[id] === 0 || (excl !== null && excl[id] === 1)) continue
      let inFields = true
      let t = 0
      for (; t < termCount; t++) {
        const bits = fields[t]![id]!
        if (bits === 0) break
        if ((bits & ~SQL_FIELD) === 0) inFields = false
      }
      if (t < termCount || (check !== null && !check(id))) continue
      if (matched !== null) matched[total] = id
      total++
      // Once the best n are all tier 1, a report matching some word only in SQL cannot make the page.
      if (!inFields && top.fullAbove(1)) continue
      let score = 0
      const at = 4 * id
      for (t = 0; t < termCount; t++) {
        const bits = fields[t]![id]!
        const c = t * 4
        if (bits & 1) score += coef[c]! / (lenA[0]! + lenB[0]! * lengths[at]!)
        if (bits & 2) score += coef[c + 1]! / (lenA[1]! + lenB[1]! * lengths[at + 1]!)
        if (bits & 4) score += coef[c + 2]! / (lenA[2]! + lenB[2]! * lengths[at + 2]!)
        if (bits & 8) score += coef[c + 3]! / (lenA[3]! + lenB[3]! * lengths[at + 3]!)
      }
      top.offer(id, inFields ? 1 : 0, score * boosts[id]!)
    }
  }
  const facets = matched === null ? emptyFacets() : countFacets(ctx.labels, store, matched.subarray(0, total), facetSize)
  return { total, top: top.result(store), facets }
}

/**
 * The best n by (tier, score), ties by document id, kept in a bounded min-heap. Scores are reported so that
 * order and score agree: tier 1 (every word in the name, description or other fields) above 1, tier 0
 * (some word only in SQL) below 1.
 */
class TopN {
  private readonly ids: number[] = []
  private readonly keys: number[] = []
  private readonly n: number
  constructor(n: number) {
    this.n = n
  }
  /** a ranks below b */
  private below(i: number, j: number): boolean {
    const ki = this.keys[i]!
    const kj = this.keys[j]!
    return ki < kj || (ki === kj && this.ids[i]! > this.ids[j]!)
  }
  /** Whether n rows are held and the worst has a key of at least `key`. */
  fullAbove(key: number): boolean {
    return this.ids.length >= this.n && this.keys[0]! >= key
  }
  offer(id: number, tier: number, score: number): void {
    const key = tier === 1 ? 1 + score : score / (1 + score)
    if (this.ids.length < this.n) {
      this.ids.push(id)
      this.keys.push(key)
      this.up(this.ids.length - 1)
      return
    }
    const rootKey = this.keys[0]!
    if (key < rootKey || (key === rootKey && id > this.ids[0]!)) return
    this.ids[0] = id
    this.keys[0] = key
    this.down(0)
  }
  private swap(i: number, j: number): void {
    // (Not a destructuring swap: that allocates an array per swap.)
    const id = this.ids[i]!
    this.ids[i] = this.ids[j]!
    this.ids[j] = id
    const key = this.keys[i]!
    this.keys[i] = this.keys[j]!
    this.keys[j] = key
  }
  private up(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!this.below(i, p)) return
      this.swap(i, p)
      i = p
    }
  }
  private down(i: number): void {
    const len = this.ids.length
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < len && this.below(l, m)) m = l
      if (r < len && this.below(r, m)) m = r
      if (m === i) return
      this.swap(i, m)
      i = m
    }
  }
  result(store: DocStore): RankedRow[] {
    const order = this.ids.map((id, i) => ({ id, key: this.keys[i]! }))
    order.sort((a, b) => b.key - a.key || a.id - b.id)
    return order.map((o) => ({ id: o.id, token: store.token[o.id]!, score: o.key }))
  }
}

// ---- filters -----------------------------------------------------------------------------------------

/** Whether a document passes a filter. */
type Check = (id: number) => boolean

/** The query's filters: the documents it may show at all (archived or not), and further checks, if any. */
interface Filter {
  visible: Uint8Array
  check: Check | null
}

/** null when a filter can match nothing. */
function buildFilter(ctx: QueryContext, q: ParsedQuery): Filter | null {
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
    const ids = resolveTables(db, t)
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

/** Ids of table names containing `needle` (trigram substring search; instr for needles under three characters). */
function tablesContaining(db: DatabaseSync, needle: string, max: number): number[] {
  const clean = needle.replace(/["`[\]]/g, '')
  if (clean.length === 0) return []
  if (clean.length < 3) {
    const rows = prepareCached(db, `SELECT id FROM search_table_names WHERE instr(name, ?) > 0 LIMIT ?`).all(clean, max)
    return rows.map((r) => Number((r as { id: number }).id))
  }
  const rows = prepareCached(
    db,
    `SELECT rowid AS id FROM search_table_names_tri WHERE search_table_names_tri MATCH ? LIMIT ?`,
  ).all(`"${clean.replace(/"/g, '""')}"`, max)
  return rows.map((r) => Number((r as { id: number }).id))
}

type Row = Record<string, SQLInputValue>

/** Exact (case-insensitive) matches when there are any, else substring matches: "collection:product". */
function exactOrContains(db: DatabaseSync, exactSql: string, containsSql: string, value: string): string[] {
  const exact = prepareCached(db, exactSql).all(value, value) as Row[]
  const rows = exact.length > 0 ? exact : (prepareCached(db, containsSql).all(value, value) as Row[])
  return [...new Set(rows.map((r) => String(r.v)))]
}

/**
 * By token, name or label: `collection:Personal` is every personal collection (they are all named that),
 * `collection:"Personal — ana"` (the label facets show) is ana's.
 */
function resolveCollections(db: DatabaseSync, value: string): string[] {
  return exactOrContains(
    db,
    `SELECT token AS v FROM collections c WHERE token = ?1 OR lower(name) = lower(?2) OR lower(${COLLECTION_LABEL_SQL}) = lower(?2)`,
    `SELECT token AS v FROM collections c
      WHERE instr(lower(${COLLECTION_LABEL_SQL}), lower(?2)) > 0 OR instr(lower(token), lower(?1)) > 0`,
    value,
  )
}

function resolveAuthors(db: DatabaseSync, value: string): string[] {
  const known = exactOrContains(
    db,
    'SELECT username AS v FROM members WHERE lower(username) = lower(?) OR lower(name) = lower(?)',
    'SELECT username AS v FROM members WHERE instr(lower(username), lower(?)) > 0 OR instr(lower(name), lower(?)) > 0',
    value,
  )
  // Reports can name a creator who is no longer a member: the username itself still filters.
  return known.length > 0 ? known : [value]
}

function resolveSources(db: DatabaseSync, value: string): string[] {
  return exactOrContains(
    db,
    'SELECT id AS v FROM data_sources WHERE id = ? OR lower(name) = lower(?)',
    'SELECT id AS v FROM data_sources WHERE instr(lower(name), lower(?)) > 0 OR instr(lower(coalesce(adapter, \'\')), lower(?)) > 0',
    value,
  )
}

/** table:fct_orders → analytics.fct_orders; an exact name wins, then a last-part match, then substrings. */
function resolveTables(db: DatabaseSync, value: string): number[] {
  const exact = prepareCached(db, 'SELECT id AS v FROM search_table_names WHERE name = ? OR name LIKE ? ESCAPE \'\\\'')
    .all(value, '%.' + value.replace(/[\\%_]/g, (c) => '\\' + c)) as Row[]
  if (exact.length > 0) return exact.map((r) => Number(r.v))
  return tablesContaining(db, value, 500)
}

// ---- facets -------------------------------------------------------------------------------------------

function emptyFacets(): SearchFacets {
  return { collections: [], authors: [], dataSources: [], tables: [] }
}

/** Facet counts over the match set: one pass over arrays indexed by interned values and sets, then the sets expanded. */
function countFacets(labels: FacetLabels, store: DocStore, ids: Int32Array, size: number): SearchFacets {
  const collections = new Int32Array(store.collections.values.length)
  const authors = new Int32Array(store.authors.values.length)
  const sourceSets = new Int32Array(store.sources.sets.length)
  const tableSets = new Int32Array(store.tables.sets.length)
  const keys = store.facetKeys
  for (let k = 0; k < ids.length; k++) {
    const at = 4 * ids[k]!
    const c = keys[at]!
    if (c >= 0) collections[c]!++
    const a = keys[at + 1]!
    if (a >= 0) authors[a]!++
    sourceSets[keys[at + 2]!]!++
    tableSets[keys[at + 3]!]!++
  }
  const expand = (setCounts: Int32Array, sets: Int32Array[], size: number): Int32Array => {
    const counts = new Int32Array(size)
    for (let k = 1; k < setCounts.length; k++) {
      const n = setCounts[k]!
      if (n === 0) continue
      for (const v of sets[k]!) counts[v]! += n
    }
    return counts
  }
  const sources = expand(sourceSets, store.sources.sets, store.dataSources.values.length)
  const tables = expand(tableSets, store.tables.sets, store.maxTableId + 1)
  return {
    collections: facet(collections, size, (i) => store.collections.values[i]!, (v) => labels.collection(v)),
    authors: facet(authors, size, (i) => store.authors.values[i]!, (v) => labels.author(v)),
    dataSources: facet(sources, size, (i) => store.dataSources.values[i]!, (v) => labels.dataSource(v)),
    tables: facet(tables, size, (i) => labels.table(i), () => null),
  }
}

/**
 * Indexes of the `size` largest non-zero counts, ties by value (as text). Only values that can make the list
 * are compared by text: those counted more than the size-th largest count, and those tied with it.
 */
function top(counts: Int32Array, size: number, valueOf: (i: number) => string): number[] {
  const nonZero: number[] = []
  for (let i = 0; i < counts.length; i++) if (counts[i]! > 0) nonZero.push(i)
  if (nonZero.length > size) {
    const sorted = nonZero.map((i) => counts[i]!).sort((a, b) => b - a)
    const cut = sorted[size - 1]!
    let k = 0
    for (const i of nonZero) if (counts[i]! >= cut) nonZero[k++] = i
    nonZero.length = k
  }
  const text = new Map<number, string>()
  for (const i of nonZero) text.set(i, valueOf(i))
  nonZero.sort((a, b) => counts[b]! - counts[a]! || (text.get(a)! < text.get(b)! ? -1 : text.get(a)! > text.get(b)! ? 1 : 0))
  return nonZero.slice(0, size)
}

function facet(counts: Int32Array, size: number, valueOf: (i: number) => string, labelOf: (v: string) => string | null): FacetCount[] {
  return top(counts, size, valueOf).map((i) => {
    const value = valueOf(i)
    return { value, label: labelOf(value) ?? value, count: counts[i]! }
  })
}

// ---- typo-tolerant fallback ---------------------------------------------------------------------------

/** The query's words with each misspelt one OR-ed with its near spellings from the vocabulary; null if none. */
function fuzzyTerms(db: DatabaseSync, q: ParsedQuery, exact: TermExpr[]): { terms: TermExpr[]; tokens: MatchToken[] } | null {
  const tokens: MatchToken[] = []
  let changed = false
  const terms = q.terms.map((t: SearchTerm, i): TermExpr => {
    const base = exact[i]!
    if (t.phrase || t.tokens.length !== 1) return base
    const near = findNearTerms(db, t.tokens[0] ?? '', 4)
    if (near.length === 0) return base
    changed = true
    for (const w of near) tokens.push({ token: w, prefix: false })
    // Near spellings come from the vocabulary of names (reports, collections, people, tables, queries) and are
    // matched there, not in SQL bodies: a corrected "customer" would otherwise pull in every customer_id column
    // (tens of thousands of reports to read for a lowest-tier guess). The word as typed still matches SQL.
    return { ...base, fts: `(${[base.fts, ...near.map((w) => `"${w}"`)].join(' OR ')})`, sqlFts: base.sqlFts ?? base.fts }
  })
  return changed ? { terms, tokens } : null
}

// ---- hits and snippets --------------------------------------------------------------------------------

interface HitRow {
  token: string
  name: string | null
  description: string | null
  collection_token: string | null
  collection_name: string | null
  collection_personal: number | null
  collection_owner: string | null
  creator_username: string | null
  creator_name: string | null
  updated_at: string | null
  archived: number
}

function hydrate(db: DatabaseSync, page: RankedRow[], q: ParsedQuery, isFuzzy: (i: number) => boolean,
  fuzzyTokens: MatchToken[]): SearchHit[] {
  if (page.length === 0) return []
  const readHit = prepareCached(
    db,
    `SELECT r.token, r.name, r.description, r.collection_token, c.name AS collection_name,
            (c.is_personal = 1 OR c.space_type = 'private') AS collection_personal, c.owner_username AS collection_owner,
            r.creator_username, m.name AS creator_name, coalesce(r.edited_at, r.last_saved_at, r.updated_at) AS updated_at,
            r.archived
       FROM reports r
       LEFT JOIN collections c ON c.token = r.collection_token
       LEFT JOIN members m ON m.username = r.creator_username
      WHERE r.token = ?`,
  )
  const baseTokens: MatchToken[] = q.terms.flatMap((t) => t.tokens.map((token, i) => ({
    token,
    prefix: t.prefix && i === t.tokens.length - 1,
  })))
  const hits: SearchHit[] = []
  const withFuzzy = [...baseTokens, ...fuzzyTokens]
  for (const [i, row] of page.entries()) {
    const r = readHit.get(row.token) as HitRow | undefined
    if (!r) continue // cannot happen inside the search's read transaction; kept as a guard
    const fuzzy = isFuzzy(i)
    const tokens = fuzzy ? withFuzzy : baseTokens
    hits.push({
      token: r.token,
      name: r.name ?? UNTITLED,
      collection: r.collection_name === null ? null : collectionLabel(r.collection_name, r.collection_personal === 1, r.collection_owner),
      collectionToken: r.collection_token,
      author: r.creator_name,
      authorUsername: r.creator_username,
      updatedAt: r.updated_at,
      archived: r.archived === 1,
      score: Math.round(row.score * 1e4) / 1e4,
      snippet: snippetFor(db, r, tokens),
      fuzzy,
    })
  }
  return hits
}

/** From the first field that matched, in the order a reader cares about: name, description, SQL, the rest. */
function snippetFor(db: DatabaseSync, r: HitRow, tokens: MatchToken[]): Snippet | null {
  if (tokens.length === 0) return null
  const candidates: Array<[Snippet['field'], string | null]> = [
    ['name', r.name],
    ['description', r.description],
  ]
  for (const [field, text] of candidates) {
    if (text && firstMatch(text, tokens) >= 0) return { field, text: markText(text, tokens) }
  }
  const queries = prepareCached(db, 'SELECT name, raw_query FROM queries WHERE report_token = ? ORDER BY position')
    .all(r.token) as Array<{ name: string | null; raw_query: string }>
  for (const q of queries) {
    // SQL grammar words are not indexed, so COUNT(*) is not what a search for "count" found.
    if (firstMatch(q.raw_query, tokens, isSqlStopwordAt) >= 0) {
      return { field: 'sql', text: markText(q.raw_query, tokens, 160, isSqlStopwordAt) }
    }
  }
  const others: Array<[Snippet['field'], string | null]> = [
    ['query', queries.map((q) => q.name ?? '').join(' · ')],
    ['collection', r.collection_name],
    ['author', [r.creator_name, r.creator_username].filter(Boolean).join(' ')],
  ]
  for (const [field, text] of others) {
    if (text && firstMatch(text, tokens) >= 0) return { field, text: markText(text, tokens) }
  }
  const tables = prepareCached(
    db,
    `SELECT DISTINCT qt.table_name AS t FROM queries q JOIN query_tables qt ON qt.query_token = q.token
      WHERE q.report_token = ?`,
  ).all(r.token) as Array<{ t: string }>
  const tableText = tables.map((t) => t.t).join(', ')
  if (tableText && firstMatch(tableText, tokens) >= 0) return { field: 'tables', text: markText(tableText, tokens) }
  return null
}

