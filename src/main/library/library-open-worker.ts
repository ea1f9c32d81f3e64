// Worker-thread entry of openLibraryOffThread (open-off-thread.ts): does everything an open costs before the
// library is usable — creates the file, runs the integrity check (seconds for a large library), moves a damaged
// file aside, applies migrations and rebuilds a stale search index — on this thread, closes its connection and
// reports. The main thread then opens the prepared file without repeating any of it.
import { parentPort, workerData } from 'node:worker_threads'
import { toAppError } from '../../shared/errors.ts'
import { openLibrary } from './open-library.ts'
import type { OpenWorkerData, OpenWorkerReply } from './open-off-thread.ts'

const data = workerData as OpenWorkerData
let reply: OpenWorkerReply
try {
  // No checkpointer thread: this connection lives for one open, and its close folds the log into the file.
  const library = openLibrary({ dataDir: data.dataDir, workspace: data.workspace, backgroundCheckpoints: false })
  const damagedCopy = library.damagedCopy
  await library.close()
  reply = { type: 'prepared', damagedCopy }
} catch (error) {
  reply = { type: 'error', error: toAppError(error) }
}
// Posted once the connection is closed; the parent acts on it when this thread has exited.
parentPort!.postMessage(reply)
