// The sync run off the main thread: same result as in-thread (library equals truth), progress reaches the
// caller, its requests made by the worker itself when told so, cancel stops it, and a second sync of the same
// workspace is refused while one runs.
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../../../src/main/library/open-library.ts'
import { runSyncInWorker } from '../../../src/main/sync/run-sync-in-worker.ts'
import type { SyncProgress } from '../../../src/shared/model.ts'
import { libraryView, tempDataDir, truthView } from './sync-harness.ts'
import { suiteSimulator } from './suite-fixtures.ts'

describe('runSyncInWorker', () => {
  // Latency long enough that the cancel test can stop the sync half-way through its SQL.
  const suite = suiteSimulator({ seed: 99, reports: 60, latencyMs: 25 })

  const data = (dataDir: string) => ({
    dataDir,
    workspace: suite.sim.workspace,
    client: { baseUrl: suite.sim.url, token: suite.sim.token, password: suite.sim.password, workspace: suite.sim.workspace },
    limiter: { requests: 100_000, perMs: 1000, concurrency: 4 },
    sync: { kind: 'full' as const, trigger: 'test' },
  })

  it('syncs in a worker thread with progress, and the library equals the truth', async () => {
    const dataDir = tempDataDir()
    const progress: SyncProgress[] = []
    const result = await runSyncInWorker({ ...data(dataDir), onProgress: (p) => progress.push(p) })
    expect(result.run.outcome).toBe('success')
    expect(new Set(progress.map((p) => p.phase))).toEqual(new Set(['starting', 'collections', 'people', 'listing', 'queries', 'access', 'finishing']))
    expect(progress.at(-1)!.requests).toBe(result.run.requests)
    const library = openLibrary({ dataDir, workspace: suite.sim.workspace })
    expect(libraryView(library, false)).toEqual(truthView(suite.sim.truth(), false))
    await library.close()
  })

  it('makes its own requests where no proxy is in the way: none come back to this thread, and the library equals the truth', async () => {
    const dataDir = tempDataDir()
    let throughThisThread = 0
    const result = await runSyncInWorker({
      ...data(dataDir),
      ownRequests: true,
      fetch: (input, init) => { throughThisThread++; return globalThis.fetch(input, init) },
    })
    expect(result.run.outcome).toBe('success')
    expect(result.run.requests).toBeGreaterThan(0)
    expect(throughThisThread).toBe(0)
    const library = openLibrary({ dataDir, workspace: suite.sim.workspace })
    expect(libraryView(library, false)).toEqual(truthView(suite.sim.truth(), false))
    await library.close()
  })

  it('refuses a second sync of the same workspace while one runs, and cancels on request', async () => {
    const dataDir = tempDataDir()
    const controller = new AbortController()
    const running = runSyncInWorker({ ...data(dataDir), signal: controller.signal, onProgress: (p) => { if (p.phase === 'queries' && p.done >= 5) controller.abort() } })
    await expect(runSyncInWorker(data(dataDir))).rejects.toMatchObject({ code: 'sync_in_progress' })
    const result = await running
    expect(result.run.outcome).toBe('cancelled')
    // The next sync picks up where the cancelled one stopped and completes.
    const next = await runSyncInWorker(data(dataDir))
    expect(next.run.outcome).toBe('success')
    expect(next.run.queriesFetched).toBeLessThan(suite.sim.truth().reports.length)
  })
})
