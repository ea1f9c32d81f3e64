// The fetch bridge the sync worker uses: a Mode client whose fetch is bridged over a MessagePort to another
// side's fetch behaves like one calling fetch directly — answers (status, headers, body) arrive intact, an
// unreachable port is `offline` with the system error code intact, an abort is `cancelled` and also aborts the
// request the other side made, a hung server is `timeout`, and a TLS failure is `tls_or_proxy`.
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { MessageChannel } from 'node:worker_threads'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createModeClient } from '../../../src/main/mode/client.ts'
import { networkErrorCodes } from '../../../src/main/mode/errors.ts'
import { RateLimiter } from '../../../src/main/mode/rate-limiter.ts'
import { createBridgedFetch, serveFetchBridge } from '../../../src/main/sync/fetch-bridge.ts'
import { startSimulator, type Simulator } from '../../../src/sim/server.ts'
import { unusedPort } from '../connection/core-harness.ts'

interface Bridge {
  fetch: typeof globalThis.fetch
  /** What the serving side's fetch was asked to do (url and the abort signal it was given). */
  performed: { url: string; signal: AbortSignal | null }[]
  close: () => void
}

function bridge(): Bridge {
  const channel = new MessageChannel()
  const performed: Bridge['performed'] = []
  const served = serveFetchBridge(channel.port1, (input, init) => {
    performed.push({ url: String(input), signal: init?.signal ?? null })
    return globalThis.fetch(input, init)
  })
  return {
    fetch: createBridgedFetch(channel.port2),
    performed,
    close: () => { served.close(); channel.port2.close() },
  }
}

const client = (b: Bridge, baseUrl: string, extra: { timeoutMs?: number } = {}) =>
  createModeClient({
    baseUrl, token: 'tok', password: 'secret-password', workspace: 'acme', fetch: b.fetch,
    limiter: new RateLimiter({ requests: 100_000, perMs: 1000 }),
    maxAttempts: 1, timeoutMs: extra.timeoutMs ?? 10_000,
  })

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const address = server.address()
  return `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
}

describe('fetch bridge', () => {
  let sim: Simulator
  let b: Bridge
  const servers: Server[] = []
  beforeAll(async () => { sim = await startSimulator({ port: 0, seed: 5, reports: 12, rate: null, latencyMs: 0 }) })
  afterAll(async () => { await sim?.close() })
  afterEach(async () => {
    b?.close()
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => { s.closeAllConnections(); s.close(resolve) })))
  })

  it('carries requests and answers intact: the workspace, a 404 with Mode’s body, the Authorization header', async () => {
    b = bridge()
    const c = createModeClient({ baseUrl: sim.url, token: sim.token, password: sim.password, workspace: sim.workspace, fetch: b.fetch, maxAttempts: 1 })
    expect((await c.workspace()).username).toBe(sim.workspace)
    expect((await c.listSpaces({ filter: 'all' })).length).toBe(sim.truth().spaces.length)
    await expect(c.listQueries('no-such-report')).rejects.toMatchObject({ code: 'not_found', status: 404 })
    // Without the credentials the bridge passed along, the simulator answers 401.
    const wrong = createModeClient({ baseUrl: sim.url, token: sim.token, password: 'wrong', workspace: sim.workspace, fetch: b.fetch, maxAttempts: 1 })
    await expect(wrong.workspace()).rejects.toMatchObject({ code: 'bad_credentials' })
    // Every request was performed by the serving side's fetch.
    expect(b.performed.length).toBeGreaterThanOrEqual(4)
    expect(b.performed.every((p) => p.url.startsWith(sim.url))).toBe(true)
  })

  it('maps an unreachable port to offline, keeping the system error code', async () => {
    b = bridge()
    const error = await client(b, `http://127.0.0.1:${await unusedPort()}`).workspace().catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'offline' })
    expect(networkErrorCodes(error)).toContain('ECONNREFUSED')
  })

  it('maps an abort to cancelled and aborts the request on the serving side', async () => {
    const arrived: IncomingMessage[] = []
    let closedByClient!: () => void
    const closed = new Promise<void>((resolve) => { closedByClient = resolve })
    // A Mode that never answers: the request stays in flight until someone gives up on it.
    const hung = createServer((req) => { arrived.push(req); req.socket.on('close', closedByClient) })
    servers.push(hung)
    const host = await listen(hung)
    b = bridge()
    const controller = new AbortController()
    const call = client(b, `http://${host}`).workspace({ signal: controller.signal }).catch((e: unknown) => e)
    for (let i = 0; i < 200 && arrived.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10))
    expect(arrived.length).toBe(1)
    controller.abort()
    expect(await call).toMatchObject({ code: 'cancelled' })
    await closed
    expect(b.performed[0]!.signal?.aborted).toBe(true)
  })

  it('maps a hung request to timeout, and a TLS handshake with a plain-HTTP server to tls_or_proxy', async () => {
    const hung = createServer(() => {})
    servers.push(hung)
    b = bridge()
    const host = await listen(hung)
    await expect(client(b, `http://${host}`, { timeoutMs: 150 }).workspace()).rejects.toMatchObject({ code: 'timeout' })
    await expect(client(b, `https://${host}`).workspace()).rejects.toMatchObject({ code: 'tls_or_proxy' })
  })
})
