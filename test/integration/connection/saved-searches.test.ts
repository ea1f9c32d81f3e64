// savedSearches.* through the real core and IPC registry: kept per workspace, counts that are the library's own
// totals (what running the search shows), and input main refuses before any handler sees it.
import { afterEach, describe, expect, it } from 'vitest'
import type { SavedSearch, SavedSearchCount } from '../../../src/shared/model.ts'
import { startSimulator, type Simulator } from '../../../src/sim/server.ts'
import { createCoreHarness, valueOf, type CoreHarness } from './core-harness.ts'

let h: CoreHarness | null = null
let sim: Simulator | null = null
afterEach(async () => { await h?.close(); await sim?.close(); h = null; sim = null })

describe('saved searches through the core', () => {
  it('refuses changes without a workspace and lists none', async () => {
    h = createCoreHarness()
    await h.core.start()
    expect(valueOf(await h.call('savedSearches.list'))).toEqual([])
    expect(valueOf(await h.call('savedSearches.counts'))).toEqual([])
    const save = await h.call('savedSearches.save', { name: 'Revenue', query: 'revenue' })
    expect(!save.ok && save.error.code).toBe('not_connected')
  })

  it('counts each saved search as the search itself totals it, and validates every input', async () => {
    sim = await startSimulator({ port: 0, seed: 11, reports: 60, rate: null, latencyMs: 0 })
    h = createCoreHarness({ modeBaseUrl: sim.url })
    await h.call('connection.connect', { token: sim.token, password: sim.password, workspace: sim.workspace })
    await h.core.scheduler.idle()
    const space = sim.truth().spaces.find((s) => s.space_type !== 'private')!
    const queries = ['revenue', `collection:${space.token}`, 'revenue include:archived', 'no-such-word-anywhere']
    for (const [i, query] of queries.entries()) valueOf(await h.call('savedSearches.save', { name: `S${i}`, query }))
    const list = valueOf<SavedSearch[]>(await h.call('savedSearches.list'))
    const counts = valueOf<SavedSearchCount[]>(await h.call('savedSearches.counts'))
    expect(counts.map((c) => c.id)).toEqual(list.map((s) => s.id))
    for (const [i, query] of queries.entries()) {
      const total = valueOf<{ total: number }>(await h.call('library.search', { query, limit: 50, offset: 0, facets: false })).total
      expect(counts[i]!.count).toBe(total)
    }
    expect(counts[1]!.count).toBeGreaterThan(0)
    expect(counts[3]!.count).toBe(0)

    // Main parses every input: an id that is not one, an empty name, a position past the limit, a forged entry.
    const refused = [
      await h.call('savedSearches.rename', { id: '../../x', name: 'A' }),
      await h.call('savedSearches.rename', { id: list[0]!.id, name: '   ' }),
      await h.call('savedSearches.move', { id: list[0]!.id, to: 10_000 }),
      await h.call('savedSearches.restore', { search: { ...list[0]!, createdAt: 'x'.repeat(500) }, index: 0 }),
      await h.call('savedSearches.save', { name: 'Long', query: 'q'.repeat(2001) }),
    ]
    expect(refused.map((r) => !r.ok && r.error.code)).toEqual(['invalid_input', 'invalid_input', 'invalid_input', 'invalid_input', 'invalid_input'])
    // Nothing changed.
    expect(valueOf(await h.call('savedSearches.list'))).toEqual(list)

    // Delete and undo through the calls the renderer makes.
    valueOf(await h.call('savedSearches.remove', { id: list[1]!.id }))
    const back = valueOf<SavedSearch[]>(await h.call('savedSearches.restore', { search: list[1]!, index: 1 }))
    expect(back).toEqual(list)
  })
})
