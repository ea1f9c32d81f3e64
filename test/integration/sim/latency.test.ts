import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../../src/sim/server.ts'
import { apiGet } from './sim-http.ts'

let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator({ seed: 2, reports: 10, rate: null, latencyMs: 120 })
})
afterAll(() => sim.close())

describe('latency', () => {
  it('delays every answer by the configured time, errors included', async () => {
    for (const path of ['/verify', '/no-such-workspace']) {
      const started = performance.now()
      await apiGet(sim, path)
      expect(performance.now() - started).toBeGreaterThanOrEqual(110)
    }
  })
})
