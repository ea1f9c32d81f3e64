// Each failure the simulator can inject reaches the caller as the error code the UI explains, after exactly
// the retries the policy allows; transient failures are ridden out.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../../src/sim/server.ts'
import type { FaultSpec } from '../../../src/sim/faults.ts'
import { clientFor } from './sim-client.ts'

let sim: Simulator
let space: string

beforeAll(async () => {
  sim = await startSimulator({ seed: 3, reports: 60, rate: null, latencyMs: 0, timeoutHoldMs: 5_000 })
  space = sim.truth().reports[0]!.space_token
})
afterAll(async () => {
  await sim?.close()
})
beforeEach(() => {
  sim.clearFaults()
  sim.resetStats()
})

async function failureWith(fault: FaultSpec, call: (c: ReturnType<typeof clientFor>) => Promise<unknown>, timeoutMs = 10_000) {
  sim.setFaults([fault])
  const client = clientFor(sim, { maxAttempts: 3, timeoutMs })
  const error = await call(client).then(
    () => null,
    (e: unknown) => e,
  )
  return { error, client }
}

describe('injected faults map to error codes', () => {
  it.each([
    [403, 'no_access', 1],
    [404, 'not_found', 1],
    [500, 'server_error', 3],
    [504, 'server_error', 3],
  ])('status %i → %s after %i attempt(s)', async (status, code, attempts) => {
    const { error } = await failureWith({ route: 'space_reports', kind: 'status', status }, (c) => c.listSpaceReports(space))
    expect(error).toMatchObject({ code, status })
    expect(sim.stats().faults_served).toBe(attempts)
  })

  it('a response that never comes → timeout (retried once)', async () => {
    const { error } = await failureWith({ route: 'report', kind: 'timeout' }, (c) => c.getReport(sim.truth().reports[0]!.token), 300)
    expect(error).toMatchObject({ code: 'timeout' })
    expect(sim.stats().faults_served).toBe(2)
  })

  it('an HTML page declared as JSON → malformed_response, not retried', async () => {
    const { error } = await failureWith({ route: 'spaces', kind: 'malformed' }, (c) => c.listSpaces())
    expect(error).toMatchObject({ code: 'malformed_response' })
    expect(sim.stats().faults_served).toBe(1)
  })

  it('a truncated JSON body → malformed_response', async () => {
    const { error } = await failureWith({ route: 'queries', kind: 'truncated' }, (c) => c.listQueries(sim.truth().reports[0]!.token))
    expect(error).toMatchObject({ code: 'malformed_response' })
  })

  it('a 503 for two requests, then service again → the call succeeds after two retries', async () => {
    const { error, client } = await failureWith({ route: 'space_reports', kind: 'status', status: 503, count: 2 }, (c) => c.listSpaceReports(space))
    expect(error).toBeNull()
    expect(client.stats().retries).toBe(2)
  })
})
