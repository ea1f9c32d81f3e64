import { describe, expect, it, vi } from 'vitest'
import { IpcRegistry, frameOrigin } from '../../../src/main/ipc.ts'

const OWN = { frameUrl: 'app://renderer/index.html', isMainFrame: true }

function registry() {
  const getInfo = vi.fn(() => ({ name: 'Mode Companion', version: '1.2.3', platform: 'linux', arch: 'x64', electron: null }))
  const search = vi.fn((input: { query: string; limit: number }) => ({ echoed: input }))
  const reg = new IpcRegistry({
    allowedOrigins: ['app://renderer'],
    handlers: { 'app.getInfo': getInfo, 'library.search': search as never },
  })
  return { reg, getInfo, search }
}

describe('IPC registry', () => {
  it('answers a call from our own page with {ok: true, value}', async () => {
    const { reg } = registry()
    const result = await reg.dispatch('app.getInfo', OWN, undefined)
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ version: '1.2.3' }) })
  })

  it('refuses a call from a foreign origin with a typed error, without running the handler', async () => {
    const { reg, getInfo } = registry()
    for (const frameUrl of ['https://evil.example/index.html', 'app://renderer.evil/x', 'file:///tmp/x.html', 'http://127.0.0.1:5173/', null]) {
      const result = await reg.dispatch('app.getInfo', { frameUrl, isMainFrame: true }, undefined)
      expect(result).toEqual({ ok: false, error: { code: 'forbidden_sender', message: expect.stringContaining('refused') } })
    }
    expect(getInfo).not.toHaveBeenCalled()
  })

  it('refuses a call from an iframe even on our own origin', async () => {
    const { reg, getInfo } = registry()
    const result = await reg.dispatch('app.getInfo', { frameUrl: 'app://renderer/index.html', isMainFrame: false }, undefined)
    expect(result.ok).toBe(false)
    expect(getInfo).not.toHaveBeenCalled()
  })

  it('rejects a payload that fails its schema with a typed error and no crash', async () => {
    const { reg, search } = registry()
    const bad = [{ query: 42 }, { query: 'x'.repeat(5000) }, { query: 'ok', limit: -1 }, 'not an object', null]
    for (const payload of bad) {
      const result = await reg.dispatch('library.search', OWN, payload)
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
    expect(search).not.toHaveBeenCalled()
    // A valid payload gets defaults filled in by the schema.
    const ok = await reg.dispatch('library.search', OWN, { query: 'revenue' })
    expect(ok).toEqual({ ok: true, value: { echoed: { query: 'revenue', limit: 50, offset: 0, facets: true } } })
  })

  it('rejects unknown calls and never leaks handler exceptions', async () => {
    const failing = new IpcRegistry({
      allowedOrigins: ['app://renderer'],
      handlers: { 'app.getInfo': () => { throw new Error('secret-token-abc leaked?') } },
    })
    expect(await failing.dispatch('app.nope', OWN, undefined)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const crashed = await failing.dispatch('app.getInfo', OWN, undefined)
    expect(crashed).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(crashed)).not.toContain('secret-token-abc')
  })

  it('compares origins exactly, including custom schemes', () => {
    expect(frameOrigin('app://renderer/index.html#x')).toBe('app://renderer')
    expect(frameOrigin('http://127.0.0.1:4173/a')).toBe('http://127.0.0.1:4173')
    expect(frameOrigin('about:blank')).toBeNull()
    expect(frameOrigin('garbage')).toBeNull()
  })
})
