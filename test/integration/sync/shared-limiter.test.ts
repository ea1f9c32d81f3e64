// One Mode user, one request budget: a sync in its worker thread and on-demand requests on the main thread
// (opening a report fetches its charts) take their tokens from the same limiter, so together they never go
// over the rate, where two limiters of their own would each spend the full budget at once.
import { describe, expect, it } from 'vitest'
import { createWorkspaceSession } from '../../../src/main/connection/workspace-session.ts'
import { openLibrary } from '../../../src/main/library/open-library.ts'
import { RateLimiter } from '../../../src/main/mode/rate-limiter.ts'
import { runSessionSync } from '../../../src/main/sync/run-session-sync.ts'
import { tempDataDir } from './sync-harness.ts'
import { suiteSimulator } from './suite-fixtures.ts'

const RATE_PER_S = 10
const WINDOW_MS = 2_500

describe('the rate limit shared by the sync worker and the main thread', () => {
  const suite = suiteSimulator({ seed: 12, reports: 400 })

  it('keeps both sides together within one user’s budget', { timeout: 120_000 }, async () => {
    const started: { side: 'sync' | 'on-demand'; at: number }[] = []
    let syncRunning!: () => void
    const firstSyncRequest = new Promise<void>((resolve) => { syncRunning = resolve })
    // Every request of both sides is performed on this thread (the worker's through the fetch bridge).
    const countingFetch = (side: 'sync' | 'on-demand') => ((input: string | URL | Request, init?: RequestInit) => {
      started.push({ side, at: performance.now() })
      if (side === 'sync') syncRunning()
      return globalThis.fetch(input, init)
    }) as typeof globalThis.fetch
    const limiter = new RateLimiter({ requests: RATE_PER_S, perMs: 1_000, concurrency: 4 })
    // The app's own wiring: one session per connection, whose clients and sync worker share its limiter.
    const dataDir = tempDataDir()
    const library = openLibrary({ dataDir, workspace: suite.sim.workspace })
    const session = createWorkspaceSession({
      workspace: suite.sim.workspace, apiBase: `${suite.sim.url}/api`, isSample: false, library,
      credentials: { token: suite.sim.token, password: suite.sim.password }, limiter,
    })
    const onDemand = session.createClient({ fetch: countingFetch('on-demand') })
    const controller = new AbortController()
    const sync = runSessionSync({
      target: session,
      dataDir,
      sync: { kind: 'full', trigger: 'test' },
      fetch: countingFetch('sync'),
      signal: controller.signal,
    }).catch(() => null)
    // The window opens once the worker is up and sending (starting a thread takes a while on a busy machine).
    await firstSyncRequest
    const t0 = performance.now()
    const since = (side: string) => started.filter((r) => r.at >= t0 && r.side === side).length
    // Meanwhile the main thread keeps asking for something, as a user opening reports would: for at least
    // WINDOW_MS, and until both sides have been served a few times (a loaded machine can starve a thread for
    // a while; the bound below is computed over the time actually measured, so slowness never fails it).
    for (let i = 0; i < 400 && performance.now() - t0 < 45_000; i++) {
      await onDemand.verify({ signal: AbortSignal.timeout(30_000) }).catch(() => {})
      if (performance.now() - t0 >= WINDOW_MS && since('sync') > 2 && since('on-demand') > 2) break
    }
    const elapsedMs = performance.now() - t0
    controller.abort()
    const result = await sync
    await library.close()
    const inWindow = started.filter((r) => r.at >= t0 && r.at - t0 <= elapsedMs)
    const bySide = (side: string) => inWindow.filter((r) => r.side === side).length
    // At most a full bucket at the start, then the rate: with a limiter per side this would be about twice as many.
    const bound = limiter.capacity + Math.ceil((RATE_PER_S * elapsedMs) / 1_000)
    console.info(`[shared limiter] ${inWindow.length} requests in ${Math.round(elapsedMs)} ms (bound ${bound}): sync ${bySide('sync')}, on-demand ${bySide('on-demand')}`)
    expect(inWindow.length).toBeLessThanOrEqual(bound)
    // Both sides made progress: neither was starved by the other.
    expect(bySide('sync')).toBeGreaterThan(2)
    expect(bySide('on-demand')).toBeGreaterThan(2)
    expect(result === null || result.run.outcome !== 'success').toBe(true)
    // Every token the worker held came back when it stopped.
    expect(limiter.stats().inFlight).toBe(0)
  })
})
