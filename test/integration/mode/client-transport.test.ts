// What a hostile or broken server can do to the transport: send an endless or huge body (the client stops
// reading at its cap and fails as malformed, once, without retrying) or redirect the request elsewhere (the
// Authorization header never reaches another origin; same-origin redirects are followed a bounded number of
// times). Checked over every fetch the app uses: Node's, the sync worker's bridge, and one that ignores
// `redirect: 'manual'` and follows anyway.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { MessageChannel } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createModeClient } from '../../../src/main/mode/client.ts'
import { RateLimiter } from '../../../src/main/mode/rate-limiter.ts'
import { createBridgedFetch, serveFetchBridge } from '../../../src/main/sync/fetch-bridge.ts'

interface Seen {
  path: string
  authorization: string | undefined
}

interface TestServer {
  origin: string
  seen: Seen[]
  /** Bytes the server wrote for the endless body before the client hung up. */
  endlessBytes: number
  server: Server
}

async function serve(handler: (req: IncomingMessage, res: ServerResponse, self: TestServer) => void): Promise<TestServer> {
  const self: TestServer = { origin: '', seen: [], endlessBytes: 0, server: createServer((req, res) => {
    self.seen.push({ path: req.url ?? '', authorization: req.headers.authorization })
    handler(req, res, self)
  }) }
  await new Promise<void>((resolve) => self.server.listen(0, '127.0.0.1', () => resolve()))
  const address = self.server.address()
  self.origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  return self
}

const CHUNK = Buffer.alloc(64 * 1024, 'a')
/** Writes chunks until the client goes away or 1 GiB is out (the bound of the loop). */
function writeEndless(res: ServerResponse, self: TestServer): void {
  if (!res.headersSent) res.writeHead(200, { 'content-type': 'application/hal+json' })
  res.write('{"workspace":"')
  const pump = (): void => {
    while (!res.destroyed && self.endlessBytes < 1024 ** 3) {
      self.endlessBytes += CHUNK.length
      if (!res.write(CHUNK)) return void res.once('drain', pump)
    }
    res.end()
  }
  pump()
}

const VERIFY = JSON.stringify({ workspace: 'acme', workspace_token: 'w1' })
const TOKEN = 'tok3n-abc123'
const PASSWORD = 'pw-secret-xyz'

let evil: TestServer
let api: TestServer

// The client's paths are fixed (`/api/verify`), so each behaviour lives under its own base path: `/endless/api/…`.
beforeAll(async () => {
  evil = await serve((_req, res) => res.end(VERIFY))
  api = await serve((req, res, self) => {
    const [, scenario, ...rest] = (req.url ?? '').split('/')
    const path = '/' + rest.join('/')
    if (scenario === 'plain' && path === '/api/verify') return void res.end(VERIFY)
    if (scenario === 'endless') return writeEndless(res, self)
    if (scenario === 'declared-huge') {
      res.writeHead(200, { 'content-length': String(600 * 1024 * 1024) })
      return writeEndless(res, self)
    }
    if (scenario === 'elsewhere') {
      res.writeHead(302, { location: `${evil.origin}/api/verify?token=${TOKEN}` })
      return void res.end()
    }
    if (scenario === 'moved') {
      res.writeHead(301, { location: '/plain/api/verify' })
      return void res.end()
    }
    if (scenario === 'loop') {
      res.writeHead(307, { location: `/loop/api/verify?hop=${self.seen.length}` })
      return void res.end()
    }
    res.writeHead(404)
    res.end('{"id":"not_found","message":"no"}')
  })
})
afterAll(async () => {
  for (const s of [api, evil]) await new Promise((resolve) => { s?.server.closeAllConnections(); s?.server.close(resolve) })
})

function bridgedNodeFetch(): { fetch: typeof globalThis.fetch; close: () => void } {
  const channel = new MessageChannel()
  const served = serveFetchBridge(channel.port1, globalThis.fetch)
  return { fetch: createBridgedFetch(channel.port2), close: () => { served.close(); channel.port2.close() } }
}

/** A fetch that ignores the redirect mode it is given, as some implementations or wrappers might. */
function followingFetch(): { fetch: typeof globalThis.fetch; close: () => void } {
  const fetch = ((input: string | URL | Request, init?: RequestInit) => globalThis.fetch(input, { ...init, redirect: 'follow' })) as typeof globalThis.fetch
  return { fetch, close: () => {} }
}

type FetchMaker = () => { fetch: typeof globalThis.fetch; close: () => void }

const nodeFetch = () => ({ fetch: globalThis.fetch, close: () => {} })
const FETCHES: [string, FetchMaker][] = [
  ['Node fetch', nodeFetch],
  ['the sync worker bridge', bridgedNodeFetch],
]

/** Runs `use` with a fresh fetch of this kind, closed after. */
async function overFetch(makeFetch: FetchMaker, use: (fetch: typeof globalThis.fetch) => Promise<void>): Promise<void> {
  const f = makeFetch()
  try {
    await use(f.fetch)
  } finally {
    f.close()
  }
}

function clientAt(scenario: string, fetchImpl: typeof globalThis.fetch, maxBodyBytes?: number) {
  return createModeClient({
    baseUrl: `${api.origin}/${scenario}`, token: TOKEN, password: PASSWORD, workspace: 'acme', fetch: fetchImpl,
    limiter: new RateLimiter({ requests: 10_000, perMs: 1_000 }), maxAttempts: 4, baseBackoffMs: 1, maxBackoffMs: 2, maxBodyBytes,
  })
}

async function failureOf(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  return promise.then(() => ({ resolved: true }), (error: Record<string, unknown>) => error)
}

function requestsTo(scenario: string): number {
  return api.seen.filter((s) => s.path.startsWith(`/${scenario}/`)).length
}

describe.each(FETCHES)('response bodies over %s', (_label, makeFetch) => {
  it('an endless body stops at the cap and fails once as malformed_response, not offline and not retried', () => overFetch(makeFetch, async (fetchImpl) => {
    api.endlessBytes = 0
    const before = requestsTo('endless')
    const failure = await failureOf(clientAt('endless', fetchImpl, 4 * 1024 * 1024).verify())
    expect(failure).toMatchObject({ code: 'malformed_response' })
    expect(String(failure.message)).toMatch(/larger than 4 MiB/)
    expect(requestsTo('endless') - before).toBe(1)
    // Cut off soon after the cap (the bridge reads up to its own, larger one), nowhere near the gigabyte on offer.
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(api.endlessBytes).toBeLessThan(96 * 1024 * 1024)
  }))

  it('a declared Content-Length over the cap is refused before reading, with the default cap', () => overFetch(makeFetch, async (fetchImpl) => {
    const before = requestsTo('declared-huge')
    const failure = await failureOf(clientAt('declared-huge', fetchImpl).verify())
    expect(failure).toMatchObject({ code: 'malformed_response' })
    expect(requestsTo('declared-huge') - before).toBe(1)
  }))
})

describe.each([...FETCHES, ['a fetch that follows redirects regardless', followingFetch] as const])('redirects over %s', (label, makeFetch) => {
  it('a redirect to another origin is not followed with the credentials, and not retried', () => overFetch(makeFetch, async (fetchImpl) => {
    const evilBefore = evil.seen.length
    const before = requestsTo('elsewhere')
    const failure = await failureOf(clientAt('elsewhere', fetchImpl).verify())
    expect(failure).toMatchObject({ code: 'tls_or_proxy' })
    expect(String(failure.message)).toContain(evil.origin)
    expect(String(failure.userMessage)).toMatch(/redirected to another site/)
    expect(requestsTo('elsewhere') - before).toBe(1)
    const reachedEvil = evil.seen.slice(evilBefore)
    if (label.startsWith('a fetch that follows')) {
      // The credentials are out once a fetch ignores 'manual'; the client can only refuse the answer.
      expect(reachedEvil.length).toBeLessThanOrEqual(1)
    } else {
      expect(reachedEvil).toEqual([])
    }
    for (const text of [failure.message, failure.userMessage, failure.action]) expect(String(text)).not.toContain(TOKEN)
  }))
})

describe.each(FETCHES)('same-origin redirects over %s', (_label, makeFetch) => {
  it('are followed with the credentials, and a redirect loop ends after a few hops', () => overFetch(makeFetch, async (fetchImpl) => {
    await expect(clientAt('moved', fetchImpl).verify()).resolves.toEqual({ workspace: 'acme', workspaceToken: 'w1' })
    const followed = api.seen.filter((s) => s.path === '/plain/api/verify').at(-1)
    expect(followed?.authorization).toBe(`Basic ${Buffer.from(`${TOKEN}:${PASSWORD}`).toString('base64')}`)
    const before = requestsTo('loop')
    const failure = await failureOf(clientAt('loop', fetchImpl).verify())
    expect(failure).toMatchObject({ code: 'tls_or_proxy' })
    expect(requestsTo('loop') - before).toBe(4)
  }))
})
