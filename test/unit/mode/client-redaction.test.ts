// Text from the server ends up in error messages, which are logged (connect failures) and printed (CLI
// --verbose). A server or proxy that echoes the request's credentials back in its error body must not get
// them into either: the client blanks them out before building the error.
import { describe, expect, it } from 'vitest'
import { createModeClient } from '../../../src/main/mode/client.ts'
import { modeError, scriptedFetch, unlimited } from './fake-mode.ts'

const TOKEN = 'tok3n-abc123'
const PASSWORD = 's3cret"pw\\xyz789'
const BASIC = Buffer.from(`${TOKEN}:${PASSWORD}`).toString('base64')

/** Every string an error carries (own fields, message, stack, causes), raw, as a log or crash report would show it. */
function describeError(error: unknown, depth = 0): string {
  if (depth > 6 || typeof error !== 'object' || error === null) return String(error)
  const e = error as Record<string, unknown>
  const own = Object.getOwnPropertyNames(e).map((k) => (k === 'cause' ? '' : typeof e[k] === 'string' ? e[k] : String(e[k])))
  return [...own, describeError(e.cause, depth + 1)].join(' | ')
}

describe('Mode client error messages', () => {
  it('never carry credentials echoed by the server', async () => {
    for (const status of [401, 403, 404, 500]) {
      const fake = scriptedFetch(() => modeError(status, `unauthorized ${TOKEN}`, `Authorization "Basic ${BASIC}" for token ${TOKEN} with password ${PASSWORD} rejected`))
      const client = createModeClient({
        baseUrl: 'http://127.0.0.1:9', token: TOKEN, password: PASSWORD, workspace: 'acme',
        fetch: fake.fetch, limiter: unlimited(), maxAttempts: 1, sleep: async () => {},
      })
      const error = await client.verify().then(() => null, (e: unknown) => e)
      expect(error, String(status)).not.toBeNull()
      const text = describeError(error)
      expect(text).toContain('rejected')
      for (const secret of [TOKEN, PASSWORD, BASIC]) expect(text, `${status}: ${secret}`).not.toContain(secret)
    }
  })

  it('never carry URL-encoded or partial echoes of them either', async () => {
    const echoes = [
      `token=${encodeURIComponent(TOKEN)}&password=${encodeURIComponent(PASSWORD)}`,
      `password ${encodeURIComponent(PASSWORD).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())}`,
      `token starting ${TOKEN.slice(0, 7)}… and password ending …${PASSWORD.slice(-7)}`,
      `basic ${BASIC.slice(3, 15)}`,
    ]
    for (const echo of echoes) {
      const fake = scriptedFetch(() => modeError(401, 'unauthorized', `${echo} rejected`))
      const client = createModeClient({
        baseUrl: 'http://127.0.0.1:9', token: TOKEN, password: PASSWORD, workspace: 'acme',
        fetch: fake.fetch, limiter: unlimited(), maxAttempts: 1, sleep: async () => {},
      })
      const text = describeError(await client.verify().then(() => null, (e: unknown) => e))
      expect(text).toContain('rejected')
      for (const piece of [encodeURIComponent(PASSWORD), encodeURIComponent(PASSWORD).toLowerCase(), TOKEN.slice(0, 7), PASSWORD.slice(-7), BASIC.slice(3, 15)]) {
        expect(text, echo).not.toContain(piece)
      }
    }
  })
})
