// The library's home as main keeps it: pinned and recently opened reports of the open workspace (and the last
// session, read once at launch by useSessionRestore). Pins change optimistically and roll back if main refuses.
import { create } from 'zustand'
import type { HomeState } from '../../../shared/home-model.ts'
import { call } from '../bridge.ts'
import { registerPinStore } from '../actions/pin-store.ts'

interface HomeStore {
  home: HomeState | null
  error: string | null
  load: () => Promise<HomeState | null>
  /** A report was opened: main puts it first in the recents. */
  opened: (token: string) => Promise<void>
  isPinned: (token: string) => boolean
  setPinned: (token: string, pinned: boolean) => Promise<void>
  /** Where the user is now (the library's query, the open report or null), for the next launch to restore. */
  rememberSession: (query: string, report: string | null) => void
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e))

export const useHome = create<HomeStore>((set, get) => ({
  home: null,
  error: null,
  load: async () => {
    try {
      const home = await call('home.get')
      set({ home, error: null })
      return home
    } catch (e) {
      set({ error: messageOf(e) })
      return null
    }
  },
  opened: async (token) => {
    try {
      set({ home: await call('home.opened', { token }) })
    } catch {
      // The recents are a convenience: a report that could not be recorded still opened.
    }
  },
  isPinned: (token) => get().home?.pinned.some((p) => p.token === token) ?? false,
  setPinned: async (token, pinned) => {
    const before = get().home
    if (before && !pinned) set({ home: { ...before, pinned: before.pinned.filter((p) => p.token !== token) } })
    try {
      set({ home: await call('home.setPinned', { token, pinned }), error: null })
    } catch (e) {
      set({ home: before, error: messageOf(e) })
    }
  },
  rememberSession: (query, report) => {
    void call('home.setSession', { query, report }).catch(() => {})
  },
}))

// The report actions (Ctrl/Cmd+. panel, Ctrl/Cmd+Shift+P) pin and unpin through this store.
registerPinStore({
  isPinned: (token) => useHome.getState().isPinned(token),
  setPinned: (token, pinned) => useHome.getState().setPinned(token, pinned),
})
