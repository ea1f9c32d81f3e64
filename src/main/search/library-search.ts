// Search over whichever library is open, answered by the search worker (search-worker.ts): the main process
// only relays the request and the result, so a search never holds Electron's main event loop. The worker
// keeps one read connection per library, opened on first use and warmed when a library opens; a library
// that closes or changes hands is released first, so no connection outlives it. An `asTyped` search (the search
// box's) bumps a counter shared with the worker, which abandons the older as-typed search still running. The
// report page's related reports (whole-library reads too) are answered there as well. Should the worker fail to
// start (or die), searches run on this thread instead: slower for the UI, never wrong.
import { Worker } from 'node:worker_threads'
import type { Library } from '../library/index.ts'
import type { SearchRequest, SearchResult } from '../../shared/model.ts'
import type { RelatedReports } from '../../shared/knowledge-model.ts'
import { relatedReports } from '../knowledge/related-reports.ts'
import { createSearchService, type SearchService } from './search-service.ts'
import type { SearchWorkerReply, SearchWorkerRequest } from './search-worker-protocol.ts'
import { searchWorkerUrl } from './search-worker-url.ts'

export interface LibrarySearch {
  search(library: Library | null, request: SearchRequest): Promise<SearchResult>
  /** The reports related to one report, read on the worker's connection like a search. */
  related(library: Library | null, token: string): Promise<RelatedReports>
  /**
   * Loads the library's search attributes in the background (call when a library opens) and releases every
   * other library's connection; null releases all (the library is about to close). Never rejects.
   */
  warm(library: Library | null): Promise<void>
  /** The thread searches run on (the worker's, or this one's after a fallback). */
  threadId(): Promise<number>
  /** Ends the worker and closes its connections. */
  close(): Promise<void>
}

export interface LibrarySearchOptions {
  now?: () => Date
  warmStepRows?: number
  /** Run in this thread, without a worker (the CLI, which has no event loop to protect). */
  inProcess?: boolean
}

type Body = { type: 'search'; path: string; request: SearchRequest; nowMs: number; typingSeq?: number } | { type: 'warm'; path: string; stepRows?: number }
  | { type: 'related'; path: string; token: string }
  | { type: 'release'; keep: string | null }
type Pending = { resolve: (reply: SearchWorkerReply) => void }

/** How long a closing worker may take to close its connections before it is stopped. */
const CLOSE_GRACE_MS = 2_000

const EMPTY: SearchResult = { hits: [], total: 0, facets: { collections: [], authors: [], dataSources: [], tables: [] }, tookMs: 0, usedFallback: false }

export function createLibrarySearch(options: LibrarySearchOptions = {}): LibrarySearch {
  const now = options.now ?? (() => new Date())
  const local = localSearch(now, options.warmStepRows)
  let worker: Worker | null = null
  let workerThread: Promise<number> | null = null
  let failed = options.inProcess === true
  let nextId = 1
  const pending = new Map<number, Pending>()
  /** Bumped for every `asTyped` search sent; shared with the worker, which abandons the older ones. */
  const typing = new Int32Array(new SharedArrayBuffer(4))
  let current: Library | null = null

  const start = (): Worker | null => {
    if (failed) return null
    if (worker) return worker
    try {
      const w = new Worker(searchWorkerUrl(), { workerData: { typing: typing.buffer } })
      workerThread = new Promise((resolve) => {
        const onReady = (m: SearchWorkerReply): void => {
          if (m.type !== 'ready') return
          w.off('message', onReady)
          resolve(m.threadId)
        }
        w.on('message', onReady)
      })
      w.on('message', (m: SearchWorkerReply) => {
        if (m.type === 'ready') return
        const p = pending.get(m.id)
        pending.delete(m.id)
        p?.resolve(m)
      })
      const fail = (): void => {
        failed = true
        worker = null
        for (const p of pending.values()) p.resolve({ type: 'error', id: -1, message: 'worker stopped' })
        pending.clear()
      }
      w.on('error', fail)
      w.on('exit', fail)
      worker = w
      return w
    } catch {
      failed = true
      return null
    }
  }

  const ask = (body: Body): Promise<SearchWorkerReply> | null => {
    const w = start()
    if (!w) return null
    const id = nextId++
    return new Promise((resolve) => {
      pending.set(id, { resolve })
      w.postMessage({ ...body, id } as SearchWorkerRequest)
    })
  }

  return {
    async search(library, request) {
      if (!library) return EMPTY
      const typingSeq = request.asTyped === true ? Atomics.add(typing, 0, 1) + 1 : undefined
      const reply = await ask({ type: 'search', path: library.path, request, nowMs: now().getTime(), typingSeq })
      if (reply?.type === 'result') return reply.result
      if (reply?.type === 'superseded') return { ...EMPTY, superseded: true }
      // The worker could not answer (its connection failed, or it stopped): answer here, where a real error
      // (the library closed meanwhile) surfaces as the app's usual search error.
      return local.search(library, request)
    },
    async related(library, token) {
      if (!library) return { related: [], total: 0 }
      const reply = await ask({ type: 'related', path: library.path, token })
      // As for a search: a worker that could not answer leaves the answer to this thread.
      return reply?.type === 'related' ? reply.related : relatedReports(library, token)
    },
    async warm(library) {
      current = library
      const released = ask({ type: 'release', keep: library?.path ?? null })
      if (released === null) {
        if (library) await local.warm(library, () => current !== library)
        return
      }
      await released
      if (library) await ask({ type: 'warm', path: library.path, stepRows: options.warmStepRows })
    },
    async threadId() {
      start()
      return workerThread && !failed ? workerThread : (await import('node:worker_threads')).threadId
    },
    async close() {
      const w = worker
      failed = true
      worker = null
      if (!w) return
      // The worker closes its connections on its own thread before it is stopped, so no SQLite handle is
      // left to the thread's teardown (native code that a crash of the e2e process, not reproduced, may have
      // come from). A worker that does not answer within the grace period is stopped anyway.
      const id = nextId++
      let timer: NodeJS.Timeout | undefined
      await Promise.race([
        new Promise<void>((resolve) => {
          pending.set(id, { resolve: () => resolve() })
          w.postMessage({ type: 'release', keep: null, id } satisfies SearchWorkerRequest)
        }),
        new Promise<void>((resolve) => { timer = setTimeout(resolve, CLOSE_GRACE_MS) }),
      ])
      clearTimeout(timer)
      pending.delete(id)
      await w.terminate()
    },
  }
}

/** The same search on this thread: the fallback, and the CLI's way. */
function localSearch(now: () => Date, stepRows: number | undefined): {
  search: (library: Library, request: SearchRequest) => SearchResult
  warm: (library: Library, shouldStop: () => boolean) => Promise<void>
} {
  const services = new WeakMap<Library, SearchService>()
  const serviceFor = (library: Library): SearchService => {
    let service = services.get(library)
    if (!service) {
      service = createSearchService(library.db, { now })
      services.set(library, service)
    }
    return service
  }
  return {
    search: (library, request) => serviceFor(library).search(request),
    async warm(library, shouldStop) {
      try {
        await serviceFor(library).warm({ shouldStop, stepRows })
      } catch {
        // a library closing as it opened: the next search reports what is wrong
      }
    },
  }
}
