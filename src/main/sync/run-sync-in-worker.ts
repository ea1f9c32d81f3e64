// Runs one sync in a worker thread (see sync-worker.ts) and resolves with its result, so the main process's
// event loop stays free while thousands of reports are written. Same options and result as syncWorkspace,
// except that the worker opens the library and builds the Mode client itself from plain data, and its HTTP
// requests come back here to be performed with `fetch` (Electron's net.fetch in the app: fetch-bridge.ts).
import { MessageChannel, Worker } from 'node:worker_threads'
import { AppFailure } from '../../shared/errors.ts'
import { libraryPath } from '../library/paths.ts'
import type { SyncProgress } from '../../shared/model.ts'
import { RateLimiter } from '../mode/rate-limiter.ts'
import { serveFetchBridge } from './fetch-bridge.ts'
import { claimLibraryPath } from '../library/sync-records.ts'
import { serveLimiterBridge, type ObservableLimiter } from './limiter-bridge.ts'
import type { SyncWorkerData, SyncWorkerInit, SyncWorkerMessage } from './sync-worker-protocol.ts'
import { syncWorkerUrl } from './sync-worker-url.ts'
import type { SyncResult } from './sync-workspace.ts'

export interface RunSyncInWorkerOptions extends SyncWorkerData {
  signal?: AbortSignal
  onProgress?: (progress: SyncProgress) => void
  onLibraryChanged?: (info: { reports: number }) => void
  /** The worker thread started (its threadId: the sync runs there, not on this thread). */
  onStarted?: (info: { threadId: number }) => void
  /** The Mode user's limiter on this thread, shared with on-demand requests. Default: one from `limiter`'s options. */
  sharedLimiter?: ObservableLimiter
  /** Performs the worker's HTTP requests on this thread. Default: globalThis.fetch. The app passes net.fetch. */
  fetch?: typeof globalThis.fetch
  /** Where the worker entry lives. Default: syncWorkerUrl() (source or build, see sync-worker-url.ts). */
  workerUrl?: URL
}

/** The worker never started (its entry file missing or unloadable): nothing was synced; the caller may sync elsewhere. */
export class SyncWorkerStartError extends AppFailure {
  constructor(cause: unknown) {
    super('internal', 'The sync could not start.', 'Try again; if it keeps happening, restart the app.', { cause })
    this.name = 'SyncWorkerStartError'
  }
}

/** How long a worker that has reported its outcome may take to exit before it is terminated. */
const EXIT_GRACE_MS = 10_000

export async function runSyncInWorker(options: RunSyncInWorkerOptions): Promise<SyncResult> {
  const release = claimLibraryPath(libraryPath(options.dataDir, options.workspace))
  const { signal, onProgress, onLibraryChanged, onStarted, workerUrl, fetch: fetchImpl, sharedLimiter, ...data } = options
  const channel = new MessageChannel()
  const fetchBridge = serveFetchBridge(channel.port1, fetchImpl ?? globalThis.fetch)
  const limiterChannel = new MessageChannel()
  const limiterBridge = serveLimiterBridge(limiterChannel.port1, sharedLimiter ?? new RateLimiter(data.limiter ?? {}))
  const bridge = { close: () => { fetchBridge.close(); limiterBridge.close() } }
  const limiter = { ...data.limiter, concurrency: sharedLimiter?.concurrency ?? data.limiter?.concurrency }
  let worker: Worker
  try {
    const init: SyncWorkerInit = { ...data, limiter, fetchPort: channel.port2, limiterPort: limiterChannel.port2 }
    worker = new Worker(workerUrl ?? syncWorkerUrl(), { workerData: init, transferList: [channel.port2, limiterChannel.port2] })
  } catch (error) {
    bridge.close()
    release()
    throw new SyncWorkerStartError(error)
  }
  const cancel = (): void => worker.postMessage({ type: 'cancel' })
  if (signal?.aborted) cancel()
  signal?.addEventListener('abort', cancel, { once: true })
  return new Promise<SyncResult>((resolve, reject) => {
    let settled = false
    let started = false
    // The worker's verdict ('done' or 'error') is applied when its thread has exited, so nothing of the sync
    // (its library connection above all) is still running when this promise settles.
    let verdict: (() => void) | null = null
    let exitTimer: NodeJS.Timeout | undefined
    const decide = (fn: () => void): void => {
      if (verdict) return
      verdict = fn
      // A worker that reported but does not exit is stopped: its result stands.
      exitTimer = setTimeout(() => void worker.terminate(), EXIT_GRACE_MS)
    }
    const finish = (fn: () => void): void => {
      if (settled) return
      settled = true
      clearTimeout(exitTimer)
      signal?.removeEventListener('abort', cancel)
      bridge.close()
      release()
      fn()
    }
    worker.on('message', (message: SyncWorkerMessage) => {
      if (message.type === 'started') {
        started = true
        onStarted?.({ threadId: message.threadId })
      }
      else if (message.type === 'progress') onProgress?.(message.progress)
      else if (message.type === 'changed') onLibraryChanged?.({ reports: message.reports })
      else if (message.type === 'done') decide(() => resolve(message.result))
      else decide(() => reject(new AppFailure(message.error.code, message.error.message, message.error.action)))
    })
    worker.on('error', (error) => decide(() => reject(started
      ? new AppFailure('internal', 'The sync stopped unexpectedly.', 'Try again; if it keeps happening, restart the app.', { cause: error })
      : new SyncWorkerStartError(error))))
    worker.on('exit', (code) => finish(verdict ?? (() => reject(started
      ? new AppFailure('internal', `The sync stopped unexpectedly (worker exit ${code}).`, 'Try again.')
      : new SyncWorkerStartError(new Error(`worker exit ${code}`))))))
  })
}
