// Runs one sync of the connected workspace where it belongs: in a worker thread (its own library connection,
// every write off the main thread; its requests come back to be performed with the app's `fetch`), or — when
// the worker cannot start, e.g. a build whose worker file is missing — on this thread with the session's own
// library and client: slower for the UI, but the library still syncs. Either way "reports changed" passes
// through one throttle beside the sync (change-throttle.ts) and the caller relays what it hears.
import type { Library } from '../library/open-library.ts'
import type { SyncProgress } from '../../shared/model.ts'
import { DEFAULT_BASE_URL } from '../mode/client.ts'
import { previewOrigins } from '../report-content/preview-url.ts'
import { createChangeThrottle } from './change-throttle.ts'
import type { ObservableLimiter } from './limiter-bridge.ts'
import { runSyncInWorker, SyncWorkerStartError } from './run-sync-in-worker.ts'
import type { SyncClient } from './sync-client.ts'
import type { SyncWorkerData } from './sync-worker-protocol.ts'
import { syncWorkspace, type SyncResult } from './sync-workspace.ts'

/** The part of a connected session a sync needs (connection/workspace-session.ts provides it). */
export interface SyncTarget {
  /** The workspace slug. */
  readonly workspace: string
  readonly library: Library
  createClient(): SyncClient
  /** `sharedLimiter`: the session's own, so the worker and this thread spend one request budget. */
  workerClient(): Pick<SyncWorkerData, 'client' | 'limiter'> & { sharedLimiter?: ObservableLimiter }
}

export interface SessionSyncOptions {
  target: SyncTarget
  dataDir: string
  sync: SyncWorkerData['sync']
  /** Performs the worker's requests on this thread (net.fetch in the app). Default: globalThis.fetch. */
  fetch?: typeof globalThis.fetch
  /** The worker may make its requests itself (see SyncWorkerData.ownRequests). */
  ownRequests?: boolean
  workerUrl?: URL
  signal?: AbortSignal
  onProgress?: (progress: SyncProgress) => void
  /** Throttled already: relay as it comes. */
  onLibraryChanged?: (reports: number) => void
  /** Where the sync runs, for the log: a worker's threadId, or 'main' after a fallback. */
  onStarted?: (where: { threadId: number } | { fallback: string }) => void
}

export async function runSessionSync(options: SessionSyncOptions): Promise<SyncResult> {
  const { target, signal, onProgress, onLibraryChanged } = options
  try {
    return await runSyncInWorker({
      dataDir: options.dataDir,
      workspace: target.workspace,
      // The session's library is open on this thread: the worker's is a second connection to it.
      libraryOpenInParent: true,
      ...target.workerClient(),
      sync: options.sync,
      fetch: options.fetch,
      ownRequests: options.ownRequests,
      workerUrl: options.workerUrl,
      signal,
      onProgress,
      onLibraryChanged: onLibraryChanged ? ({ reports }) => onLibraryChanged(reports) : undefined,
      onStarted: ({ threadId }) => options.onStarted?.({ threadId }),
    })
  } catch (error) {
    if (!(error instanceof SyncWorkerStartError)) throw error
    options.onStarted?.({ fallback: errorCodeOf(error.cause) })
  }
  const changes = createChangeThrottle((reports) => onLibraryChanged?.(reports))
  try {
    return await syncWorkspace({
      ...options.sync,
      library: target.library,
      client: target.createClient(),
      previews: { fetch: options.fetch ?? globalThis.fetch, origins: previewOrigins(target.workerClient().client.baseUrl ?? DEFAULT_BASE_URL) },
      signal,
      onProgress,
      onLibraryChanged: ({ reports }) => changes.push(reports),
    })
  } finally {
    changes.flush()
  }
}

function errorCodeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'error'
}
