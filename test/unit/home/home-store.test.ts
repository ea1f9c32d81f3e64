// Pins, recents and the last session per workspace: ordered, bounded, kept apart by workspace, and a damaged
// stored value is dropped rather than failing the app.
import { describe, expect, it } from 'vitest'
import { MAX_RECENT } from '../../../src/shared/home-model.ts'
import { HOME_KEY, HomeStore } from '../../../src/main/home/home-store.ts'
import { MemoryKeyValueStore } from '../../../src/main/settings/key-value-store.ts'

function clock() {
  let t = Date.parse('2026-03-01T09:00:00Z')
  return () => new Date((t += 60_000))
}

describe('home store', () => {
  it('puts the report opened last first in the recents, once, and remembers it for the next launch', () => {
    const home = new HomeStore(new MemoryKeyValueStore(), clock())
    home.opened('acme', 'aaa')
    home.opened('acme', 'bbb')
    const h = home.opened('acme', 'aaa')
    expect(h.recent.map((e) => e.token)).toEqual(['aaa', 'bbb'])
    expect(h.lastReport).toBe('aaa')
  })

  it('keeps at most MAX_RECENT recents, dropping the oldest', () => {
    const home = new HomeStore(new MemoryKeyValueStore(), clock())
    for (let i = 0; i < MAX_RECENT + 5; i++) home.opened('acme', `r${i}`)
    const recent = home.get('acme').recent.map((e) => e.token)
    expect(recent).toHaveLength(MAX_RECENT)
    expect(recent[0]).toBe(`r${MAX_RECENT + 4}`)
    expect(recent).not.toContain('r0')
  })

  it('pins in the order pinned, once each, and unpins', () => {
    const home = new HomeStore(new MemoryKeyValueStore(), clock())
    home.setPinned('acme', 'bbb', true)
    home.setPinned('acme', 'aaa', true)
    home.setPinned('acme', 'bbb', true)
    expect(home.get('acme').pinned.map((e) => e.token)).toEqual(['bbb', 'aaa'])
    expect(home.setPinned('acme', 'bbb', false).pinned.map((e) => e.token)).toEqual(['aaa'])
  })

  it('keeps workspaces apart, a workspace named __proto__ included, and forgets one', () => {
    const store = new MemoryKeyValueStore()
    const home = new HomeStore(store, clock())
    home.setPinned('acme', 'aaa', true)
    home.setPinned('__proto__', 'bbb', true)
    home.setSession('other', 'table:fct_orders', 'ccc')
    expect(home.get('acme').pinned.map((e) => e.token)).toEqual(['aaa'])
    expect(home.get('__proto__').pinned.map((e) => e.token)).toEqual(['bbb'])
    expect(home.get('other')).toMatchObject({ lastQuery: 'table:fct_orders', lastReport: 'ccc', pinned: [] })
    home.forget('acme')
    expect(home.get('acme').pinned).toEqual([])
    expect(home.get('other').lastReport).toBe('ccc')
  })

  it('drops what it cannot read instead of failing', () => {
    const store = new MemoryKeyValueStore({ [HOME_KEY]: { acme: { pinned: 'nope', recent: [{ token: '../../etc', at: 'x' }], lastQuery: 7, lastReport: 'ok' } } })
    const home = new HomeStore(store, clock())
    expect(home.get('acme')).toEqual({ pinned: [], recent: [], lastQuery: '', lastReport: 'ok' })
    store.set(HOME_KEY, 'garbage')
    expect(home.get('acme')).toEqual({ pinned: [], recent: [], lastQuery: '', lastReport: null })
    expect(home.setPinned('acme', 'aaa', true).pinned.map((e) => e.token)).toEqual(['aaa'])
  })
})
