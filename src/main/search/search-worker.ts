// Worker-thread entry of the library search (library-search.ts): every search runs here, on this thread's own
// read connection to the library file, kept open and warm between searches, so nothing a search does — FTS
// reads, ranking, facets, loading 100,000 reports' attributes — blocks Electron's main event loop. Messages
// are answered in order; a warm-up yields between its steps, so a search arriving meanwhile is answered
// between two steps.
import { DatabaseSync } from 'node:sqlite'
import { parentPort, threadId, workerData } from 'node:worker_threads'
import { relatedReports } from '../knowledge/related-reports.ts'
import { prepareCached } from '../library/statement-cache.ts'
import { SearchSuperseded } from './query-context.ts'
import { createSearchService, type SearchService } from './search-service.ts'
import type { SearchWorkerReply, SearchWorkerRequest } from './search-worker-protocol.ts'

const port = parentPort!
/**
 * The typing counter (library-search.ts bumps it for every `asTyped` search it sends): a search whose number is
 * below it is for text the user has since changed, and stops at its next step.
 */
const typing = new Int32Array((workerData as { typing?: SharedArrayBuffer } | undefined)?.typing ?? new SharedArrayBuffer(4))
const post = (message: SearchWorkerReply): void => port.postMessage(message)

interface Open {
  db: DatabaseSync
  service: SearchService
  /** The clock of the search being answered (the service reads it through `now`). */
  nowMs: number
}
const open = new Map<string, Open>()
/** Bumped when connections are released: a warm-up still running for a released library stops. */
let epoch = 0

function connection(path: string): Open {
  let o = open.get(path)
  if (!o) {
    // Read-only use of the same file the app's connection writes (WAL: readers never block the writer).
    const db = new DatabaseSync(path, { timeout: 2000 })
    db.exec('PRAGMA query_only = 1')
    const entry: Open = { db, service: null as unknown as SearchService, nowMs: Date.now() }
    entry.service = createSearchService(db, { now: () => new Date(entry.nowMs) })
    o = entry
    open.set(path, o)
  }
  return o
}

function release(keep: string | null): void {
  epoch++
  for (const [path, o] of open) {
    if (path === keep) continue
    open.delete(path)
    try {
      o.db.close()
    } catch {
      // already closed
    }
  }
}

port.on('message', (message: SearchWorkerRequest) => {
  try {
    if (message.type === 'search') {
      const o = connection(message.path)
      o.nowMs = message.nowMs
      const seq = message.typingSeq
      const superseded = seq === undefined ? undefined : () => Atomics.load(typing, 0) !== seq
      post({ type: 'result', id: message.id, result: o.service.search(message.request, { superseded }) })
    } else if (message.type === 'related') {
      const o = connection(message.path)
      post({ type: 'related', id: message.id, related: relatedReports({ prepare: (sql) => prepareCached(o.db, sql) }, message.token) })
    } else if (message.type === 'warm') {
      const o = connection(message.path)
      const at = epoch
      void o.service.warm({ shouldStop: () => epoch !== at || !o.db.isOpen, stepRows: message.stepRows })
        .then(() => post({ type: 'done', id: message.id }))
    } else if (message.type === 'release') {
      release(message.keep)
      post({ type: 'done', id: message.id })
    }
  } catch (error) {
    if (error instanceof SearchSuperseded) {
      post({ type: 'superseded', id: message.id })
      return
    }
    post({ type: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) })
  }
})
post({ type: 'ready', threadId })
