// Search over the library: parse → match (FTS5) → filter → rank (bm25 with field weights, gently boosted by
// recent edits and views) → page → snippets, plus facet counts over the whole match set and a typo-tolerant
// fallback when exact matching finds little. Read-only: it may run on its own connection beside the sync.
import type { DatabaseSync, SQLInputValue } from 'node:sqlite'
import type { FacetCount, SearchFacets, SearchHit, SearchRequest, SearchResult, Snippet } from '../../shared/model.ts'
import { indexGeneration, prepareCached } from './index-writer.ts'
import { parseSearchQuery, termToFts, tokenizeWords } from './query-parser.ts'
import type { ParsedQuery, SearchTerm } from './query-parser.ts'
import { FTS_WEIGHTS } from './search-schema.ts'
import { firstMatch, markText } from './snippets.ts'
import type { MatchToken } from './snippets.ts'
import { findNearTerms } from './typo-fallback.ts'

export interface SearchService {
  search(request: SearchRequest): SearchResult
}

export interface SearchServiceOptions {
  now?: () => Date
  /** Exact hits below this count trigger the typo-tolerant fallback. */
  fallbackBelow?: number
  /** Values listed per facet. */
  facetSize?: number
}

const UNTITLED = 'Untitled report'
const BM25 = `bm25(search_fts, ${FTS_WEIGHTS.join(', ')})`

/** A WHERE clause over `search_docs d` with its parameters; `empty` when a filter can match nothing. */
interface Scope {
  where: string[]
  params: SQLInputValue[]
  empty: boolean
}

interface CachedCounts {
  total: number
  facets: SearchFacets
}

export function createSearchService(db: DatabaseSync, options: SearchServiceOptions = {}): SearchService {
  const now = options.now ?? (() => new Date())
  const fallbackBelow = options.fallbackBelow ?? 5
  const facetSize = options.facetSize ?? 20
  // Totals and facets per query text, valid while the library is unchanged (our writes or any other
  // connection's commit): as-you-type pages and "load more" do not recount.
  const countCache = new Map<string, CachedCounts>()
  let cacheStamp = ''
  const stamp = (): string => {
    const v = (prepareCached(db, 'PRAGMA data_version').get() as { data_version: number }).data_version
    return `${v}:${indexGeneration(db)}`
  }

  function search(request: SearchRequest): SearchResult {
    // One read transaction: every statement of this search sees the same committed snapshot (WAL), so a
    // sync committing meanwhile can never make ranking and hydration disagree about a report.
    if (db.isTransaction) return searchInSnapshot(request)
    db.exec('BEGIN DEFERRED')
    try {
      return searchInSnapshot(request)
    } finally {
      if (db.isTransaction) db.exec('COMMIT')
    }
  }

  function searchInSnapshot(request: SearchRequest): SearchResult {
    const started = performance.now()
    const limit = Math.max(1, Math.min(500, request.limit ?? 50))
    const offset = Math.max(0, request.offset ?? 0)
    const wantFacets = request.facets ?? true
    const parsed = parseSearchQuery(request.query)

    const current = stamp()
    if (current !== cacheStamp) {
      countCache.clear()
      cacheStamp = current
    }

    const scope = buildScope(db, parsed)
    const match = scope.empty ? null : buildMatch(db, parsed)
    const noMatchPossible = scope.empty || (parsed.terms.length > 0 && match === null)
    const today = now().getTime() / 86_400_000

    let exact: RankedRow[] = []
    let counts: CachedCounts = { total: 0, facets: emptyFacets() }
    if (!noMatchPossible) {
      const source = matchSource(match, scope)
      exact = rank(db, source, today, match !== null, limit + offset)
      const key = JSON.stringify([parsed, wantFacets])
      const cached = countCache.get(key)
      if (cached) counts = cached
      else {
        // Counting needs the whole match set; when the first page is not full, it is the whole set.
        const total = exact.length < limit + offset ? exact.length : countAll(db, source)
        counts = { total, facets: wantFacets ? facetsOf(db, source, facetSize) : emptyFacets() }
        if (countCache.size > 200) countCache.clear()
        countCache.set(key, counts)
      }
    }

    // Typo-tolerant fallback: words with a near spelling in the vocabulary, ranked below every exact hit.
    let fuzzy: RankedRow[] = []
    const words = parsed.terms.filter((t) => !t.phrase)
    if (!scope.empty && counts.total < fallbackBelow && words.length > 0) {
      const alt = fuzzyQuery(db, parsed)
      if (alt !== null) {
        const exclude = new Set(exact.map((r) => r.id))
        fuzzy = rank(db, matchSource(alt.match, scope), today, true, limit + offset + exclude.size)
          .filter((r) => !exclude.has(r.id))
        const floor = exact.length > 0 ? Math.min(...exact.map((r) => r.score)) : 1
        fuzzy = fuzzy.map((r, i) => ({ ...r, score: (floor * 0.5) / (1 + i), fuzzy: true, extraTokens: alt.tokens }))
      }
    }

    const page = [...exact, ...fuzzy].slice(offset, offset + limit)
    const hits = hydrate(db, page, parsed)
    return {
      hits,
      total: counts.total,
      facets: counts.facets,
      tookMs: Math.round((performance.now() - started) * 100) / 100,
      usedFallback: fuzzy.length > 0,
    }
  }

  return { search }
}

// ---- matching and filtering ---------------------------------------------------------------------------

/**
 * The FTS expression. An identifier-like word (fct_orders, orders_dai) also matches reports that read a
 * table whose name contains it as a substring (found through the trigram index of table names).
 */
function buildMatch(db: DatabaseSync, q: ParsedQuery): string | null {
  if (q.terms.length === 0) return null
  const parts = q.terms.map((t) => {
    const base = termToFts(t)
    if (!t.identifier) return base
    const tables = tablesContaining(db, t.raw.toLowerCase(), 40)
    if (tables.length === 0) return base
    const alts = tables.map((name) => `tables : "${tokenizeWords(name).join(' ')}"`)
    return `(${[base, ...alts].join(' OR ')})`
  })
  const positive = parts.join(' AND ')
  if (q.excluded.length === 0) return positive
  const negative = q.excluded.map((t) => termToFts({ ...t, prefix: false })).join(' OR ')
  return `(${positive}) NOT (${negative})`
}

/** Table names containing `needle` (trigram substring search; LIKE for needles under three characters). */
function tablesContaining(db: DatabaseSync, needle: string, max: number): string[] {
  const clean = needle.replace(/["`[\]]/g, '')
  if (clean.length === 0) return []
  if (clean.length < 3) {
    const rows = prepareCached(db, `SELECT name FROM search_table_names WHERE instr(name, ?) > 0 LIMIT ?`).all(clean, max)
    return rows.map((r) => String((r as { name: string }).name))
  }
  const rows = prepareCached(
    db,
    `SELECT t.name FROM search_table_names_tri f JOIN search_table_names t ON t.id = f.rowid
      WHERE search_table_names_tri MATCH ? ORDER BY length(t.name) LIMIT ?`,
  ).all(`"${clean.replace(/"/g, '""')}"`, max)
  return rows.map((r) => String((r as { name: string }).name))
}

function buildScope(db: DatabaseSync, q: ParsedQuery): Scope {
  const where: string[] = []
  const params: SQLInputValue[] = []
  let empty = false
  const f = q.filters
  if (f.archived === 'exclude') where.push('d.archived = 0')
  else if (f.archived === 'only') where.push('d.archived = 1')

  const inList = (column: string, values: string[]): void => {
    if (values.length === 0) {
      empty = true
      return
    }
    where.push(`${column} IN (${values.map(() => '?').join(', ')})`)
    params.push(...values)
  }
  // Several values of one filter narrow together (collection:a collection:b → in both = usually nothing),
  // which is what a user adding filters expects.
  for (const c of f.collections) inList('d.collection_token', resolveCollections(db, c))
  for (const a of f.authors) inList('d.creator_username', resolveAuthors(db, a))
  for (const s of f.sources) {
    const ids = resolveSources(db, s)
    if (ids.length === 0) empty = true
    else {
      where.push(`d.id IN (SELECT doc_id FROM search_doc_facets WHERE kind = 1 AND value IN (${ids.map(() => '?').join(', ')}))`)
      params.push(...ids)
    }
  }
  for (const t of f.tables) {
    const names = resolveTables(db, t)
    if (names.length === 0) empty = true
    else {
      where.push(`d.id IN (SELECT doc_id FROM search_doc_facets WHERE kind = 2 AND value IN (${names.map(() => '?').join(', ')}))`)
      params.push(...names)
    }
  }
  // Exclusions with nothing positive to match ("-draft"): every report except those.
  if (q.terms.length === 0 && q.excluded.length > 0) {
    where.push('d.id NOT IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)')
    params.push(q.excluded.map((t) => termToFts({ ...t, prefix: false })).join(' OR '))
  }
  if (f.updatedAfter) {
    where.push('d.edited_at >= ?')
    params.push(f.updatedAfter)
  }
  if (f.updatedBefore) {
    where.push('d.edited_at < ?')
    params.push(f.updatedBefore)
  }
  return { where, params, empty }
}

type Row = Record<string, SQLInputValue>

/** Exact (case-insensitive) matches when there are any, else substring matches: "collection:product". */
function exactOrContains(db: DatabaseSync, exactSql: string, containsSql: string, value: string): string[] {
  const exact = prepareCached(db, exactSql).all(value, value) as Row[]
  const rows = exact.length > 0 ? exact : (prepareCached(db, containsSql).all(value, value) as Row[])
  return [...new Set(rows.map((r) => String(r.v)))]
}

function resolveCollections(db: DatabaseSync, value: string): string[] {
  return exactOrContains(
    db,
    'SELECT token AS v FROM collections WHERE token = ? OR lower(name) = lower(?)',
    `SELECT token AS v FROM collections WHERE instr(lower(name), lower(?)) > 0 OR instr(lower(token), lower(?)) > 0`,
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
function resolveTables(db: DatabaseSync, value: string): string[] {
  const exact = prepareCached(db, 'SELECT name AS v FROM search_table_names WHERE name = ? OR name LIKE ? ESCAPE \'\\\'')
    .all(value, '%.' + value.replace(/[\\%_]/g, (c) => '\\' + c)) as Row[]
  if (exact.length > 0) return exact.map((r) => String(r.v))
  return tablesContaining(db, value, 200)
}

// ---- ranking ------------------------------------------------------------------------------------------

interface RankedRow {
  id: number
  token: string
  score: number
  fuzzy?: boolean
  extraTokens?: MatchToken[]
}

interface Source {
  /** FROM … WHERE … producing d.* (and m.r, the bm25 rank, when there is an FTS match). */
  sql: string
  params: SQLInputValue[]
}

function matchSource(match: string | null, scope: Scope): Source {
  const where = scope.where.length > 0 ? scope.where.join(' AND ') : '1'
  if (match === null) return { sql: `FROM search_docs d WHERE ${where}`, params: scope.params }
  return {
    sql: `FROM (SELECT rowid AS id, ${BM25} AS r FROM search_fts WHERE search_fts MATCH ?) m
          JOIN search_docs d ON d.id = m.id WHERE ${where}`,
    params: [match, ...scope.params],
  }
}

/**
 * The best `n` of the match set. bm25 (negative; lower is better) is turned into a positive relevance and
 * multiplied by a gentle boost: up to +20% for a report edited recently (half-life about a year) and up to
 * +15% for a much-viewed one, so a fresh popular report wins a tie but never outranks a clearly better match.
 */
function rank(db: DatabaseSync, source: Source, today: number, hasMatch: boolean, n: number): RankedRow[] {
  const boost = `(1.0 + 0.2 / (1.0 + max(0.0, ? - coalesce(d.edited_days, 0.0)) / 365.0) + 0.15 * d.popularity)`
  const relevance = hasMatch ? `(-m.r) * ${boost}` : boost
  const rows = prepareCached(
    db,
    `SELECT d.id, d.report_token AS token, ${relevance} AS score ${source.sql} ORDER BY score DESC, d.id LIMIT ?`,
  ).all(today, ...source.params, n) as Array<{ id: number; token: string; score: number }>
  return rows.map((r) => ({ id: Number(r.id), token: String(r.token), score: Number(r.score) }))
}

function countAll(db: DatabaseSync, source: Source): number {
  const row = prepareCached(db, `SELECT count(*) AS n ${source.sql}`).get(...source.params) as { n: number }
  return Number(row.n)
}

// ---- facets -------------------------------------------------------------------------------------------

function emptyFacets(): SearchFacets {
  return { collections: [], authors: [], dataSources: [], tables: [] }
}

/** Facet counts over the whole match set, in one statement that matches once. */
function facetsOf(db: DatabaseSync, source: Source, size: number): SearchFacets {
  const rows = prepareCached(
    db,
    `WITH hits AS MATERIALIZED (SELECT d.id, d.collection_token, d.creator_username ${source.sql}),
     grouped AS (
       SELECT 'c' AS k, collection_token AS v, count(*) AS n FROM hits WHERE collection_token IS NOT NULL GROUP BY 2
       UNION ALL
       SELECT 'a', creator_username, count(*) FROM hits WHERE creator_username IS NOT NULL GROUP BY 2
       UNION ALL
       SELECT CASE f.kind WHEN 1 THEN 's' ELSE 't' END, f.value, count(*)
         FROM hits JOIN search_doc_facets f ON f.doc_id = hits.id GROUP BY f.kind, f.value
     ),
     ranked AS (SELECT k, v, n, row_number() OVER (PARTITION BY k ORDER BY n DESC, v) AS i FROM grouped)
     SELECT k, v, n,
       CASE k WHEN 'c' THEN (SELECT name FROM collections WHERE token = v)
              WHEN 'a' THEN (SELECT name FROM members WHERE username = v)
              WHEN 's' THEN (SELECT name FROM data_sources WHERE id = v)
              ELSE v END AS label
       FROM ranked WHERE i <= ? ORDER BY k, n DESC, v`,
  ).all(...source.params, size) as Array<{ k: string; v: string; n: number; label: string | null }>
  const facets = emptyFacets()
  for (const r of rows) {
    const item: FacetCount = { value: String(r.v), label: r.label ?? String(r.v), count: Number(r.n) }
    if (r.k === 'c') facets.collections.push(item)
    else if (r.k === 'a') facets.authors.push(item)
    else if (r.k === 's') facets.dataSources.push(item)
    else facets.tables.push(item)
  }
  return facets
}

// ---- typo-tolerant fallback ---------------------------------------------------------------------------

/** The query with each misspelt word replaced by its near spellings from the vocabulary, or null if none. */
function fuzzyQuery(db: DatabaseSync, q: ParsedQuery): { match: string; tokens: MatchToken[] } | null {
  const tokens: MatchToken[] = []
  let changed = false
  const parts = q.terms.map((t: SearchTerm) => {
    if (t.phrase || t.tokens.length !== 1) return termToFts(t)
    const word = t.tokens[0] ?? ''
    const near = findNearTerms(db, word, 4)
    if (near.length === 0) return termToFts(t)
    changed = true
    for (const w of near) tokens.push({ token: w, prefix: false })
    return `(${[termToFts(t), ...near.map((w) => `"${w}"`)].join(' OR ')})`
  })
  if (!changed) return null
  const positive = parts.join(' AND ')
  const match =
    q.excluded.length === 0
      ? positive
      : `(${positive}) NOT (${q.excluded.map((t) => termToFts({ ...t, prefix: false })).join(' OR ')})`
  return { match, tokens }
}

// ---- hits and snippets --------------------------------------------------------------------------------

interface HitRow {
  token: string
  name: string | null
  description: string | null
  collection_token: string | null
  collection_name: string | null
  creator_username: string | null
  creator_name: string | null
  updated_at: string | null
  archived: number
}

function hydrate(db: DatabaseSync, page: RankedRow[], q: ParsedQuery): SearchHit[] {
  if (page.length === 0) return []
  const readHit = prepareCached(
    db,
    `SELECT r.token, r.name, r.description, r.collection_token, c.name AS collection_name, r.creator_username,
            m.name AS creator_name, coalesce(r.edited_at, r.last_saved_at, r.updated_at) AS updated_at, r.archived
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
  for (const row of page) {
    const r = readHit.get(row.token) as HitRow | undefined
    if (!r) continue // deleted between ranking and reading (another connection's commit)
    const tokens = row.extraTokens ? [...baseTokens, ...row.extraTokens] : baseTokens
    hits.push({
      token: r.token,
      name: r.name ?? UNTITLED,
      collection: r.collection_name,
      collectionToken: r.collection_token,
      author: r.creator_name,
      authorUsername: r.creator_username,
      updatedAt: r.updated_at,
      archived: r.archived === 1,
      score: Math.round(row.score * 1e4) / 1e4,
      snippet: snippetFor(db, r, tokens),
      fuzzy: row.fuzzy === true,
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
    if (firstMatch(q.raw_query, tokens) >= 0) return { field: 'sql', text: markText(q.raw_query, tokens) }
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

