// Sync status for the always-visible badge and the Sync screen: the latest SyncState pushed by main
// ('sync.state' events), the run history, and whether the machine is online at all.
import { create } from 'zustand'
import type { SyncRun, SyncState } from '../../../shared/model.ts'
import { BridgeError, api, call } from '../bridge.ts'

interface SyncStore {
  state: SyncState | null
  history: SyncRun[]
  /** navigator.onLine, kept current by window events. */
  online: boolean
  /** The last Sync now / Cancel failure, shown next to the buttons. */
  actionError: string | null
  /** Subscribes to main's events once; returns nothing because the subscription lives as long as the app. */
  init: () => void
  loadHistory: () => Promise<void>
  start: (full?: boolean) => Promise<void>
  cancel: () => Promise<void>
}

/** The bridge subscribed to: once per bridge (the app has one; renderer tests install a fresh one each). */
let initialised: unknown = null

function messageOf(e: unknown): string {
  if (e instanceof BridgeError) return e.action ? `${e.message} ${e.action}` : e.message
  return e instanceof Error ? e.message : String(e)
}

export const useSync = create<SyncStore>((set, get) => ({
  state: null,
  history: [],
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  actionError: null,
  init: () => {
    if (initialised === api()) return
    initialised = api()
    let previousRun: number | null = null
    api().on('sync.state', (state) => {
      set({ state })
      // A run just ended: its figures belong in the history.
      const runId = state.progress?.runId ?? null
      if (previousRun !== null && runId !== previousRun) void get().loadHistory()
      previousRun = runId
    })
    call('sync.getState').then((state) => { if (!get().state) set({ state }) }, () => {})
    window.addEventListener('online', () => set({ online: true }))
    window.addEventListener('offline', () => set({ online: false }))
  },
  loadHistory: async () => {
    try {
      set({ history: await call('sync.history', { limit: 30 }) })
    } catch {
      // History is informative only; the status shows real errors.
    }
  },
  start: async (full = false) => {
    set({ actionError: null })
    try {
      set({ state: await call('sync.start', { full }) })
    } catch (e) {
      set({ actionError: messageOf(e) })
    }
  },
  cancel: async () => {
    set({ actionError: null })
    try {
      set({ state: await call('sync.cancel') })
    } catch (e) {
      set({ actionError: messageOf(e) })
    }
  },
}))

/** Offline when the OS says so or the last sync could not reach Mode. */
export function isOffline(s: Pick<SyncStore, 'online' | 'state'>): boolean {
  return !s.online || s.state?.status === 'offline'
}
