// Moves SQLite's WAL checkpoints off the thread that writes. A checkpoint copies the write-ahead log into the
// database file and fsyncs it; run automatically inside a COMMIT it stalls the writer — measured at ~90 ms
// of the main thread's event loop during a 10,000-report sync (bench:sync). Here the writing connection turns
// automatic checkpoints off and a worker thread with its own connection runs PASSIVE checkpoints (which never
// block writers or readers) every `intervalMs`. The worker is built from source text (`eval`) so no bundler
// has to know about a separate entry file; if it cannot start, automatic checkpoints stay on.
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

export interface WalCheckpointer {
  stop(): void
}

export function startWalCheckpointer(db: DatabaseSync, path: string, intervalMs = 500): WalCheckpointer | null {
  let worker: Worker
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, intervalMs } })
  } catch {
    return null
  }
  // Should the worker die, the writer takes checkpoints back so the log cannot grow without bound.
  const restoreAutomatic = (): void => {
    try {
      if (db.isOpen) db.exec('PRAGMA wal_autocheckpoint = 1000')
    } catch {
      // closing: nothing to restore
    }
  }
  worker.on('error', restoreAutomatic)
  worker.on('exit', restoreAutomatic)
  worker.unref()
  db.exec('PRAGMA wal_autocheckpoint = 0')
  return {
    stop() {
      worker.removeListener('exit', restoreAutomatic)
      worker.postMessage('close')
    },
  }
}
