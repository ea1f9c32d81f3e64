// HTTP Basic sends the token and its password with every request: the app must never send them over plain
// http to another machine, whatever address it was configured with. Loopback (the simulator) stays allowed.
import { describe, expect, it } from 'vitest'
import type { ConnectOutcome } from '../../../src/shared/contract.ts'
import { createCoreHarness, valueOf } from './core-harness.ts'

describe('a plain http Mode address', () => {
  it('on another machine is refused before any request carries the credentials', async () => {
    const requested: string[] = []
    const h = createCoreHarness({
      modeBaseUrl: 'http://mode.example.test',
      adapters: { fetch: (async (input: string | URL | Request) => { requested.push(String(input)); throw new TypeError('fetch failed') }) as typeof fetch },
    })
    try {
      const outcome = valueOf<ConnectOutcome>(await h.call('connection.connect', { token: 'tok1234567890', password: 'pw-secret-1234', workspace: 'acme' }))
      expect(outcome.ok).toBe(false)
      if (outcome.ok) return
      expect(outcome.error.code).toBe('tls_or_proxy')
      expect(outcome.error.message).toMatch(/unencrypted/)
      expect(requested).toEqual([])
    } finally {
      await h.close()
    }
  })
})
