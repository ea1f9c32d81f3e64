// Worker-thread entry of runSyncInWorker: opens its own connection to the library and its own Mode client, runs
// syncWorkspace, and reports progress and the result to the parent. Every library write then happens off the
// main thread, so the UI's event loop never waits on a transaction, a WAL checkpoint or an FTS merge. The
// client's HTTP requests are performed by the parent (fetch-bridge.ts), with Electron's network stack in the app,
// or by this worker itself where no proxy is in the way (worker-fetch.ts).
import { parentPort, threadId, workerData } from 'node:worker_threads'
import { toAppError } from '../../shared/errors.ts'
import { openLibrary } from '../library/open-library.ts'
import { createModeClient, DEFAULT_BASE_URL } from '../mode/client.ts'
import { createChangeThrottle } from './change-throttle.ts'
import { previewOrigins } from '../report-content/preview-url.ts'
import { createBridgedFetch } from './fetch-bridge.ts'
import { createBridgedLimiter } from './limiter-bridge.ts'
import { ownFetchOrBridge } from './worker-fetch.ts'
import { syncWorkspace } from './sync-workspace.ts'
import type { SyncWorkerInit, SyncWorkerMessage } from './sync-worker-protocol.ts'

const data = workerData as SyncWorkerInit
const DEFAULT_CONCURRENCY = 4
const port = parentPort!
const post = (message: SyncWorkerMessage): void => port.postMessage(message)
const controller = new AbortController()
port.on('message', (message: { type: string }) => {
  if (message.type === 'cancel') controller.abort()
})
post({ type: 'started', threadId })

// "Reports changed" arrives per page and per report: throttled here, once, and relayed as is by the parent.
const changes = createChangeThrottle((reports) => post({ type: 'changed', reports }))

// The outcome is posted only once the library is closed, so the parent's promise settles after the file is let go.
let outcome: SyncWorkerMessage
try {
  // No checkpointer thread of its own: this worker is already off the main thread, so its commits checkpoint
  // inline as SQLite does by default, and the file keeps one checkpointer (the app's, on the main thread).
  // Beside the app's own connection, this one must never move the file aside (see libraryOpenInParent).
  const library = openLibrary({ dataDir: data.dataDir, workspace: data.workspace, backgroundCheckpoints: false, secondConnection: data.libraryOpenInParent === true })
  try {
    const bridgedFetch = data.ownRequests ? ownFetchOrBridge(globalThis.fetch, createBridgedFetch(data.fetchPort)) : createBridgedFetch(data.fetchPort)
    const client = createModeClient({
      ...data.client,
      fetch: bridgedFetch,
      // Paced by the parent's limiter, which on-demand requests of the app share (limiter-bridge.ts).
      limiter: createBridgedLimiter(data.limiterPort, data.limiter?.concurrency ?? DEFAULT_CONCURRENCY),
    })
    const result = await syncWorkspace({
      ...data.sync,
      library,
      client,
      // The same bridge, without the client's credentials: previews go to the storage host with their signed URL only.
      previews: { fetch: bridgedFetch, origins: previewOrigins(data.client.baseUrl ?? DEFAULT_BASE_URL) },
      signal: controller.signal,
      onProgress: (progress) => post({ type: 'progress', progress }),
      onLibraryChanged: ({ reports }) => changes.push(reports),
    })
    changes.flush()
    outcome = { type: 'done', result }
  } finally {
    await library.close()
  }
} catch (error) {
  outcome = { type: 'error', error: toAppError(error) }
}
changes.cancel()
post(outcome)
data.fetchPort.close()
data.limiterPort.close()
port.close()
