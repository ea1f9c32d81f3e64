// The app's way to open a library without stopping the main thread. Opening costs more than a connection: the
// integrity check reads the whole file (4 s of CPU for a 100,000-report, 430 MB library), a new library runs
// every migration (30–40 ms), an upgrade may rebuild the search index. A worker thread does all of that first
// (library-open-worker.ts: the same openLibrary, so damage, move-aside and upgrade behave exactly as in line) and
// closes; this thread then opens the prepared file as a plain connection (openLibrary's `prepared`), which
// checks only that the schema is the current one. A worker that cannot start or dies leaves the whole open to
// this thread, as before; an error the open itself raised (a newer schema, say) is the open's answer.
import { Worker } from 'node:worker_threads'
import { AppFailure } from '../../shared/errors.ts'
import type { AppError } from '../../shared/model.ts'
import { openLibrary, type DamagedCopy, type Library, type OpenLibraryOptions } from './open-library.ts'

export interface OpenWorkerData {
  dataDir: string
  workspace: string
}

export type OpenWorkerReply = { type: 'prepared'; damagedCopy: DamagedCopy | null } | { type: 'error'; error: AppError }

/** Source (Node type stripping: tests, CLI, e2e harness) or build (an entry of electron.vite.config.ts), beside this file. */
export const openWorkerUrl = (base: string = import.meta.url): URL => new URL(`./library-open-worker.${base.endsWith('.ts') ? 'ts' : 'js'}`, base)

/** A worker still preparing after this long is stopped and the open runs on this thread. */
const PREPARE_TIMEOUT_MS = 10 * 60_000

export interface OpenOffThreadOptions extends Pick<OpenLibraryOptions, 'dataDir' | 'workspace'> {
  /** The worker's entry; default: found beside this code (openWorkerUrl). */
  workerUrl?: URL
  /** The worker could not do its part (why), so the whole open ran on this thread. */
  onFallback?: (reason: string) => void
}

export async function openLibraryOffThread(options: OpenOffThreadOptions): Promise<Library> {
  const reply = await prepareInWorker({ dataDir: options.dataDir, workspace: options.workspace }, options.workerUrl ?? openWorkerUrl())
  if (reply.type === 'error') throw new AppFailure(reply.error.code, reply.error.message, reply.error.action)
  if (reply.type === 'failed') options.onFallback?.(reply.reason)
  return openLibrary({ dataDir: options.dataDir, workspace: options.workspace, prepared: reply.type === 'prepared' ? { damagedCopy: reply.damagedCopy } : undefined })
}

/** The worker's reply once its thread has exited (so its connection no longer holds the file). */
function prepareInWorker(data: OpenWorkerData, url: URL): Promise<OpenWorkerReply | { type: 'failed'; reason: string }> {
  return new Promise((resolve) => {
    let worker: Worker
    try {
      worker = new Worker(url, { workerData: data })
    } catch (error) {
      resolve({ type: 'failed', reason: errorName(error) })
      return
    }
    let reply: OpenWorkerReply | { type: 'failed'; reason: string } = { type: 'failed', reason: 'the worker exited without an answer' }
    const timer = setTimeout(() => {
      reply = { type: 'failed', reason: 'the worker took too long' }
      void worker.terminate()
    }, PREPARE_TIMEOUT_MS)
    worker.once('message', (message: OpenWorkerReply) => { reply = message })
    worker.once('error', (error) => { reply = { type: 'failed', reason: errorName(error) } })
    worker.once('exit', () => {
      clearTimeout(timer)
      resolve(reply)
    })
  })
}

function errorName(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'error'
}
