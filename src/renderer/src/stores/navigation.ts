// Which screen the main area shows. The sidebar, keyboard shortcuts and links inside screens all move
// through here, so "open report", "search this table", back and forward behave the same everywhere.
import { create } from 'zustand'

export type View =
  | { name: 'library'; query: string }
  /** `terms`: the library search that opened the report, highlighted on arrival; `query`: one to scroll to. */
  | { name: 'report'; token: string; terms?: string[]; query?: string }
  | { name: 'collections' }
  /** `filter`: the people filter to start with (a username); `group`: show only this group's members. */
  | { name: 'people'; filter?: string; group?: string }
  | { name: 'access' }
  | { name: 'sync' }
  | { name: 'settings' }
  | { name: 'changes' }
  | { name: 'duplicates' }
  /** A deleted report's tombstone (its last metadata and SQL). */
  | { name: 'deleted'; token: string }
  /** A diff between two query texts: two versions of one query, or a copy and its likely original. */
  | { name: 'diff'; title: string; from: DiffSide; to: DiffSide; origin: 'changes' | 'duplicates' | 'library' }

export interface DiffSide {
  queryToken: string
  /** A stored version, or null for the query's current text. */
  versionId: number | null
  label: string
}

interface NavigationState {
  view: View
  /** Where Back goes, newest last. */
  history: View[]
  /** Where Forward goes after a Back, next first. */
  forward: View[]
  navigate: (view: View) => void
  /** Opens the library with a query, e.g. `table:analytics.fct_orders` or `collection:Finance`. */
  search: (query: string) => void
  back: () => void
  goForward: () => void
}

const MAX_HISTORY = 50

/**
 * The main area's scroll position per visited view (each history entry is its own object), written by the main area
 * as it scrolls and read when Back or Forward brings that entry back. Weak, so dropped history takes its entry along.
 */
export const scrollPositions = new WeakMap<View, number>()

export const useNavigation = create<NavigationState>((set) => ({
  view: { name: 'library', query: '' },
  history: [],
  forward: [],
  navigate: (view) => set((s) => ({ view, history: [...s.history, s.view].slice(-MAX_HISTORY), forward: [] })),
  search: (query) => set((s) => ({ view: { name: 'library', query }, history: [...s.history, s.view].slice(-MAX_HISTORY), forward: [] })),
  back: () =>
    set((s) => {
      const previous = s.history.at(-1)
      return previous ? { view: previous, history: s.history.slice(0, -1), forward: [s.view, ...(s.forward ?? [])].slice(0, MAX_HISTORY) } : s
    }),
  goForward: () =>
    set((s) => {
      const next = s.forward?.[0]
      return next ? { view: next, history: [...s.history, s.view].slice(-MAX_HISTORY), forward: s.forward.slice(1) } : s
    }),
}))
