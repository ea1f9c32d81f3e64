import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../../src/sim/server.ts'
import { adminPost, apiGet } from './sim-http.ts'

let sim: Simulator
let reportPath: string

beforeAll(async () => {
  sim = await startSimulator({ seed: 9, reports: 40, rate: null, timeoutHoldMs: 5_000 })
  reportPath = `/${sim.workspace}/reports/${sim.truth().reports[0]!.token}`
})
afterEach(async () => {
  await fetch(`${sim.url}/__sim/faults`, { method: 'DELETE' })
})
afterAll(() => sim.close())

describe('injected faults', () => {
  it('status faults answer Mode-style error bodies for a route, N times, then recover', async () => {
    const set = await adminPost(sim, '/__sim/faults', { route: 'report', kind: 'status', status: 500, count: 2 })
    expect(set.status).toBe(200)
    expect((await apiGet(sim, `/${sim.workspace}/data_sources`)).status).toBe(200)
    const first = await apiGet(sim, reportPath)
    expect(first.status).toBe(500)
    expect(first.json.id).toBe('internal_server_error')
    expect((await apiGet(sim, reportPath)).status).toBe(500)
    expect((await apiGet(sim, reportPath)).status).toBe(200)
  })

  it('403, 404 and a gateway 504 page', async () => {
    sim.setFaults([{ route: 'queries', kind: 'status', status: 403, count: 1 }, { route: 'queries', kind: 'status', status: 404, count: 1 },
      { route: 'queries', kind: 'status', status: 504, count: 1 }])
    const a = await apiGet(sim, `${reportPath}/queries`)
    const b = await apiGet(sim, `${reportPath}/queries`)
    const c = await apiGet(sim, `${reportPath}/queries`)
    expect([a.status, a.json.id]).toEqual([403, 'forbidden'])
    expect([b.status, b.json.id]).toEqual([404, 'not_found'])
    expect(c.status).toBe(504)
    expect(c.json).toBeUndefined()
    expect((await apiGet(sim, `${reportPath}/queries`)).status).toBe(200)
  })

  it('skip lets the first M requests through; share fails only part of them', async () => {
    sim.setFaults([{ route: 'verify', kind: 'status', status: 503, skip: 2, count: 1 }])
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await apiGet(sim, '/verify')).status)
    expect(statuses).toEqual([200, 200, 503, 200])
    sim.setFaults([{ route: '*', kind: 'status', status: 500, share: 0.5 }])
    const results = []
    for (let i = 0; i < 40; i++) results.push((await apiGet(sim, '/verify')).status)
    const failed = results.filter((s) => s === 500).length
    expect(failed).toBeGreaterThan(5)
    expect(failed).toBeLessThan(35)
  })

  it('malformed answers 200 with a body that is not JSON; truncated cuts valid JSON short', async () => {
    await adminPost(sim, '/__sim/faults', { faults: [{ route: 'spaces', kind: 'malformed', count: 1 }, { route: 'memberships', kind: 'truncated', count: 1 }] })
    const malformed = await apiGet(sim, `/${sim.workspace}/spaces?filter=all`)
    expect(malformed.status).toBe(200)
    expect(malformed.json).toBeUndefined()
    const truncated = await apiGet(sim, `/${sim.workspace}/memberships`)
    expect(truncated.status).toBe(200)
    expect(truncated.json).toBeUndefined()
    expect(truncated.text.startsWith('{"_links":')).toBe(true)
    expect((await apiGet(sim, `/${sim.workspace}/memberships`)).json._embedded.memberships.length).toBe(sim.truth().members.length)
  })

  it('timeout holds the response until the client gives up', async () => {
    sim.setFaults([{ route: 'space_reports', kind: 'timeout', count: 1 }])
    const space = sim.truth().reports[0]!.space_token
    const started = Date.now()
    const attempt = apiGet(sim, `/${sim.workspace}/spaces/${space}/reports`, { signal: AbortSignal.timeout(300) })
    await expect(attempt).rejects.toThrow()
    expect(Date.now() - started).toBeGreaterThanOrEqual(250)
    expect((await apiGet(sim, `/${sim.workspace}/spaces/${space}/reports`)).status).toBe(200)
    expect(sim.stats().faults_served).toBeGreaterThan(0)
  })

  it('rejects a fault it does not understand', async () => {
    const res = await adminPost(sim, '/__sim/faults', { route: 'nope', kind: 'status' })
    expect(res.status).toBe(400)
  })
})
