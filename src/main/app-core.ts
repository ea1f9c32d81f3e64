// Electron-free wiring of every main-side service and IPC handler. The Electron entry (index.ts) builds it
// with real adapters (safeStorage, electron-store, shell); the e2e harness and the integration tests build it
// with the same services and test adapters. Whatever the renderer can do goes through here.
import type { EventName, EventPayload } from '../shared/contract.ts'
import type { SyncState } from '../shared/model.ts'
import { AppFailure } from './app-error.ts'
import { ConnectionService, type SampleServer, type SessionChange } from './connection/connection-service.ts'
import { startSampleWorkspace } from './connection/sample-workspace.ts'
import { appHandlers } from './handlers/app.ts'
import { connectionHandlers } from './handlers/connection.ts'
import type { HandlerContext } from './handlers/context.ts'
import { libraryHandlers } from './handlers/library.ts'
import { createLibrarySearch } from './search/library-search.ts'
import { settingsHandlers } from './handlers/settings.ts'
import { syncHandlers } from './handlers/sync.ts'
import type { HandlerMap } from './ipc.ts'
import { listSyncRuns } from './library/index.ts'
import type { SafeStorageLike } from './secrets/secret-store.ts'
import { SecretStore } from './secrets/secret-store.ts'
import type { KeyValueStore } from './settings/key-value-store.ts'
import { SettingsService } from './settings/settings-service.ts'
import { lastCompletedRun } from './sync/index.ts'
import { createSyncScheduler, type SchedulerClock, type SyncScheduler } from './sync/scheduler.ts'

export type LogLevel = 'info' | 'warn' | 'error'

export interface AppCoreAdapters {
  version: string
  electronVersion: string | null
  /** Opens a URL in the system browser (Electron: shell.openExternal). */
  openExternal: (url: string) => Promise<void>
  /** Pushes an event to the renderer. */
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void
  /** Where the libraries, the secret file and (outside Electron) the settings live. */
  dataDir: string
  /** Electron's safeStorage (after app ready) or a double with the same async API. */
  safeStorage: SafeStorageLike
  /** Defaults to process.platform; decides how the safeStorage backend is named (Linux keyrings vs OS stores). */
  platform?: NodeJS.Platform
  /** Settings, saved searches and the connection profile (electron-store in the app). */
  settingsStore: KeyValueStore
  /** Shows a folder in the file manager (Electron: shell.showItemInFolder). */
  revealInFolder: (path: string) => void | Promise<void>
  now?: () => Date
  /** Receives every log line of the services; never given a secret. Default: console. */
  log?: (level: LogLevel, message: string) => void
  /** Mode's base URL; the e2e harness points it at a simulator. Default https://app.mode.com. */
  modeBaseUrl?: () => string
  /** Performs every Mode request, the sync worker's included (Electron: net.fetch). Default: globalThis.fetch. */
  fetch?: typeof globalThis.fetch
  /** The sync worker's entry file; default: found beside the code (source or build). */
  syncWorkerUrl?: URL
  /** Starts the sample workspace; default: the built-in simulator. */
  startSample?: () => Promise<SampleServer>
  /** Cheap connectivity probe for sync retries (Electron: net.isOnline). */
  isOnline?: () => boolean | Promise<boolean>
  /** Timers of the scheduler (tests may pass a fake clock). */
  schedulerClock?: SchedulerClock
  /** Mode's request budget per 10 s for real workspaces (default: the client's, about 40); read at each connect. */
  modeRequestsPer10s?: number | (() => number | undefined)
}

export interface AppCore {
  handlers: HandlerMap
  connection: ConnectionService
  settings: SettingsService
  scheduler: SyncScheduler
  /** Restores the connection from stored credentials and starts the schedule. Call once, after app ready. */
  start: () => Promise<void>
  /** The machine woke from sleep. */
  onResume: () => void
  /** Stops timers and the running sync, the sample simulator, and closes databases. */
  dispose: () => Promise<void>
}

export function createAppCore(adapters: AppCoreAdapters): AppCore {
  const now = adapters.now ?? (() => new Date())
  const log = (level: LogLevel, message: string): void => {
    if (adapters.log) adapters.log(level, message)
    else if (level === 'error') console.error(message)
    else if (level === 'warn') console.warn(message)
    else console.info(message)
  }
  const settings = new SettingsService({ store: adapters.settingsStore, log: (m) => log('warn', m), now })
  const secrets = new SecretStore({ dataDir: adapters.dataDir, safeStorage: adapters.safeStorage, platform: adapters.platform, log: (m) => log('info', m) })

  let lastSyncState: SyncState | null = null
  // Names arrive page by page: one search refresh per quarter second is plenty, more would only churn the UI.
  const libraryChanged = trailingThrottle(250, (reports) => adapters.emit('library.changed', { reports }))
  const connection = new ConnectionService({
    dataDir: adapters.dataDir,
    secrets,
    settings,
    modeBaseUrl: adapters.modeBaseUrl,
    startSample: adapters.startSample ?? (() => startSampleWorkspace()),
    fetch: adapters.fetch,
    syncWorkerUrl: adapters.syncWorkerUrl,
    modeRequestsPer10s: adapters.modeRequestsPer10s,
    log: (m) => log('info', m),
    onStatus: (status) => adapters.emit('connection.status', status),
    onSessionChange: (change) => onSessionChange(change),
  })

  // Used lazily by onSessionChange (below), which only runs after construction.
  const scheduler: SyncScheduler = createSyncScheduler({
    runSync: async ({ kind, trigger, signal, onProgress }) => {
      const session = connection.getSession()
      if (!session) throw new AppFailure('not_connected', 'Not connected to Mode.', 'Connect the workspace again to sync.')
      const current = settings.get()
      // In a worker thread: the library writes of a 10,000-report sync never hold up this event loop (IPC,
      // search). Its requests still go out through adapters.fetch (net.fetch in the app) via the fetch bridge.
      const result = await session.runSync({
        kind,
        trigger,
        signal,
        onProgress,
        includePersonalCollections: current.includePersonalCollections,
        includeCharts: current.includeChartsInSync,
        onLibraryChanged: (info) => libraryChanged.push(info.reports),
        onStarted: ({ threadId }) => log('info', `[sync] ${kind} sync (${trigger}) running in worker thread ${threadId}`),
      })
      libraryChanged.flush()
      adapters.emit('library.changed', { reports: result.run.reportsChanged })
      log(result.run.outcome === 'success' ? 'info' : 'warn', `[sync] ${result.run.kind} sync (${result.run.trigger}) ended: ${result.run.outcome}; ${result.run.requests} requests${result.error ? `; ${result.error.code}` : ''}`)
      return result
    },
    isConnected: () => connection.getSession() !== null,
    nightlyTime: () => settings.get().nightlySyncTime,
    lastRun: () => {
      const library = connection.getLibrary()
      return library ? (listSyncRuns(library, 1)[0] ?? null) : null
    },
    lastCompletedRun: () => {
      const library = connection.getLibrary()
      return library ? lastCompletedRun(library) : null
    },
    isOnline: adapters.isOnline,
    onState: (state) => {
      lastSyncState = state
      adapters.emit('sync.state', state)
    },
    clock: adapters.schedulerClock,
  })

  async function onSessionChange(change: SessionChange): Promise<void> {
    if (change.type === 'ended') {
      // The library is about to close (or change hands): stop the sync that writes to it, and wait for it.
      void ctx.search.warm(null)
      scheduler.stop()
      await scheduler.idle()
      adapters.emit('sync.state', scheduler.getState())
      return
    }
    adapters.emit('library.changed', { reports: 0 })
    // Search loads its per-report attributes in the background now, not on the first keystroke.
    void ctx.search.warm(connection.getLibrary())
    if (change.type === 'connected') {
      scheduler.start()
      // The first sync starts at once; a new library is synced in full by the engine's own rule.
      scheduler.syncNow({ trigger: change.switchedCredentialsOnly ? 'credentials-changed' : 'connect' })
      return
    }
    scheduler.start({ catchUp: true })
    if (settings.get().syncOnLaunch && scheduler.getState().status !== 'syncing') scheduler.syncNow({ trigger: 'launch' })
  }

  const ctx: HandlerContext = {
    dataDir: adapters.dataDir,
    connection,
    settings,
    scheduler,
    search: createLibrarySearch({ now }),
    emit: adapters.emit,
    revealInFolder: adapters.revealInFolder,
    now,
  }
  const handlers: HandlerMap = {
    ...appHandlers({ version: adapters.version, electronVersion: adapters.electronVersion, openExternal: adapters.openExternal }),
    ...connectionHandlers(ctx),
    ...libraryHandlers(ctx),
    ...syncHandlers(ctx),
    ...settingsHandlers(ctx),
  }

  let disposed = false
  return {
    handlers,
    connection,
    settings,
    scheduler,
    start: async () => {
      await connection.restore()
      if (!lastSyncState) adapters.emit('sync.state', scheduler.getState())
    },
    onResume: () => scheduler.onResume(),
    dispose: async () => {
      if (disposed) return
      disposed = true
      libraryChanged.cancel()
      scheduler.stop()
      await scheduler.idle()
      await connection.dispose()
    },
  }
}

/** Sums counts and emits at most once per `ms`, always including the last change (trailing edge). */
function trailingThrottle(ms: number, emit: (count: number) => void): { push: (n: number) => void; flush: () => void; cancel: () => void } {
  let pending = 0
  let timer: ReturnType<typeof setTimeout> | null = null
  const flush = (): void => {
    if (timer) clearTimeout(timer)
    timer = null
    if (pending > 0) {
      const n = pending
      pending = 0
      emit(n)
    }
  }
  return {
    push: (n) => {
      pending += Math.max(1, n)
      if (!timer) {
        timer = setTimeout(flush, ms)
        timer.unref?.()
      }
    },
    flush,
    cancel: () => {
      if (timer) clearTimeout(timer)
      timer = null
      pending = 0
    },
  }
}
