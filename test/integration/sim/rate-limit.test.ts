import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../../src/sim/server.ts'
import { apiGet } from './sim-http.ts'

let sim: Simulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

describe('rate limit', () => {
  it('admits a burst up to the bucket size, then answers 429 rate_limited without Retry-After by default', async () => {
    sim = await startSimulator({ seed: 1, reports: 10, rate: { requests: 5, perMs: 2_000 }, rateClock: () => 0 })
    const results = await Promise.all(Array.from({ length: 8 }, () => apiGet(sim!, '/verify')))
    const statuses = results.map((r) => r.status).sort()
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429])
    const limited = results.find((r) => r.status === 429)!
    expect(limited.json).toEqual({ id: 'rate_limited', message: 'Too many API requests' })
    expect(limited.headers.get('retry-after')).toBeNull()
    expect(sim.stats().rate_limited).toBe(3)
  })

  it('drains continuously: after a pause one more request fits, and Retry-After is sent when asked', async () => {
    let clock = 0
    sim = await startSimulator({ seed: 1, reports: 10, rate: { requests: 4, perMs: 400 }, retryAfter: true, rateClock: () => clock })
    for (let i = 0; i < 4; i++) expect((await apiGet(sim, '/verify')).status).toBe(200)
    const refused = await apiGet(sim, '/verify')
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    clock += 60 // one request drains every 100 ms: not yet
    expect((await apiGet(sim, '/verify')).status).toBe(429)
    clock += 60
    expect((await apiGet(sim, '/verify')).status).toBe(200)
    expect((await apiGet(sim, '/verify')).status).toBe(429)
  })

  it('does not charge requests with bad credentials to the account, and can be turned off', async () => {
    sim = await startSimulator({ seed: 1, reports: 10, rate: { requests: 2, perMs: 60_000 }, rateClock: () => 0 })
    for (let i = 0; i < 5; i++) expect((await apiGet(sim, '/verify', { auth: null })).status).toBe(401)
    expect((await apiGet(sim, '/verify')).status).toBe(200)
    await sim.close()
    sim = await startSimulator({ seed: 1, reports: 10, rate: null })
    const many = await Promise.all(Array.from({ length: 60 }, () => apiGet(sim!, '/verify')))
    expect(many.every((r) => r.status === 200)).toBe(true)
  })
})
