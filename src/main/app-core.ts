// Electron-free wiring of every main-side service and IPC handler. The Electron entry (index.ts) builds it
// with real adapters (safeStorage, electron-store, shell); the e2e harness builds it with the same services
// and test adapters. Whatever the renderer can do goes through here.
import type { EventName, EventPayload } from '../shared/contract.ts'
import { getAppInfo } from './app-info.ts'
import { openExternalIfAllowed } from './external-links.ts'
import type { HandlerMap } from './ipc.ts'

export interface AppCoreAdapters {
  version: string
  electronVersion: string | null
  /** Opens a URL in the system browser (Electron: shell.openExternal). */
  openExternal: (url: string) => Promise<void>
  /** Pushes an event to the renderer. */
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void
}

export interface AppCore {
  handlers: Partial<HandlerMap>
  /** Stops timers and closes databases. */
  dispose: () => Promise<void>
}

export function createAppCore(adapters: AppCoreAdapters): AppCore {
  const handlers: Partial<HandlerMap> = {
    'app.getInfo': () => getAppInfo(adapters.version, adapters.electronVersion),
    'app.openExternal': ({ url }) => openExternalIfAllowed(url, adapters.openExternal),
  }
  return { handlers, dispose: async () => {} }
}
