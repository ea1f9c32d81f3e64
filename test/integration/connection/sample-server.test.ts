// The sample workspace's simulator runs on the user's machine while the app is open: it must be reachable
// from this computer only, ask for credentials that are new each time, and offer nothing without them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSampleWorkspace } from '../../../src/main/connection/sample-workspace.ts'
import type { SampleServer } from '../../../src/main/connection/connection-service.ts'

let first: SampleServer
let second: SampleServer

beforeAll(async () => {
  first = await startSampleWorkspace()
  second = await startSampleWorkspace()
})

afterAll(async () => {
  await first?.stop()
  await second?.stop()
})

const basic = (s: SampleServer): string => `Basic ${Buffer.from(`${s.token}:${s.password}`).toString('base64')}`

describe('sample workspace server', () => {
  it('listens on 127.0.0.1 with fresh random credentials per start', () => {
    for (const s of [first, second]) expect(new URL(s.baseUrl).hostname).toBe('127.0.0.1')
    expect(first.token).not.toBe(second.token)
    expect(first.password).not.toBe(second.password)
    expect(first.password.length).toBeGreaterThanOrEqual(20)
  })

  it('answers the API only with its own credentials', async () => {
    const url = `${first.baseUrl}/api/${first.workspace}`
    expect((await fetch(url)).status).toBe(401)
    expect((await fetch(url, { headers: { Authorization: basic(second) } })).status).toBe(401)
    expect((await fetch(url, { headers: { Authorization: basic(first) } })).status).toBe(200)
  })

  it('has no admin routes: nobody can read, change or break the sample without credentials', async () => {
    const truth = await fetch(`${first.baseUrl}/__sim/truth`)
    expect(truth.status).toBe(404)
    expect(await truth.text()).not.toContain(first.workspace)
    const faults = await fetch(`${first.baseUrl}/__sim/faults`, { method: 'POST', body: JSON.stringify({ route: 'spaces', kind: 'status', status: 500 }) })
    expect(faults.status).toBe(404)
    const mutate = await fetch(`${first.baseUrl}/__sim/mutate`, { method: 'POST', body: JSON.stringify({ randomOps: { count: 5 } }) })
    expect(mutate.status).toBe(404)
    const spaces = await fetch(`${first.baseUrl}/api/${first.workspace}/spaces?filter=all`, { headers: { Authorization: basic(first) } })
    expect(spaces.status).toBe(200)
  })
})
