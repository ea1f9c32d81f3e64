// The app's one owner of syncing: when a sync runs (scheduler.ts), where it runs (run-session-sync.ts: a
// worker thread, or this thread as a fallback), and what the rest of the app hears about it — sync.state,
// library.changed and the log lines. The main thread only relays here: progress is throttled by the sync
// itself (progress.ts) and reports-changed by the one throttle beside it (change-throttle.ts).
import { DEFAULT_HISTORY_LIMITS } from '../knowledge/history-limits.ts'
import { AppFailure } from '../../shared/errors.ts'
import type { Library } from '../library/open-library.ts'
import { listSyncRuns } from '../library/read-models.ts'
import type { Settings, SyncState } from '../../shared/model.ts'
import { lastCompletedRun } from '../library/sync-records.ts'
import { DEFAULT_BASE_URL } from '../mode/client.ts'
import { previewOrigins } from '../report-content/preview-url.ts'
import { reportContentOptions } from './fetch-report-content.ts'
import { runSessionSync, type SyncTarget } from './run-session-sync.ts'
import { createSyncScheduler, type SchedulerClock, type SyncScheduler } from './scheduler.ts'

export type SyncLogLevel = 'info' | 'warn'

/** How long a sync waits to hear whether Mode is reached without a proxy before it uses the bridge anyway. */
const ROUTE_CHECK_MS = 5_000

export interface SyncServiceOptions {
  dataDir: string
  /** The connected session, or null. */
  getTarget: () => SyncTarget | null
  /** The open library (also while disconnected), for the run history the state shows. */
  getLibrary: () => Library | null
  settings: () => Pick<Settings, 'includePersonalCollections' | 'includeChartsInSync' | 'nightlySyncTime' | 'syncOnLaunch' | 'historyRetentionDays' | 'resultsScope' | 'previewDiskLimitMb'>
  onState: (state: SyncState) => void
  onLibraryChanged: (reports: number) => void
  log: (level: SyncLogLevel, message: string) => void
  /** Performs the sync worker's requests on this thread (Electron: net.fetch). */
  fetch?: typeof globalThis.fetch
  /**
   * Whether these URLs are reached without a proxy (Electron: the session's proxy resolver answers DIRECT).
   * Then the worker makes its requests itself (worker-fetch.ts). Without it, every request comes back to `fetch`.
   */
  reachedDirectly?: (urls: string[]) => Promise<boolean>
  workerUrl?: URL
  isOnline?: () => boolean | Promise<boolean>
  clock?: SchedulerClock
}

/** How a session began, which decides the first sync. */
export type SessionStart = 'connected' | 'credentials-changed' | 'restored'

export interface SyncService {
  readonly scheduler: SyncScheduler
  /** A session began: start the schedule and the first sync it calls for. */
  sessionStarted(how: SessionStart): void
  /** The session is ending (its library is about to close or change hands): stop the sync and wait for it. */
  sessionEnded(): Promise<void>
  /** Whether a sync.state was published since start (the app publishes one at start-up otherwise). */
  hasPublishedState(): boolean
  /** Stops the schedule and waits for a running sync to settle. */
  dispose(): Promise<void>
}

export function createSyncService(options: SyncServiceOptions): SyncService {
  const { log } = options
  let published = false
  // Asked at every sync: the network (and its proxy settings) may have changed since the last one.
  const requestsInWorker = async (target: SyncTarget): Promise<boolean> => {
    if (!options.reachedDirectly) return false
    const base = target.workerClient().client.baseUrl ?? DEFAULT_BASE_URL
    const { httpsHosts, loopbackOrigins } = previewOrigins(base)
    const urls = [base, ...httpsHosts.map((host) => `https://${host}/`), ...loopbackOrigins]
    // A proxy resolver that does not answer (a PAC file that never downloads) leaves the requests to the bridge.
    let timer: NodeJS.Timeout | undefined
    const unanswered = new Promise<false>((resolve) => { timer = setTimeout(resolve, ROUTE_CHECK_MS, false) })
    try {
      return await Promise.race([options.reachedDirectly(urls).catch(() => false), unanswered])
    } finally {
      clearTimeout(timer)
    }
  }
  const scheduler = createSyncScheduler({
    runSync: async ({ kind, trigger, signal, onProgress }) => {
      const target = options.getTarget()
      if (!target) throw new AppFailure('not_connected', 'Not connected to Mode.', 'Connect the workspace again to sync.')
      const current = options.settings()
      const ownRequests = await requestsInWorker(target)
      const result = await runSessionSync({
        target,
        dataDir: options.dataDir,
        sync: {
          kind, trigger, includePersonalCollections: current.includePersonalCollections, includeCharts: current.includeChartsInSync,
          historyLimits: { ...DEFAULT_HISTORY_LIMITS, retentionDays: current.historyRetentionDays },
          content: reportContentOptions(current),
        },
        fetch: options.fetch,
        ownRequests,
        workerUrl: options.workerUrl,
        signal,
        onProgress,
        onLibraryChanged: options.onLibraryChanged,
        onStarted: (where) =>
          'threadId' in where
            ? log('info', `[sync] ${kind} sync (${trigger}) running in worker thread ${where.threadId}`)
            : log('warn', `[sync] the sync worker could not start (${where.fallback}); syncing on the main thread`),
      })
      const { run } = result
      log(run.outcome === 'success' ? 'info' : 'warn', `[sync] ${run.kind} sync (${run.trigger}) ended: ${run.outcome}; ${run.requests} requests${run.itemsSkipped ? `; ${run.itemsSkipped} unreadable items skipped` : ''}${result.error ? `; ${result.error.code}` : ''}`)
      return result
    },
    isConnected: () => options.getTarget() !== null,
    nightlyTime: () => options.settings().nightlySyncTime,
    lastRun: () => {
      const library = options.getLibrary()
      return library ? (listSyncRuns(library, 1)[0] ?? null) : null
    },
    lastCompletedRun: () => {
      const library = options.getLibrary()
      return library ? lastCompletedRun(library) : null
    },
    isOnline: options.isOnline,
    onState: (state) => {
      published = true
      options.onState(state)
    },
    clock: options.clock,
  })

  const stopAndWait = async (): Promise<void> => {
    scheduler.stop()
    await scheduler.idle()
  }

  return {
    scheduler,
    sessionStarted(how) {
      if (how === 'restored') {
        scheduler.start({ catchUp: true })
        if (options.settings().syncOnLaunch && scheduler.getState().status !== 'syncing') scheduler.syncNow({ trigger: 'launch' })
        return
      }
      scheduler.start()
      // The first sync starts at once; a new library is synced in full by the engine's own rule.
      scheduler.syncNow({ trigger: how === 'credentials-changed' ? 'credentials-changed' : 'connect' })
    },
    async sessionEnded() {
      await stopAndWait()
      options.onState(scheduler.getState())
    },
    hasPublishedState: () => published,
    dispose: stopAndWait,
  }
}
