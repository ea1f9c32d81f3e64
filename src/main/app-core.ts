// Electron-free wiring of every main-side service and IPC handler. The Electron entry (index.ts) builds it
// with real adapters (safeStorage, electron-store, shell); the e2e harness and the integration tests build it
// with the same services and test adapters. Whatever the renderer can do goes through here.
import type { EventName, EventPayload } from '../shared/contract.ts'
import { ConnectionService, type SampleServer, type SessionChange } from './connection/connection-service.ts'
import { startSampleWorkspace } from './connection/sample-workspace.ts'
import { appHandlers } from './handlers/app.ts'
import { connectionHandlers } from './handlers/connection.ts'
import type { HandlerContext } from './handlers/context.ts'
import { knowledgeHandlers } from './handlers/knowledge.ts'
import { exportSqlHandlers, type ChooseSaveFile } from './handlers/export-sql.ts'
import { homeHandlers } from './handlers/home.ts'
import { savedSearchHandlers } from './handlers/saved-searches.ts'
import { HomeStore } from './home/home-store.ts'
import { accessHandlers } from './handlers/access.ts'
import { SavedSearchStore } from './home/saved-search-store.ts'
import { libraryHandlers } from './handlers/library.ts'
import { createLibrarySearch } from './search/library-search.ts'
import { settingsHandlers } from './handlers/settings.ts'
import { syncHandlers } from './handlers/sync.ts'
import type { HandlerMap } from './ipc.ts'
import type { SafeStorageLike } from './secrets/secret-store.ts'
import { SecretStore } from './secrets/secret-store.ts'
import type { KeyValueStore } from './settings/key-value-store.ts'
import { SettingsService } from './settings/settings-service.ts'
import type { SchedulerClock, SyncScheduler } from './sync/scheduler.ts'
import { createSyncService } from './sync/sync-service.ts'

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
  /** Asks where to save a file (Electron: the save dialog); null when the user cancels. Without it, nothing saves. */
  chooseSaveFile?: ChooseSaveFile
  now?: () => Date
  /** Receives every log line of the services; never given a secret. Default: console. */
  log?: (level: LogLevel, message: string) => void
  /** Mode's base URL; the e2e harness points it at a simulator. Default https://app.mode.com. */
  modeBaseUrl?: () => string
  /** Performs every Mode request, the sync worker's included (Electron: net.fetch). Default: globalThis.fetch. */
  fetch?: typeof globalThis.fetch
  /** Whether these URLs are reached without a proxy; then the sync worker makes its own requests (sync/worker-fetch.ts). */
  reachedDirectly?: (urls: string[]) => Promise<boolean>
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
  const settings = new SettingsService({ store: adapters.settingsStore, log: (m) => log('warn', m) })
  const secrets = new SecretStore({ dataDir: adapters.dataDir, safeStorage: adapters.safeStorage, platform: adapters.platform, log: (m) => log('info', m) })

  const connection = new ConnectionService({
    dataDir: adapters.dataDir,
    secrets,
    settings,
    modeBaseUrl: adapters.modeBaseUrl,
    startSample: adapters.startSample ?? (() => startSampleWorkspace()),
    fetch: adapters.fetch,
    modeRequestsPer10s: adapters.modeRequestsPer10s,
    log: (m) => log('info', m),
    onStatus: (status) => adapters.emit('connection.status', status),
    onSessionChange: (change) => onSessionChange(change),
  })
  const sync = createSyncService({
    dataDir: adapters.dataDir,
    getTarget: () => connection.getSession(),
    getLibrary: () => connection.getLibrary(),
    settings: () => settings.get(),
    onState: (state) => adapters.emit('sync.state', state),
    onLibraryChanged: (reports) => adapters.emit('library.changed', { reports }),
    log,
    fetch: adapters.fetch,
    reachedDirectly: adapters.reachedDirectly,
    workerUrl: adapters.syncWorkerUrl,
    isOnline: adapters.isOnline,
    clock: adapters.schedulerClock,
  })
  const search = createLibrarySearch({ now })

  async function onSessionChange(change: SessionChange): Promise<void> {
    if (change.type === 'ended') {
      // The library is about to close (or change hands): stop the sync that writes to it, and wait for it.
      await search.warm(null)
      await sync.sessionEnded()
      return
    }
    adapters.emit('library.changed', { reports: 0 })
    // Search loads its per-report attributes in the background now, not on the first keystroke.
    void search.warm(connection.getLibrary())
    sync.sessionStarted(change.type === 'restored' ? 'restored' : change.switchedCredentialsOnly ? 'credentials-changed' : 'connected')
  }

  const ctx: HandlerContext = {
    dataDir: adapters.dataDir,
    connection,
    settings,
    home: new HomeStore(adapters.settingsStore, now),
    savedSearches: new SavedSearchStore(adapters.settingsStore, now, (m) => log('warn', m)),
    scheduler: sync.scheduler,
    search,
    emit: adapters.emit,
    revealInFolder: adapters.revealInFolder,
    now,
  }
  const handlers: HandlerMap = {
    ...appHandlers({ version: adapters.version, electronVersion: adapters.electronVersion, openExternal: adapters.openExternal }),
    ...connectionHandlers(ctx),
    ...libraryHandlers(ctx),
    ...accessHandlers(ctx, adapters.chooseSaveFile ?? null),
    ...knowledgeHandlers(ctx),
    ...exportSqlHandlers(ctx, adapters.chooseSaveFile ?? null),
    ...homeHandlers(ctx),
    ...syncHandlers(ctx),
    ...settingsHandlers(ctx),
    ...savedSearchHandlers(ctx),
  }

  let disposed = false
  return {
    handlers,
    connection,
    settings,
    scheduler: sync.scheduler,
    start: async () => {
      await connection.restore()
      if (!sync.hasPublishedState()) adapters.emit('sync.state', sync.scheduler.getState())
    },
    onResume: () => sync.scheduler.onResume(),
    dispose: async () => {
      if (disposed) return
      disposed = true
      // In order: nothing new starts and the running sync settles; then the library closes (waiting for its
      // checkpointer) and the sample simulator stops.
      await search.warm(null)
      await sync.dispose()
      await connection.dispose()
      await search.close()
    },
  }
}
