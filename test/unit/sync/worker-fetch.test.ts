// The sync worker's own requests: it keeps making them itself while they work, and the first certificate or
// proxy failure sends that request, and every later one, through the parent's fetch (net.fetch in the app);
// an offline error or a cancel is the worker's answer as it is, with no second try through the parent.
import { describe, expect, it } from 'vitest'
import { ownFetchOrBridge } from '../../../src/main/sync/worker-fetch.ts'

/** Node's fetch rejects with "fetch failed" and the system error as its cause. */
const fetchFailed = (code: string): TypeError => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) })

function fakes(ownFailure: (url: string) => Error | null) {
  const calls: string[] = []
  const own = (async (input: string | URL | Request) => {
    calls.push(`own ${String(input)}`)
    const failure = ownFailure(String(input))
    if (failure) throw failure
    return new Response('own')
  }) as typeof globalThis.fetch
  const bridged = (async (input: string | URL | Request) => {
    calls.push(`parent ${String(input)}`)
    return new Response('parent')
  }) as typeof globalThis.fetch
  return { calls, fetch: ownFetchOrBridge(own, bridged) }
}

describe('the sync worker’s fetch', () => {
  it('makes the requests itself while they work', async () => {
    const { calls, fetch } = fakes(() => null)
    expect(await (await fetch('https://app.mode.com/api/a')).text()).toBe('own')
    expect(await (await fetch('https://app.mode.com/api/b')).text()).toBe('own')
    expect(calls).toEqual(['own https://app.mode.com/api/a', 'own https://app.mode.com/api/b'])
  })

  it('goes through the parent for good after a certificate Node does not trust', async () => {
    const { calls, fetch } = fakes(() => fetchFailed('SELF_SIGNED_CERT_IN_CHAIN'))
    expect(await (await fetch('https://app.mode.com/api/a')).text()).toBe('parent')
    expect(await (await fetch('https://app.mode.com/api/b')).text()).toBe('parent')
    expect(calls).toEqual(['own https://app.mode.com/api/a', 'parent https://app.mode.com/api/a', 'parent https://app.mode.com/api/b'])
  })

  it('goes through the parent after a proxy refused the connection', async () => {
    const { calls, fetch } = fakes(() => fetchFailed('UND_ERR_PROXY'))
    expect(await (await fetch('https://app.mode.com/api/a')).text()).toBe('parent')
    expect(calls).toEqual(['own https://app.mode.com/api/a', 'parent https://app.mode.com/api/a'])
  })

  it('answers an offline error itself, and keeps making its own requests', async () => {
    let offline = true
    const { calls, fetch } = fakes(() => (offline ? fetchFailed('ECONNREFUSED') : null))
    await expect(fetch('https://app.mode.com/api/a')).rejects.toThrow('fetch failed')
    offline = false
    expect(await (await fetch('https://app.mode.com/api/b')).text()).toBe('own')
    expect(calls).toEqual(['own https://app.mode.com/api/a', 'own https://app.mode.com/api/b'])
  })

  it('does not send a cancelled request again', async () => {
    const controller = new AbortController()
    controller.abort()
    const { calls, fetch } = fakes(() => fetchFailed('ERR_TLS_CERT_ALTNAME_INVALID'))
    await expect(fetch('https://app.mode.com/api/a', { signal: controller.signal })).rejects.toThrow('fetch failed')
    expect(calls).toEqual(['own https://app.mode.com/api/a'])
  })
})
