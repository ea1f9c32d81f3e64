// Every sync the app core runs happens in a worker thread, while its requests still go out through the app's
// fetch adapter (net.fetch in Electron) over the fetch bridge — or, where the app says no proxy is in the way,
// from the worker itself; the main thread's own library connection sees the result; cancel and "a sync is
// already running" behave as before.
import { pathToFileURL } from 'node:url'
import { threadId } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { listSyncRuns } from '../../../src/main/library/index.ts'
import { runSyncInWorker } from '../../../src/main/sync/run-sync-in-worker.ts'
import type { AppCoreAdapters } from '../../../src/main/app-core.ts'
import type { SyncState } from '../../../src/shared/model.ts'
import { startSimulator, type Simulator } from '../../../src/sim/server.ts'
import { libraryView, truthView } from '../sync/sync-harness.ts'
import { createCoreHarness, valueOf, type CoreHarness } from './core-harness.ts'

let openHarness: CoreHarness | null = null
let openSim: Simulator | null = null
afterEach(async () => {
  await openHarness?.close()
  await openSim?.close()
  openHarness = null
  openSim = null
})

/** A simulator of `reports` reports and an app core connected to it, once the first sync (on connect) ended. */
async function connectedCore(seed: number, reports: number, adapters: Partial<AppCoreAdapters>): Promise<{ sim: Simulator; h: CoreHarness }> {
  const sim = await startSimulator({ seed, reports, rate: null, latencyMs: 0 })
  openSim = sim
  const h = createCoreHarness({ modeBaseUrl: sim.url, adapters })
  openHarness = h
  await h.call('connection.connect', { token: sim.token, password: sim.password, workspace: sim.workspace })
  await h.core.scheduler.idle()
  return { sim, h }
}

/** The app's fetch adapter, recording what it performs; `delayMs` slows each request so a test can act mid-sync. */
function recordingFetch(): { fetch: typeof globalThis.fetch; urls: string[]; delayMs: number } {
  const adapter = {
    urls: [] as string[],
    delayMs: 0,
    fetch: (async (input: string | URL | Request, init?: RequestInit) => {
      adapter.urls.push(String(input))
      if (adapter.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, adapter.delayMs))
      return globalThis.fetch(input, init)
    }) as typeof globalThis.fetch,
  }
  return adapter
}

const workerThreads = (logs: string[]): number[] =>
  logs.flatMap((line) => /running in worker thread (\d+)/.exec(line)?.[1] ?? []).map(Number)

describe('app core sync in a worker thread', () => {
  it('runs the first sync in a worker, with every request through the fetch adapter, and main reads the result', async () => {
    const adapter = recordingFetch()
    const { sim, h } = await connectedCore(21, 50, { fetch: adapter.fetch })

    const threads = workerThreads(h.logs)
    expect(threads.length).toBe(1)
    expect(threads[0]).not.toBe(threadId)
    // The simulator saw nothing that did not pass through the adapter (connect check and the worker's sync alike),
    // API requests and preview downloads from the storage host both.
    const seen = sim.stats()
    expect(seen.previews).toBeGreaterThan(0)
    expect(adapter.urls.length).toBe(seen.total + seen.previews)
    const run = listSyncRuns(h.core.connection.getLibrary()!, 1)[0]!
    expect(run).toMatchObject({ outcome: 'success', kind: 'full', trigger: 'connect' })
    expect(adapter.urls.length).toBeGreaterThan(run.requests)
    // Written by the worker's connection, read through the main thread's.
    expect(libraryView(h.core.connection.getLibrary()!, false)).toEqual(truthView(sim.truth(), false))
    const changed = h.events.filter((e) => e.event === 'library.changed').map((e) => (e.payload as { reports: number }).reports)
    expect(changed.some((n) => n > 0)).toBe(true)
    const states = h.events.filter((e) => e.event === 'sync.state').map((e) => e.payload as SyncState)
    expect(states.some((s) => s.status === 'syncing' && s.progress?.phase === 'queries')).toBe(true)
    expect(states.at(-1)).toMatchObject({ status: 'idle', error: null })
  })

  it('lets the worker make its own requests where the app says no proxy is in the way, and asks again at each sync', async () => {
    const adapter = recordingFetch()
    const asked: string[][] = []
    const { sim, h } = await connectedCore(23, 40, { fetch: adapter.fetch, reachedDirectly: async (urls) => (asked.push(urls), true) })

    // Asked for Mode's address and the storage host previews come from, before the sync began.
    expect(asked.length).toBe(1)
    expect(asked[0]).toContain(sim.url)
    expect(asked[0]).toContain('https://s3.us-west-2.amazonaws.com/')
    const run = listSyncRuns(h.core.connection.getLibrary()!, 1)[0]!
    expect(run).toMatchObject({ outcome: 'success', kind: 'full', trigger: 'connect' })
    // Only the connect check (on this thread, before any sync) went through the adapter; none of the sync's requests.
    expect(adapter.urls.every((url) => !url.includes('/queries'))).toBe(true)
    expect(adapter.urls.length).toBeLessThan(run.requests)
    expect(libraryView(h.core.connection.getLibrary()!, false)).toEqual(truthView(sim.truth(), false))

    valueOf(await h.call('sync.start', { full: false }))
    await h.core.scheduler.idle()
    expect(asked.length).toBe(2)
  })

  it('keeps the requests on the bridge when the app cannot tell whether a proxy is in the way', async () => {
    const adapter = recordingFetch()
    // A proxy resolver that never answers (a PAC file that never downloads): the sync waits a few seconds, then goes on.
    const { sim, h } = await connectedCore(24, 20, { fetch: adapter.fetch, reachedDirectly: () => new Promise<boolean>(() => {}) })
    const run = listSyncRuns(h.core.connection.getLibrary()!, 1)[0]!
    expect(run).toMatchObject({ outcome: 'success', kind: 'full', trigger: 'connect' })
    const seen = sim.stats()
    expect(adapter.urls.length).toBe(seen.total + seen.previews)
  })

  it('cancels a running worker sync, and refuses a second sync of the workspace while it runs', async () => {
    const adapter = recordingFetch()
    const { sim, h } = await connectedCore(22, 60, { fetch: adapter.fetch })

    adapter.delayMs = 15
    const syncing = valueOf<SyncState>(await h.call('sync.start', { full: true }))
    expect(syncing.status).toBe('syncing')
    for (let i = 0; i < 500 && h.core.scheduler.getState().progress?.phase !== 'queries'; i++) await new Promise((resolve) => setTimeout(resolve, 10))
    expect(h.core.scheduler.getState().progress?.phase).toBe('queries')
    // The CLI (or anything else in this process) cannot sync the same library meanwhile.
    await expect(runSyncInWorker({
      dataDir: h.dataDir, workspace: sim.workspace,
      client: { baseUrl: sim.url, token: sim.token, password: sim.password, workspace: sim.workspace },
      sync: { kind: 'incremental', trigger: 'test' },
    })).rejects.toMatchObject({ code: 'sync_in_progress' })
    valueOf(await h.call('sync.cancel'))
    await h.core.scheduler.idle()
    expect(h.core.scheduler.getState()).toMatchObject({ status: 'idle', error: null })
    const [cancelled] = listSyncRuns(h.core.connection.getLibrary()!, 1)
    expect(cancelled).toMatchObject({ outcome: 'cancelled', kind: 'full', trigger: 'manual' })
    expect(workerThreads(h.logs).length).toBe(2)
  })

  it('syncs on the main thread when the worker cannot start (a build whose worker file is missing)', async () => {
    const { sim, h } = await connectedCore(23, 20, { syncWorkerUrl: pathToFileURL('/nonexistent/mode-companion/sync-worker.js') })
    expect(workerThreads(h.logs)).toEqual([])
    expect(h.logs.some((line) => /the sync worker could not start \((ERR_)?MODULE_NOT_FOUND\); syncing on the main thread/.test(line))).toBe(true)
    expect(listSyncRuns(h.core.connection.getLibrary()!, 1)[0]).toMatchObject({ outcome: 'success', kind: 'full' })
    expect(libraryView(h.core.connection.getLibrary()!, false)).toEqual(truthView(sim.truth(), false))
  })
})
