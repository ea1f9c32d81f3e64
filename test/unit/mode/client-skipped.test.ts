// Items a list sends that cannot be read at all (no usable token, junk where an item belongs) are left out of
// the list and counted, so the sync can tell the user how many it skipped. Each unreadable item counts once,
// even when Mode repeats the last page past the end of a listing.
import { describe, expect, it } from 'vitest'
import { createModeClient } from '../../../src/main/mode/client.ts'
import { json, report, scriptedFetch, unlimited } from './fake-mode.ts'

const unreadable = [{ token: null, name: 'no token' }, { token: { nested: 'object' } }, 'a string where an item belongs']

function clientWith(handler: (url: URL) => unknown) {
  const fake = scriptedFetch((url) => json(handler(url)))
  return createModeClient({ baseUrl: 'http://127.0.0.1:9', token: 't', password: 'p', workspace: 'acme', fetch: fake.fetch, limiter: unlimited(), sleep: async () => {} })
}

describe('unreadable list items', () => {
  it('are counted once per listing, the repeated last page included', async () => {
    const pages: Record<string, unknown[]> = {
      '1': [report('r1'), unreadable[0], report('r2')],
      '2': [report('r3'), unreadable[1], unreadable[2]],
    }
    const client = clientWith((url) => {
      const page = url.searchParams.get('page') ?? '1'
      // Past the end Mode may send the last page again: it ends the walk and its items are not new.
      return { _embedded: { reports: pages[page] ?? pages['2'] } }
    })
    expect(client.stats().skippedItems).toBe(0)
    const reports = await client.listSpaceReports('s1')
    expect(reports.map((r) => r.token)).toEqual(['r1', 'r2', 'r3'])
    expect(client.stats().skippedItems).toBe(3)
  })

  it('are counted for single-page lists (a report’s queries, a query’s charts) too', async () => {
    const client = clientWith((url) =>
      url.pathname.endsWith('/charts')
        ? { _embedded: { charts: [{ token: 'c1' }, { token: '' }] } }
        : { _embedded: { queries: [{ token: 'q1', raw_query: 'select 1' }, ...unreadable] } },
    )
    expect((await client.listQueries('r1')).map((q) => q.token)).toEqual(['q1'])
    expect((await client.listCharts('r1', 'q1')).map((c) => c.token)).toEqual(['c1'])
    expect(client.stats().skippedItems).toBe(4)
  })
})
