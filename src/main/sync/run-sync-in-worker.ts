// Runs one sync in a worker thread (see sync-worker.ts) and resolves with its result, so the main process's
// event loop stays free while thousands of reports are written. Same options and result as syncWorkspace,
// except that the worker opens the library and builds the Mode client itself from plain data.
import { Worker } from 'node:worker_threads'
import { AppFailure } from '../app-error.ts'
import { libraryPath } from '../library/paths.ts'
import type { SyncProgress } from '../../shared/model.ts'
import { claimLibraryPath } from './run-records.ts'
import type { SyncWorkerData, SyncWorkerMessage } from './sync-worker-protocol.ts'
import type { SyncResult } from './sync-workspace.ts'

export interface RunSyncInWorkerOptions extends SyncWorkerData {
  signal?: AbortSignal
  onProgress?: (progress: SyncProgress) => void
  onLibraryChanged?: (info: { reports: number }) => void
  /** Where the worker entry lives; a bundler that emits it elsewhere passes its URL. */
  workerUrl?: URL
}

export async function runSyncInWorker(options: RunSyncInWorkerOptions): Promise<SyncResult> {
  const release = claimLibraryPath(libraryPath(options.dataDir, options.workspace))
  const { signal, onProgress, onLibraryChanged, workerUrl, ...data } = options
  const worker = new Worker(workerUrl ?? new URL('./sync-worker.ts', import.meta.url), { workerData: data satisfies SyncWorkerData })
  const cancel = (): void => worker.postMessage({ type: 'cancel' })
  if (signal?.aborted) cancel()
  signal?.addEventListener('abort', cancel, { once: true })
  return new Promise<SyncResult>((resolve, reject) => {
    let settled = false
    const finish = (fn: () => void): void => {
      if (settled) return
      settled = true
      signal?.removeEventListener('abort', cancel)
      release()
      fn()
    }
    worker.on('message', (message: SyncWorkerMessage) => {
      if (message.type === 'progress') onProgress?.(message.progress)
      else if (message.type === 'changed') onLibraryChanged?.({ reports: message.reports })
      else if (message.type === 'done') finish(() => resolve(message.result))
      else finish(() => reject(new AppFailure(message.error.code, message.error.message, message.error.action)))
    })
    worker.on('error', (error) => finish(() => reject(new AppFailure('internal', 'The sync stopped unexpectedly.', 'Try again; if it keeps happening, restart the app.', { cause: error }))))
    worker.on('exit', (code) => finish(() => reject(new AppFailure('internal', `The sync stopped unexpectedly (worker exit ${code}).`, 'Try again.'))))
  })
}
