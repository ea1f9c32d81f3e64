// What a user sees when a Mode call fails: each HTTP status and network failure maps to one code from the
// closed set with an actionable sentence, and no secret ever appears in what is thrown.
import { describe, expect, it } from 'vitest'
import { toAppError } from '../../../src/shared/errors.ts'
import { createModeClient } from '../../../src/main/mode/client.ts'
import { ModeApiError, looksLikePlanWithoutApi } from '../../../src/main/mode/errors.ts'
import { json, modeError, networkError, scriptedFetch, unlimited, type Reply } from './fake-mode.ts'

const TOKEN = 'tok3n-abc'
const PASSWORD = 's3cret-pw-xyz'

function clientAnswering(reply: (url: URL) => Reply) {
  const fake = scriptedFetch((url) => reply(url))
  const client = createModeClient({
    baseUrl: 'http://127.0.0.1:9',
    token: TOKEN,
    password: PASSWORD,
    workspace: 'acme',
    fetch: fake.fetch,
    limiter: unlimited(),
    maxAttempts: 3,
    sleep: async () => {},
  })
  return { client, requests: fake.requests }
}

async function failureOf(promise: Promise<unknown>): Promise<ModeApiError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(ModeApiError)
    return error as ModeApiError
  }
  throw new Error('expected the call to fail')
}

function expectNoSecrets(error: ModeApiError): void {
  const everything = JSON.stringify({ message: error.message, user: error.userMessage, action: error.action, stack: error.stack, app: toAppError(error) })
  const basic = Buffer.from(`${TOKEN}:${PASSWORD}`).toString('base64')
  for (const secret of [TOKEN, PASSWORD, basic, 'Authorization']) expect(everything).not.toContain(secret)
}

describe('HTTP statuses map to the closed error set', () => {
  it('401 → bad_credentials, telling the user to check token and password', async () => {
    const { client } = clientAnswering(() => modeError(401, 'unauthorized', 'Unauthorized'))
    const error = await failureOf(client.verify())
    expect(error).toMatchObject({ code: 'bad_credentials', status: 401, modeId: 'unauthorized' })
    expect(error.userMessage).toMatch(/token/i)
    expect(error.action).toMatch(/API keys/)
    expectNoSecrets(error)
    expect(toAppError(error)).toEqual({ code: 'bad_credentials', message: error.userMessage, action: error.action })
  })

  it('403 → no_access; 403 that talks about the plan → plan_no_api', async () => {
    const plain = await failureOf(clientAnswering(() => modeError(403, 'forbidden', 'Forbidden')).client.listGroups())
    expect(plain).toMatchObject({ code: 'no_access', status: 403, modeId: 'forbidden' })
    expect(plain.userMessage).toContain('"acme"')
    const plan = await failureOf(
      clientAnswering(() => modeError(403, 'forbidden', 'API access is not available on your current plan. Upgrade to Business.')).client.verify(),
    )
    expect(plan).toMatchObject({ code: 'plan_no_api', status: 403 })
    expect(plan.userMessage).toMatch(/plan/)
  })

  it('plan heuristic: plan/upgrade/not available wording or 402; a bare forbidden is not', () => {
    expect(looksLikePlanWithoutApi(402, null, null)).toBe(true)
    expect(looksLikePlanWithoutApi(403, 'forbidden', 'The API is not enabled for this workspace')).toBe(true)
    expect(looksLikePlanWithoutApi(403, 'forbidden', 'Forbidden')).toBe(false)
    expect(looksLikePlanWithoutApi(404, 'not_found', 'plan not found')).toBe(false)
  })

  it('404 → not_found naming the workspace on workspace calls, the item otherwise', async () => {
    const ws = await failureOf(clientAnswering(() => modeError(404, 'not_found', '`Workspace` not found')).client.workspace())
    expect(ws).toMatchObject({ code: 'not_found', status: 404 })
    expect(ws.userMessage).toBe('Mode has no workspace "acme", or this token’s account is not a member of it.')
    const item = await failureOf(clientAnswering(() => modeError(404, 'not_found', '`Report` not found')).client.getReport('r1'))
    expect(item.userMessage).toMatch(/no longer has this item/)
  })

  it('5xx → server_error, 429 → rate_limited (after retries), 407 → tls_or_proxy, 400 api-keys → no_access', async () => {
    expect(await failureOf(clientAnswering(() => modeError(500, 'internal_server_error', 'boom')).client.verify())).toMatchObject({ code: 'server_error', status: 500 })
    expect(await failureOf(clientAnswering(() => modeError(504, 'gateway_timeout', 'slow')).client.verify())).toMatchObject({ code: 'server_error', status: 504 })
    expect(await failureOf(clientAnswering(() => modeError(429, 'rate_limited', 'Too many API request')).client.verify())).toMatchObject({ code: 'rate_limited', status: 429 })
    expect(await failureOf(clientAnswering(() => new Response('', { status: 407 })).client.verify())).toMatchObject({ code: 'tls_or_proxy' })
    expect(
      await failureOf(clientAnswering(() => modeError(400, 'bad_request', 'This endpoint is unsupported for use with Api Keys')).client.account()),
    ).toMatchObject({ code: 'no_access', status: 400 })
  })

  it('unreadable bodies → malformed_response', async () => {
    expect(await failureOf(clientAnswering(() => new Response('{"_embedded": {"rep', { status: 200 })).client.listSpaces())).toMatchObject({ code: 'malformed_response' })
    expect(await failureOf(clientAnswering(() => json({ _links: {} })).client.listSpaces())).toMatchObject({ code: 'malformed_response' })
    expect(await failureOf(clientAnswering(() => json([1])).client.workspace())).toMatchObject({ code: 'malformed_response' })
  })
})

describe('network failures map to offline or tls_or_proxy', () => {
  it('connection refused and DNS failures → offline', async () => {
    const refused = await failureOf(clientAnswering(() => networkError('ECONNREFUSED')).client.verify())
    expect(refused).toMatchObject({ code: 'offline', status: null })
    const dns = await failureOf(clientAnswering(() => networkError('ENOTFOUND')).client.verify())
    expect(dns).toMatchObject({ code: 'offline' })
    expect(dns.userMessage).toMatch(/DNS/)
    expectNoSecrets(dns)
  })

  it('certificate errors → tls_or_proxy', async () => {
    const error = await failureOf(clientAnswering(() => networkError('UNABLE_TO_VERIFY_LEAF_SIGNATURE')).client.verify())
    expect(error).toMatchObject({ code: 'tls_or_proxy' })
    expect(error.userMessage).toMatch(/certificate/)
  })

  it('a redirect that Electron’s net.fetch refused to follow (redirect: manual) → tls_or_proxy, tried once', async () => {
    // net.fetch rejects with these messages when a redirect meets the 'manual' / 'error' modes.
    for (const message of ['Redirect was cancelled', "Attempted to redirect, but redirect policy was 'error'"]) {
      const { client, requests } = clientAnswering(() => new Error(message))
      const error = await failureOf(client.verify())
      expect(error).toMatchObject({ code: 'tls_or_proxy' })
      expect(error.userMessage).toMatch(/redirect/)
      expect(requests).toHaveLength(1)
    }
  })

  it('a proxy that wants a login (407 while tunnelling) → tls_or_proxy saying so, not offline', async () => {
    const cause = Object.assign(new Error('Proxy response (407) !== 200 when HTTP Tunneling'), { name: 'AbortError', code: 'UND_ERR_ABORTED' })
    const thrown = new TypeError('fetch failed', { cause: new Error('Request was cancelled.', { cause }) })
    const { client, requests } = clientAnswering(() => thrown)
    const error = await failureOf(client.verify())
    expect(error).toMatchObject({ code: 'tls_or_proxy', status: 407 })
    expect(error.userMessage).toMatch(/needs authentication/)
    expect(requests).toHaveLength(1)
  })
})
