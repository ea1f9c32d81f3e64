// Moves SQLite's WAL checkpoints off the thread that writes. A checkpoint copies the write-ahead log into the
// database file and fsyncs it; run automatically inside a COMMIT it stalls the writer — measured at ~90 ms
// of the main thread's event loop during a 10,000-report sync (bench:sync). Here the writing connection turns
// automatic checkpoints off and a worker thread with its own connection runs PASSIVE checkpoints (which never
// block writers or readers) every `intervalMs`. The worker is built from source text (`eval`) so no bundler
// has to know about a separate entry file; if it cannot start, automatic checkpoints stay on.
//
// One checkpointer per database file in a thread: libraries of the same file opened in this thread share it,
// and the last one to close stops it. Stopping resolves once the worker has closed its connection and exited,
// so the file (and its -wal/-shm) is no longer held when `Library.close()` resolves.
import { Worker } from 'node:worker_threads'
import type { DatabaseSync } from 'node:sqlite'

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { DatabaseSync } = require('node:sqlite')
const db = new DatabaseSync(workerData.path, { timeout: 1000 })
const checkpoint = () => { try { db.exec('PRAGMA wal_checkpoint(PASSIVE)') } catch {} }
const timer = setInterval(checkpoint, workerData.intervalMs)
parentPort.on('message', (message) => {
  if (message !== 'close') return
  clearInterval(timer)
  checkpoint()
  try { db.close() } catch {}
  parentPort.close()
})
`

/** A worker that does not exit this long after being asked to is terminated. */
const STOP_TIMEOUT_MS = 5_000

interface Running {
  worker: Worker
  users: Set<DatabaseSync>
  exited: Promise<void>
}

const running = new Map<string, Running>()

export interface WalCheckpointer {
  /** This connection no longer writes; resolves when no checkpointer thread holds the file any more. */
  release(): Promise<void>
}

export function startWalCheckpointer(db: DatabaseSync, path: string, intervalMs = 500): WalCheckpointer | null {
  const current = running.get(path) ?? launch(path, intervalMs)
  if (!current) return null
  current.users.add(db)
  db.exec('PRAGMA wal_autocheckpoint = 0')
  return {
    release: () => release(path, current, db),
  }
}

function launch(path: string, intervalMs: number): Running | null {
  let worker: Worker
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, intervalMs } })
  } catch {
    return null
  }
  const entry: Running = { worker, users: new Set(), exited: new Promise((resolve) => worker.once('exit', () => resolve())) }
  // Should the worker die, the writers take checkpoints back so the log cannot grow without bound.
  const restoreAutomatic = (): void => {
    if (running.get(path) === entry) running.delete(path)
    for (const db of entry.users) {
      try {
        if (db.isOpen) db.exec('PRAGMA wal_autocheckpoint = 1000')
      } catch {
        // closing: nothing to restore
      }
    }
  }
  worker.on('error', restoreAutomatic)
  worker.on('exit', restoreAutomatic)
  worker.unref()
  running.set(path, entry)
  return entry
}

async function release(path: string, entry: Running, db: DatabaseSync): Promise<void> {
  entry.users.delete(db)
  if (entry.users.size > 0) return
  if (running.get(path) === entry) running.delete(path)
  entry.worker.postMessage('close')
  let timer: NodeJS.Timeout | undefined
  const overdue = new Promise<void>((resolve) => {
    timer = setTimeout(() => void entry.worker.terminate().then(() => resolve(), () => resolve()), STOP_TIMEOUT_MS)
  })
  try {
    await Promise.race([entry.exited, overdue])
  } finally {
    clearTimeout(timer)
  }
}
