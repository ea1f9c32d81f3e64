// A 429 storm: the simulator allows a quarter of the rate the client was configured for. The client must slow
// down to what the server accepts and finish every call, with 429s a small share of its requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RateLimiter } from '../../../src/main/mode/rate-limiter.ts'
import { startSimulator, type Simulator } from '../../../src/sim/server.ts'
import { clientFor } from './sim-client.ts'

let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator({ seed: 5, reports: 150, rate: { requests: 20, perMs: 1_000 }, retryAfter: 'mixed', latencyMs: 0 })
})
afterAll(async () => {
  await sim?.close()
})

describe('429 storm', () => {
  it('every call succeeds against a server limit 4× below the configured rate', async () => {
    const waiting: boolean[] = []
    const limiter = new RateLimiter({ requests: 80, perMs: 1_000, concurrency: 4, onWaitingChange: (w) => waiting.push(w) })
    const client = clientFor(sim, { limiter, baseBackoffMs: 100, maxBackoffMs: 2_000 })
    const reports = sim.truth().reports
    const started = performance.now()
    const results = await Promise.all(reports.map((r) => client.listQueries(r.token)))
    const elapsedS = (performance.now() - started) / 1000

    results.forEach((queries, i) => expect(queries.map((q) => q.token)).toEqual(reports[i]!.queries.map((q) => q.token)))
    const server = sim.stats()
    const stats = client.stats()
    expect(server.rate_limited).toBeGreaterThan(0)
    expect(stats.rateLimited).toBe(server.rate_limited)
    expect(stats.requests).toBe(reports.length + server.rate_limited)
    expect(server.rate_limited / stats.requests).toBeLessThan(0.25)
    expect(server.max_in_flight).toBeLessThanOrEqual(4)
    // The server admitted at most its bucket (20) plus 20/s: finishing proves the client stayed within it.
    expect(elapsedS).toBeGreaterThan((reports.length - 20) / 20 - 0.5)
    expect(waiting).toContain(true)
    console.log(`429 storm: ${reports.length} calls, ${stats.requests} requests, ${server.rate_limited} × 429, ${elapsedS.toFixed(1)} s`)
  })
})
