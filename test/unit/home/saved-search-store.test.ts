// Saved searches per workspace: saved in order, renamed (names unique regardless of case), moved, deleted and put
// back by undo at their old place; the old single list is adopted by the first workspace; damaged entries dropped.
import { describe, expect, it } from 'vitest'
import { MAX_SAVED_SEARCHES } from '../../../src/shared/model.ts'
import { LEGACY_SAVED_SEARCHES_KEY, SAVED_SEARCHES_KEY, SavedSearchStore } from '../../../src/main/home/saved-search-store.ts'
import { MemoryKeyValueStore } from '../../../src/main/settings/key-value-store.ts'

function setup(initial: Record<string, unknown> = {}) {
  const kv = new MemoryKeyValueStore(initial)
  const warnings: string[] = []
  const store = new SavedSearchStore(kv, () => new Date('2026-03-01T10:00:00Z'), (m) => warnings.push(m))
  return { kv, store, warnings }
}
const names = (list: { name: string }[]) => list.map((s) => s.name)

describe('saved search store', () => {
  it('saves in order; saving under a taken name (any case) replaces its query in place', () => {
    const { store } = setup()
    const [first] = store.save('acme', 'Revenue', 'revenue author:ana')
    expect(first).toMatchObject({ name: 'Revenue', query: 'revenue author:ana', createdAt: '2026-03-01T10:00:00.000Z' })
    store.save('acme', 'Orders', 'table:fct_orders')
    const after = store.save('acme', 'revenue', 'net revenue')
    expect(after.map((s) => s.query)).toEqual(['net revenue', 'table:fct_orders'])
    expect(after[0]!.id).toBe(first!.id)
  })

  it('keeps each workspace apart and forgets one on request', () => {
    const { store } = setup()
    store.save('acme', 'Revenue', 'revenue')
    store.save('globex', 'Churn', 'churn')
    expect(names(store.list('acme'))).toEqual(['Revenue'])
    expect(names(store.list('globex'))).toEqual(['Churn'])
    store.forget('acme')
    expect(store.list('acme')).toEqual([])
    expect(names(store.list('globex'))).toEqual(['Churn'])
  })

  it('renames, refusing a name another search has', () => {
    const { store } = setup()
    const [a] = store.save('acme', 'Revenue', 'revenue')
    store.save('acme', 'Orders', 'orders')
    expect(names(store.rename('acme', a!.id, 'Net revenue'))).toEqual(['Net revenue', 'Orders'])
    expect(() => store.rename('acme', a!.id, 'ORDERS')).toThrow(/already called/)
    expect(names(store.rename('acme', a!.id, 'NET REVENUE'))).toEqual(['NET REVENUE', 'Orders'])
  })

  it('moves a search to any position, clamped to the list', () => {
    const { store } = setup()
    for (const n of ['A', 'B', 'C', 'D']) store.save('acme', n, n.toLowerCase())
    const id = (n: string) => store.list('acme').find((s) => s.name === n)!.id
    expect(names(store.move('acme', id('D'), 0))).toEqual(['D', 'A', 'B', 'C'])
    expect(names(store.move('acme', id('D'), 2))).toEqual(['A', 'B', 'D', 'C'])
    expect(names(store.move('acme', id('A'), 99))).toEqual(['B', 'D', 'C', 'A'])
    expect(names(store.move('acme', 'missing', 0))).toEqual(['B', 'D', 'C', 'A'])
  })

  it('puts a deleted search back at its place, once, and not over a newer one of the same name', () => {
    const { store } = setup()
    for (const n of ['A', 'B', 'C']) store.save('acme', n, n.toLowerCase())
    const b = store.list('acme')[1]!
    expect(names(store.remove('acme', b.id))).toEqual(['A', 'C'])
    expect(names(store.restore('acme', b, 1))).toEqual(['A', 'B', 'C'])
    expect(names(store.restore('acme', b, 1))).toEqual(['A', 'B', 'C'])
    store.remove('acme', b.id)
    store.save('acme', 'b', 'something else')
    expect(store.restore('acme', b, 1).map((s) => s.query)).toEqual(['a', 'c', 'something else'])
  })

  it('refuses more than the maximum', () => {
    const { store } = setup()
    for (let i = 0; i < MAX_SAVED_SEARCHES; i++) store.save('acme', `S${i}`, `q${i}`)
    expect(() => store.save('acme', 'one more', 'x')).toThrow(/up to/)
    expect(store.list('acme')).toHaveLength(MAX_SAVED_SEARCHES)
  })

  it('adopts the old single list into the first workspace read, then keeps it there only', () => {
    const old = [{ id: 'a', name: 'ok', query: 'x', createdAt: '2026-01-01T00:00:00Z' }, { bogus: 1 }]
    const { kv, store, warnings } = setup({ [LEGACY_SAVED_SEARCHES_KEY]: old })
    expect(store.list('acme').map((s) => s.id)).toEqual(['a'])
    expect(warnings).toHaveLength(1)
    expect(kv.get(LEGACY_SAVED_SEARCHES_KEY)).toBeUndefined()
    expect(store.list('globex')).toEqual([])
    expect(store.list('acme').map((s) => s.id)).toEqual(['a'])
  })

  it('drops a damaged stored value rather than failing, and a workspace named __proto__ is just a key', () => {
    const { store } = setup({ [SAVED_SEARCHES_KEY]: { acme: 'garbage', other: [{ id: 'x', name: '', query: 'q', createdAt: 'now' }] } })
    expect(store.list('acme')).toEqual([])
    expect(store.list('other')).toEqual([])
    store.save('__proto__', 'Proto', 'p')
    expect(names(store.list('__proto__'))).toEqual(['Proto'])
    expect(store.list('acme')).toEqual([])
  })
})
