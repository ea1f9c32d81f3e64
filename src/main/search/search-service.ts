// Search over the library: parse → match → filter → rank → page → snippets, plus the exact total and facet
// counts over the whole match set, and a typo-tolerant fallback when exact matching finds little.
//
// How it stays fast at 100,000 reports: every report's filter/facet/ranking attributes live in memory
// (doc-store.ts, refreshed from the index writer's change log), and each query word costs one rowid-only
// pass over each field's word index (match-set.ts, term-matching.ts). Filters (filters.ts), the total, facets
// (facets.ts) and ranking (ranking.ts) are then array work in JS. Ranking is BM25 computed from which fields each word matched in (name above description
// above the other fields; SQL-only matches in a lower tier), times a gentle recency/popularity boost; the
// text is only read for the page of hits (hits.ts). Read-only: it may run on its own connection beside
// the sync, and each search reads one snapshot.
import type { DatabaseSync } from 'node:sqlite'
import type { SearchRequest, SearchResult } from '../../shared/model.ts'
import { Acronyms } from './acronyms.ts'
import { interpretQuestion, tableSuggestions } from './chips.ts'
import { DocStore } from './doc-store.ts'
import { FacetLabels } from './facet-labels.ts'
import { buildFilter } from './filters.ts'
import { searchDeletedReports } from './deleted-hits.ts'
import { hydrate, matchReasons } from './hits.ts'
import { MatchBuffers, RowidCache } from './match-set.ts'
import { checkpoint, type QueryContext, type QueryOutcome, type RankedRow } from './query-context.ts'
import { parseSearchQuery, termToFts } from './query-parser.ts'
import { emptyOutcome, runQuery } from './ranking.ts'
import type { MatchToken } from './snippets.ts'
import { queryTerms, readersByTable } from './term-matching.ts'
import { fuzzyTerms } from './typo-fallback.ts'
import { TableNames } from './table-names.ts'
import { SortKeys } from './sort-order.ts'
import { WordForms } from './word-forms.ts'
import { statusPolicy, withStatuses } from '../knowledge/status-reads.ts'

export interface SearchService {
  /** Throws SearchSuperseded (query-context.ts) when `superseded` turns true before the search is done. */
  search(request: SearchRequest, options?: { superseded?: () => boolean }): SearchResult
  /**
   * Loads what the first search would otherwise load (every report's attributes: about half a second at
   * 100,000 reports) in small steps that yield to the event loop between them, so a library opening does not
   * block the main thread and a search arriving meanwhile only waits for what is left; then learns the
   * library's acronyms, also in steps (searches meanwhile use the glossary's). Resolves when done, when
   * `shouldStop()` says so, or at the first error (a library closed meanwhile); never rejects.
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
  /** After a library change, the library's acronyms are learned again once this long has passed since the last time (default 10 minutes). */
  acronymRefreshMs?: number
}

export function createSearchService(db: DatabaseSync, options: SearchServiceOptions = {}): SearchService {
  const now = options.now ?? (() => new Date())
  const fallbackBelow = options.fallbackBelow ?? 5
  const facetSize = options.facetSize ?? 20
  const sortKeys = new SortKeys(db)
  const store = new DocStore(db)
  const buffers = new MatchBuffers()
  // 4M rows = 16 MB at most.
  const rowidCache = new RowidCache(options.wordCacheRows ?? 4_000_000)
  const labels = new FacetLabels(db)
  const forms = new WordForms()
  const acronyms = new Acronyms()
  const tables = new TableNames()
  const acronymRefreshMs = options.acronymRefreshMs ?? 10 * 60_000
  tuneReadConnection(db)

  /**
   * Learns the library's acronyms a step further (acronyms.ts: a few milliseconds per step); true while more
   * steps remain. Searches take one step each, and the rest is taken between events (idle steps below), so no
   * search waits for a whole pass over a large library's names: until a pass is done the previous one's
   * acronyms answer (before the first, the glossary's alone).
   */
  const learnStep = (): boolean => acronyms.refresh(db, store.seq, Date.now(), acronymRefreshMs)
  let idleLearning = false
  const learnWhenIdle = (): void => {
    if (idleLearning) return
    idleLearning = true
    const step = (): void => {
      try {
        if (!db.isTransaction && learnStep()) {
          setImmediate(step).unref()
          return
        }
        if (db.isTransaction) {
          // Someone else's transaction on this connection: not a snapshot to learn from now; try again later.
          setTimeout(step, 50).unref()
          return
        }
      } catch {
        // The library closed meanwhile: nothing left to learn from.
      }
      idleLearning = false
    }
    setImmediate(step).unref()
  }

  function search(request: SearchRequest, searchOptions: { superseded?: () => boolean } = {}): SearchResult {
    // One read transaction: the attributes refresh, every FTS pass and hydration see the same committed
    // snapshot (WAL), so a sync committing meanwhile can never make them disagree about a report.
    const own = !db.isTransaction
    if (own) db.exec('BEGIN DEFERRED')
    try {
      return searchInSnapshot(request, searchOptions.superseded ?? (() => false))
    } finally {
      buffers.releaseAll()
      if (own && db.isTransaction) db.exec('COMMIT')
    }
  }

  function searchInSnapshot(request: SearchRequest, superseded: () => boolean): SearchResult {
    const started = performance.now()
    const limit = Math.max(1, Math.min(500, request.limit ?? 50))
    const offset = Math.max(0, request.offset ?? 0)
    const wantFacets = request.facets ?? true
    const sort = request.sort ?? 'relevance'
    const facetsOf = wantFacets ? Math.max(1, Math.min(2000, request.facetSize ?? facetSize)) : 0
    const asDeleted = parseSearchQuery(request.query)
    if (asDeleted.filters.deleted) return searchDeletedReports(db, asDeleted, limit, offset, started)
    store.refresh()
    rowidCache.validate(store.seq)
    labels.validate(store.seq)
    forms.refresh(db)
    tables.refresh(db)
    if (learnStep()) learnWhenIdle()
    const ctx: QueryContext = {
      db, store, buffers, rowidCache, labels, forms, acronyms, tables, today: now().getTime() / 86_400_000, memo: new Map(), superseded,
      staleAfterDays: request.staleAfterDays,
    }
    checkpoint(ctx)

    const question = interpretQuestion(ctx, parseSearchQuery(request.query), request.query, now().getTime())
    const parsed = question.parsed
    const filter = buildFilter(ctx, parsed)
    const { terms, expansions, otherWords } = queryTerms(ctx, parsed)
    const excluded = parsed.excluded.map((t) => ({ fts: termToFts({ ...t, prefix: false }) }))
    if (sort !== 'relevance') {
      // Sorted by an attribute: every full match in that order (no partial or typo matches, which only make sense
      // ranked by how well they match).
      const all = filter === null ? emptyOutcome() : runQuery(ctx, terms, excluded, filter, 1, facetsOf, false, true)
      sortKeys.refresh(store)
      const page = all.ids ? sortKeys.page(store, all.ids, sort, request.query, offset, limit) : []
      const reasons = page.map((row) => matchReasons(row, terms, all.matches, false))
      return {
        hits: hydrate(db, page, parsed, () => false, [], reasons, otherWords, { store, labels }),
        total: all.total,
        facets: all.facets,
        tookMs: Math.round((performance.now() - started) * 100) / 100,
        usedFallback: false,
        expansions: [],
        chips: [...question.chips, ...tableSuggestions(ctx, parsed, request.query)],
      }
    }
    const exact: QueryOutcome = filter === null
      ? emptyOutcome()
      : runQuery(ctx, terms, excluded, filter, limit + offset, facetsOf, true)

    // Typo-tolerant fallback: words with a near spelling in the vocabulary, ranked below every exact hit.
    let fuzzy: RankedRow[] = []
    let fuzzyTokens: MatchToken[] = []
    let fuzzyOutcome: QueryOutcome | null = null
    const words = parsed.terms.filter((t) => !t.phrase)
    if (filter !== null && exact.total < fallbackBelow && words.length > 0) {
      const alt = fuzzyTerms(db, parsed, terms)
      if (alt !== null) {
        const seen = new Set(exact.top.map((r) => r.id))
        fuzzyOutcome = runQuery(ctx, alt.terms, excluded, filter, limit + offset + seen.size, 0)
        const floor = exact.top.length > 0 ? Math.min(...exact.top.map((r) => r.score)) : 1
        fuzzy = fuzzyOutcome.top
          .filter((r) => !seen.has(r.id))
          .map((r, i) => ({ ...r, score: (floor * 0.5) / (1 + i) }))
        fuzzyTokens = alt.tokens
      }
    }

    checkpoint(ctx)
    const exactCount = exact.top.length
    const page = [...exact.top, ...fuzzy].slice(offset, offset + limit)
    const isFuzzy = (i: number): boolean => i + offset >= exactCount
    const reasons = page.map((row, i) => matchReasons(row, terms, isFuzzy(i) && fuzzyOutcome ? fuzzyOutcome.matches : exact.matches,
      isFuzzy(i)))
    const hits = withStatuses(db, hydrate(db, page, parsed, isFuzzy, [...fuzzyTokens], reasons, otherWords, { store, labels }),
      statusPolicy(db, now().getTime(), request.staleAfterDays))
    const firstPartial = exact.top.findIndex((r) => r.partial)
    const used = expansions.filter((e) => e.termIndexes.some((i) => (exact.matches[i]?.weakCount ?? 0) > 0))
    return {
      hits,
      total: exact.total,
      facets: exact.facets,
      tookMs: Math.round((performance.now() - started) * 100) / 100,
      usedFallback: fuzzy.length > 0,
      expansions: [...new Map(used.map((e) => [e.acronym, { acronym: e.acronym, meaning: e.meaning }])).values()],
      chips: [...question.chips, ...tableSuggestions(ctx, parsed, request.query)],
      ...(firstPartial >= 0 && firstPartial < offset + hits.length ? { partialFrom: Math.max(0, firstPartial - offset) } : {}),
    }
  }

  async function warm(warmOptions: WarmOptions = {}): Promise<void> {
    const stop = warmOptions.shouldStop ?? (() => false)
    const step = Math.max(10, warmOptions.stepRows ?? 4000)
    const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve))
    try {
      if (!store.loaded) {
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
        await yieldToEvents()
        if (stop()) return
        // Which reports read each table (the first identifier typed would otherwise build it).
        readersByTable(store)
      }
      // Then the library's acronyms, a step at a time.
      for (let i = 0; i < 100_000; i++) {
        await yieldToEvents()
        if (stop() || !learnStep()) return
      }
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
