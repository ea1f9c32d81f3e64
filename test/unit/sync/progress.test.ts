import { describe, expect, it } from 'vitest'
import { ProgressTracker } from '../../../src/main/sync/progress.ts'
import type { SyncClient } from '../../../src/main/sync/sync-client.ts'
import type { SyncProgress } from '../../../src/shared/model.ts'

/** Just the counters the tracker reads; the numbers a real client would report after some requests. */
function counters() {
  const state = { requests: 10, rateLimited: 1 }
  const client = { stats: () => ({ requests: state.requests, rateLimited: state.rateLimited, retries: 0, waitMs: 0 }) } as unknown as SyncClient
  return { state, client }
}

describe('sync progress', () => {
  it('reports done/total, requests of this run only, and an ETA from the pace of the phase', () => {
    let now = 0
    const events: SyncProgress[] = []
    const { state, client } = counters()
    const tracker = new ProgressTracker({ runId: 7, kind: 'full', startedAt: '2025-01-01T00:00:00.000Z', client, onProgress: (p) => events.push(p), now: () => now, minIntervalMs: 0 })
    tracker.phase('queries', 100)
    expect(events.at(-1)).toMatchObject({ runId: 7, phase: 'queries', done: 0, total: 100, requests: 0, etaMs: null })
    for (let i = 0; i < 10; i++) {
      now += 250
      state.requests++
      tracker.advance()
    }
    // 10 reports in 2.5 s → 90 left at 250 ms each.
    expect(events.at(-1)).toMatchObject({ done: 10, requests: 10, etaMs: 22_500 })
    expect(tracker.rateLimited).toBe(0)
  })

  it('throttles routine updates but always emits phase changes', () => {
    let now = 0
    const events: SyncProgress[] = []
    const tracker = new ProgressTracker({ runId: 1, kind: 'incremental', startedAt: 'x', client: counters().client, onProgress: (p) => events.push(p), now: () => now, minIntervalMs: 200 })
    tracker.phase('listing', 50)
    for (let i = 0; i < 50; i++) {
      now += 10
      tracker.advance()
    }
    expect(events.length).toBeLessThanOrEqual(4)
    tracker.phase('queries', 5)
    expect(events.at(-1)).toMatchObject({ phase: 'queries', done: 0, total: 5 })
  })
})
