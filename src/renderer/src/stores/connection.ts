// Whether the app is connected to a Mode workspace, and the moves that change it (connect, sample,
// switch credentials, disconnect). App.tsx decides from this store whether to show the setup wizard, the
// "preparing your library" step or the shell. Secrets pass through `connect` once and are never kept here.
import { create } from 'zustand'
import type { AppError, ConnectInput, ConnectionStatus } from '../../../shared/model.ts'
import type { ConnectOutcome } from '../../../shared/contract.ts'
import { toAppError } from '../../../shared/errors.ts'
import { api, call } from '../bridge.ts'

interface ConnectionState {
  status: ConnectionStatus | null
  /** Why the first status could not be read (the app cannot start without it). */
  bootError: string | null
  /** The wizard is open over a connected app ("Switch credentials"), prefilled with this workspace. */
  switching: { workspace: string } | null
  /** A connect call is in flight: the wizard stays up even if a "connected" status event arrives first. */
  connecting: boolean
  /** Not connected, but the user chose to browse the library kept from before while they sort out access. */
  browsingOffline: boolean
  /** Just connected: the first sync is fetching names; the shell opens once some are in. */
  preparing: boolean
  boot: () => Promise<void>
  /** Checks the credentials live; resolves to the failure to show, or null on success. */
  connect: (input: ConnectInput) => Promise<AppError | null>
  connectSample: () => Promise<AppError | null>
  disconnect: (deleteLibrary: boolean) => Promise<void>
  startSwitch: () => void
  cancelSwitch: () => void
  finishPreparing: () => void
  setBrowsingOffline: (browsing: boolean) => void
}

let unsubscribe: (() => void) | null = null

export const useConnection = create<ConnectionState>((set, get) => {
  const settle = async (run: () => Promise<ConnectOutcome>): Promise<AppError | null> => {
    let outcome: ConnectOutcome
    set({ connecting: true })
    try {
      outcome = await run()
    } catch (e) {
      set({ connecting: false })
      return toAppError(e)
    }
    if (!outcome.ok) {
      set({ connecting: false })
      return outcome.error
    }
    set({ status: outcome.status, switching: null, preparing: true, connecting: false, browsingOffline: false })
    return null
  }

  return {
    status: null,
    bootError: null,
    switching: null,
    connecting: false,
    browsingOffline: false,
    preparing: false,
    boot: async () => {
      // One subscription for the app's life (StrictMode runs effects twice in development).
      unsubscribe ??= api().on('connection.status', (status) => {
        set((s) => ({ status, preparing: status.connected ? s.preparing : false }))
      })
      try {
        set({ status: await call('connection.getStatus'), bootError: null })
      } catch (e) {
        set({ bootError: toAppError(e).message })
      }
    },
    connect: (input) => settle(() => call('connection.connect', input)),
    connectSample: () => settle(() => call('connection.connectSample')),
    disconnect: async (deleteLibrary) => {
      const status = await call('connection.disconnect', { deleteLibrary })
      set({ status, switching: null, preparing: false, browsingOffline: false })
    },
    startSwitch: () => {
      const status = get().status
      set({ switching: { workspace: status?.workspace ?? '' } })
    },
    cancelSwitch: () => set({ switching: null }),
    finishPreparing: () => set({ preparing: false }),
    setBrowsingOffline: (browsingOffline) => set({ browsingOffline }),
  }
})

/** For tests: forget the event subscription so a fresh fake bridge can be installed. */
export function resetConnectionStoreForTests(): void {
  unsubscribe?.()
  unsubscribe = null
  useConnection.setState({ status: null, bootError: null, switching: null, connecting: false, browsingOffline: false, preparing: false })
}
