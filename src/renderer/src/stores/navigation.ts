// Which screen the main area shows. The sidebar, keyboard shortcuts and links inside screens all move
// through here, so "open report", "search this table" and "back" behave the same everywhere.
import { create } from 'zustand'

export type View =
  | { name: 'library'; query: string }
  | { name: 'report'; token: string }
  | { name: 'collections' }
  | { name: 'people' }
  | { name: 'sync' }
  | { name: 'settings' }

interface NavigationState {
  view: View
  history: View[]
  navigate: (view: View) => void
  /** Opens the library with a query, e.g. `table:analytics.fct_orders` or `collection:Finance`. */
  search: (query: string) => void
  back: () => void
}

const MAX_HISTORY = 50

export const useNavigation = create<NavigationState>((set) => ({
  view: { name: 'library', query: '' },
  history: [],
  navigate: (view) => set((s) => ({ view, history: [...s.history, s.view].slice(-MAX_HISTORY) })),
  search: (query) => set((s) => ({ view: { name: 'library', query }, history: [...s.history, s.view].slice(-MAX_HISTORY) })),
  back: () =>
    set((s) => {
      const previous = s.history.at(-1)
      return previous ? { view: previous, history: s.history.slice(0, -1) } : s
    }),
}))
