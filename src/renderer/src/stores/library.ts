// The library search as the user sees it: the text in the box, the result set it produced, and pages of hits
// loaded on demand as the list scrolls. Searches go to main through the bridge, each keystroke's from the input
// event itself (no debounce, no timer: the target is results on screen within 30 ms of the last keystroke,
// measured by test/e2e/search-latency.spec.ts). They are `asTyped`, so the search worker abandons the one still
// running for the previous text (it answers `superseded`) rather than making the newest wait for it. Only the
// newest search's answer is shown, so the list never flashes an older query's results, and the previous
// results stay in place until it arrives (no "no results" between keystrokes).
//
// Hits first, facets after a pause: counting facets over a large match set costs several times what the
// first page of hits does (measured on 100,000 reports), so facets are asked for only once the typing has
// paused — the list itself never waits for them, and the next keystroke abandons a count still running.
import { create } from 'zustand'
import type { LibraryStats, SearchFacets, SearchHit, SearchChip, SearchExpansion, SearchSort } from '../../../shared/model.ts'
import { BridgeError, api, call } from '../bridge.ts'

/** Hits per request: a screenful and a half. Smaller pages answer faster (fewer snippets to build and send). */
export const PAGE_SIZE = 30
/** Quiet time after the hits arrive before the facets are counted. */
export const FACETS_DELAY_MS = 250

export type SearchStatus = 'idle' | 'searching' | 'ready' | 'error'

export interface LibraryState {
  /** The text in the search box. */
  query: string
  /** The query the shown results belong to (null before the first search). */
  resultQuery: string | null
  status: SearchStatus
  error: string | null
  total: number
  /** Rows in the list: exact matches plus typo-tolerant ones on the first page. */
  count: number
  pages: Record<number, SearchHit[]>
  facets: SearchFacets | null
  /** The query the facets belong to; differs from resultQuery while they are being counted. */
  facetsQuery: string | null
  tookMs: number
  usedFallback: boolean
  /** Acronyms the search expanded ("NRR = Net Revenue Retention") and chips for what it read from the query. */
  expansions: SearchExpansion[]
  chips: SearchChip[]
  /** Keyboard selection in the result list. */
  active: number
  stats: LibraryStats | null

  /** Sets the text in the box and sends its search at once (keystrokes during a search each supersede it). */
  setQuery: (query: string) => void
  setActive: (index: number) => void
  /** The order of the list (relevance by default); the result set of the old order is replaced from the top. */
  sort: SearchSort
  /** The order the shown results are in. */
  resultSort: SearchSort
  setSort: (sort: SearchSort) => void
  /** Makes sure rows [start, end) are loaded (called by the virtual list as it scrolls). */
  ensureRows: (start: number, end: number) => void
  /** Re-runs the current search without resetting the scroll position (the library changed under it). */
  refresh: () => void
  /** The renderer's one subscription to main's 'library.changed': counts the events for as long as the app
   * runs (so results fetched before a change, while another screen was open, are known to be stale) and keeps
   * the report count the last one carried. Idempotent; the app calls it at start. */
  watchLibrary: () => void
  /** Bumped by every 'library.changed' event once watchLibrary ran. */
  libraryVersion: number
  /** Reports in the library according to the last 'library.changed' event (null before the first). */
  changedReports: number | null
  /** libraryVersion when the shown results were fetched. */
  resultVersion: number
  /** Reloads the library's totals; answers them, or null when main could not. */
  loadStats: () => Promise<LibraryStats | null>
}

export function hitAt(state: Pick<LibraryState, 'pages'>, index: number): SearchHit | undefined {
  return state.pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE]
}

function messageOf(e: unknown): string {
  if (e instanceof BridgeError) return e.action ? `${e.message} ${e.action}` : e.message
  return e instanceof Error ? e.message : String(e)
}

export const useLibrary = create<LibraryState>((set, get) => {
  let facetsTimer: ReturnType<typeof setTimeout> | null = null
  let inFlight = false
  /** Newest searches abandoned in a row (bounds asking again). */
  let againCount = 0
  /** Bumped for every first-page search; page loads carry it so a late page of an old query is ignored. */
  let generation = 0
  const loadingPages = new Set<number>()
  /** The bridge subscribed to: once per bridge (the app has one; renderer tests install a fresh one each). */
  let watching: unknown = null

  const loadFacets = async (): Promise<void> => {
    facetsTimer = null
    const query = get().resultQuery
    if (query === null || inFlight || get().query !== query || get().facetsQuery === query) return
    try {
      const result = await call('library.search', { query, limit: 1, offset: 0, facets: true, asTyped: true })
      if (!result.superseded && get().resultQuery === query) set({ facets: result.facets, facetsQuery: query })
    } catch {
      // The facet panel keeps its previous values, marked as not current.
    }
  }

  /** `asTyped` false: a re-run because the library changed, which a sync's stream of changes must not keep abandoning. */
  const runSearch = async (asTyped = true): Promise<void> => {
    if (facetsTimer !== null) { clearTimeout(facetsTimer); facetsTimer = null }
    const query = get().query
    const sort = get().sort
    const current = () => get().query === query && get().sort === sort
    const myGeneration = ++generation
    const version = get().libraryVersion
    inFlight = true
    set({ status: 'searching' })
    /** Abandoned by the worker although no newer search of ours followed (another caller's): ask again. */
    let again = false
    try {
      const result = await call('library.search', { query, limit: PAGE_SIZE, offset: 0, facets: false, asTyped, sort })
      again = result.superseded === true
      // A newer keystroke's search owns the list (this one may have been abandoned for it).
      if (current() && myGeneration === generation && !result.superseded) {
        loadingPages.clear()
        const sameQuery = get().resultQuery === query && get().resultSort === sort
        set({
          resultQuery: query,
          resultSort: sort,
          status: 'ready',
          error: null,
          total: result.total,
          count: Math.max(result.total, result.hits.length),
          pages: { 0: result.hits },
          resultVersion: version,
          tookMs: result.tookMs,
          usedFallback: result.usedFallback,
          expansions: result.expansions ?? [],
          chips: result.chips ?? [],
          active: sameQuery ? Math.min(get().active, Math.max(0, result.hits.length - 1)) : 0,
        })
      }
    } catch (e) {
      if (current() && myGeneration === generation) set({ status: 'error', error: messageOf(e), resultQuery: query, resultSort: sort })
    } finally {
      // Only the newest search decides what follows.
      if (myGeneration === generation) {
        inFlight = false
        againCount = again ? againCount + 1 : 0
        if (!current() || (again && againCount <= 2)) {
          void runSearch()
        } else if (get().facetsQuery !== query && get().status === 'ready') {
          facetsTimer = setTimeout(() => void loadFacets(), FACETS_DELAY_MS)
        }
      }
    }
  }

  const loadPage = async (page: number): Promise<void> => {
    const myGeneration = generation
    const query = get().resultQuery
    const sort = get().resultSort
    if (query === null || loadingPages.has(page)) return
    loadingPages.add(page)
    try {
      const result = await call('library.search', { query, limit: PAGE_SIZE, offset: page * PAGE_SIZE, facets: false, sort })
      if (myGeneration === generation) set({ pages: { ...get().pages, [page]: result.hits } })
    } catch {
      // The rows stay as placeholders; scrolling asks again.
    } finally {
      if (myGeneration === generation) loadingPages.delete(page)
    }
  }

  return {
    query: '',
    resultQuery: null,
    status: 'idle',
    error: null,
    total: 0,
    count: 0,
    pages: {},
    facets: null,
    facetsQuery: null,
    tookMs: 0,
    usedFallback: false,
    expansions: [],
    chips: [],
    active: 0,
    stats: null,
    sort: 'relevance',
    resultSort: 'relevance',
    libraryVersion: 0,
    changedReports: null,
    resultVersion: 0,

    setQuery: (query) => {
      if (query === get().query && get().resultQuery !== null) return
      set({ query })
      void runSearch()
    },
    setActive: (index) => set({ active: Math.max(0, Math.min(index, get().count - 1)) }),
    setSort: (sort) => {
      if (sort === get().sort) return
      set({ sort })
      if (get().resultQuery === null) return
      void runSearch()
    },
    ensureRows: (start, end) => {
      const { pages, resultQuery } = get()
      if (resultQuery === null) return
      for (let p = Math.floor(start / PAGE_SIZE); p <= Math.floor(Math.max(start, end - 1) / PAGE_SIZE); p++) {
        if (!pages[p]) void loadPage(p)
      }
    },
    refresh: () => {
      // The library changed: the facet counts are stale too.
      set({ facetsQuery: null })
      void runSearch(false)
    },
    watchLibrary: () => {
      if (watching === api()) return
      watching = api()
      api().on('library.changed', ({ reports }) => set({ libraryVersion: get().libraryVersion + 1, changedReports: reports }))
    },
    loadStats: async () => {
      try {
        const stats = await call('library.getStats')
        set({ stats })
        return stats
      } catch {
        // Stats only shape the empty state; the search itself reports real errors.
        return null
      }
    },
  }
})
