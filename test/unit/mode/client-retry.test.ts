// Retry policy: transient failures (429, 502/503/504, network) are retried with backoff up to maxAttempts;
// refusals (400/401/403/404) are not; Retry-After is honoured; a caller's abort ends everything at once.
import { describe, expect, it } from 'vitest'
import { createModeClient, normalizeApiBase, type ModeClientOptions } from '../../../src/main/mode/client.ts'
import { json, modeError, networkError, scriptedFetch, unlimited, type Reply } from './fake-mode.ts'

const VERIFY = { workspace: 'acme', workspace_token: 'w1', _links: { self: { href: '/api/acme' } } }

function setup(replies: (n: number, url: URL) => Reply | Promise<Reply>, extra: Partial<ModeClientOptions> = {}) {
  const fake = scriptedFetch((url, n) => replies(n, url))
  const sleeps: number[] = []
  const client = createModeClient({
    baseUrl: 'http://127.0.0.1:9',
    token: 't',
    password: 'p',
    workspace: 'acme',
    fetch: fake.fetch,
    limiter: unlimited(),
    maxAttempts: 4,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    ...extra,
  })
  return { client, requests: fake.requests, sleeps }
}

describe('retries', () => {
  it('retries 502/503/504 and network errors with growing backoff, then succeeds', async () => {
    const script: Reply[] = [modeError(502, 'bad_gateway', ''), modeError(503, 'service_unavailable', ''), networkError('ECONNRESET'), json(VERIFY)]
    const { client, requests, sleeps } = setup((n) => script[n] as Reply)
    await expect(client.verify()).resolves.toEqual({ workspace: 'acme', workspaceToken: 'w1' })
    expect(requests).toHaveLength(4)
    // Full jitter with random() = 0.5 over ceilings 1 s, 2 s, 4 s.
    expect(sleeps).toEqual([500, 1000, 2000])
    expect(client.stats()).toMatchObject({ requests: 4, retries: 3, rateLimited: 0 })
  })

  it('retries a 500 that happens once, and gives up on a 500 after three attempts', async () => {
    const once = setup((n) => (n === 0 ? modeError(500, 'internal_server_error', 'boom') : json(VERIFY)))
    await expect(once.client.verify()).resolves.toEqual({ workspace: 'acme', workspaceToken: 'w1' })
    expect(once.requests).toHaveLength(2)
    expect(once.sleeps).toEqual([500])
    const always = setup(() => modeError(500, 'internal_server_error', 'boom'), { maxAttempts: 5 })
    await expect(always.client.verify()).rejects.toMatchObject({ code: 'server_error', status: 500 })
    expect(always.requests).toHaveLength(3)
  })

  it.each([400, 401, 403, 404])('never retries %i', async (status) => {
    const { client, requests } = setup(() => modeError(status, 'x', 'no'))
    await expect(client.verify()).rejects.toMatchObject({ status })
    expect(requests).toHaveLength(1)
    expect(client.stats().retries).toBe(0)
  })

  it('gives up after maxAttempts with the last error', async () => {
    const { client, requests } = setup(() => modeError(503, 'service_unavailable', 'down'))
    await expect(client.verify()).rejects.toMatchObject({ code: 'server_error', status: 503 })
    expect(requests).toHaveLength(4)
  })

  it('honours Retry-After seconds and HTTP dates on 429, and counts them', async () => {
    const inTwoSeconds = new Date(Date.now() + 62_000).toUTCString()
    const script: Reply[] = [
      modeError(429, 'rate_limited', 'Too many API request', { 'Retry-After': '3' }),
      modeError(429, 'rate_limited', 'Too many API request', { 'Retry-After': inTwoSeconds }),
      json(VERIFY),
    ]
    const { client, sleeps } = setup((n) => script[n] as Reply)
    await client.verify()
    expect(sleeps[0]).toBe(3000)
    expect(sleeps[1]).toBeGreaterThan(59_000)
    expect(sleeps[1]).toBeLessThanOrEqual(62_000)
    expect(client.stats()).toMatchObject({ rateLimited: 2, retries: 2 })
    expect(client.limiter.stats().rateLimited).toBe(2)
  })

  it('does not wait for an unreasonable Retry-After: fails with rate_limited', async () => {
    const { client, requests } = setup(() => modeError(429, 'rate_limited', 'slow down', { 'Retry-After': '3600' }))
    await expect(client.verify()).rejects.toMatchObject({ code: 'rate_limited' })
    expect(requests).toHaveLength(1)
  })

  it('a time-out is retried once, then reported as timeout', async () => {
    // Answers only by failing when the request's signal aborts, like a server that never responds.
    const fake = scriptedFetch(
      (_url, _n, init) => new Promise<Reply>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))),
    )
    const client = createModeClient({ baseUrl: 'http://127.0.0.1:9', token: 't', password: 'p', workspace: 'acme', fetch: fake.fetch, limiter: unlimited(), timeoutMs: 30, sleep: async () => {} })
    await expect(client.verify()).rejects.toMatchObject({ code: 'timeout' })
    expect(fake.requests).toHaveLength(2)
  })

  it('a caller abort mid-request → cancelled, never retried', async () => {
    const controller = new AbortController()
    const fake = scriptedFetch((_url, _n, init) => {
      setTimeout(() => controller.abort(), 5)
      return new Promise<Reply>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)))
    })
    const client = createModeClient({ baseUrl: 'http://127.0.0.1:9', token: 't', password: 'p', workspace: 'acme', fetch: fake.fetch, limiter: unlimited() })
    await expect(client.verify({ signal: controller.signal })).rejects.toMatchObject({ code: 'cancelled' })
    expect(fake.requests).toHaveLength(1)
    await expect(client.verify({ signal: controller.signal })).rejects.toMatchObject({ code: 'cancelled' })
    expect(fake.requests).toHaveLength(1)
  })

  it('a caller abort during backoff → cancelled without another request', async () => {
    const controller = new AbortController()
    const { client, requests } = setup(() => modeError(503, 'service_unavailable', ''), {
      sleep: (_ms, signal) =>
        new Promise((_resolve, reject) => {
          signal?.addEventListener('abort', () => reject(signal.reason))
          controller.abort()
        }),
    })
    await expect(client.verify({ signal: controller.signal })).rejects.toMatchObject({ code: 'cancelled' })
    expect(requests).toHaveLength(1)
  })
})

describe('requests', () => {
  it('send Basic auth, HAL Accept and a User-Agent naming the app', async () => {
    const { client, requests } = setup(() => json(VERIFY), { token: 'tok', password: 'pw', appVersion: '9.8.7' })
    await client.verify()
    const headers = requests[0]?.headers
    expect(headers?.get('authorization')).toBe(`Basic ${Buffer.from('tok:pw').toString('base64')}`)
    expect(headers?.get('accept')).toBe('application/hal+json')
    expect(headers?.get('user-agent')).toMatch(/^ModeCompanion\/9\.8\.7 \(/)
  })

  it('accept a base URL with or without /api and a trailing slash', () => {
    for (const base of ['https://app.mode.com', 'https://app.mode.com/', 'https://app.mode.com/api', 'https://app.mode.com/api/']) {
      expect(normalizeApiBase(base)).toBe('https://app.mode.com/api')
    }
    expect(normalizeApiBase('http://127.0.0.1:4010')).toBe('http://127.0.0.1:4010/api')
  })

  it('go to the documented paths', async () => {
    const { client, requests } = setup((_n, url) => {
      if (url.pathname.endsWith('/queries')) return json({ _embedded: { queries: [] } })
      if (url.pathname.endsWith('/charts')) return json({ _embedded: { charts: [] } })
      if (url.pathname === '/api/acme/reports/r1') return json({ token: 'r1' })
      if (url.pathname === '/api/jane') return json({ username: 'jane' })
      return json({ _embedded: {} })
    })
    await client.listSpaces()
    await client.listSpaces({ filter: 'custom' })
    await client.getReport('r1')
    await client.listQueries('r1')
    await client.listCharts('r1', 'q1')
    await client.listDataSources()
    await client.listMemberships()
    await client.listGroups()
    await client.listGroupMemberships('g1')
    expect(requests.map((r) => r.url.pathname + r.url.search)).toEqual([
      '/api/acme/spaces?filter=all&page=1',
      '/api/acme/spaces?filter=custom&page=1',
      '/api/acme/reports/r1',
      '/api/acme/reports/r1/queries',
      '/api/acme/reports/r1/queries/q1/charts',
      '/api/acme/data_sources?page=1',
      '/api/acme/memberships?page=1',
      '/api/acme/groups?page=1',
      '/api/acme/groups/g1/memberships?page=1',
    ])
  })
})
