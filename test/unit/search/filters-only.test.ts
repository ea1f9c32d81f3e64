// A search of filters alone (no words) ranks the reports that pass by recency and popularity: it walks them in
// that order and stops ranking once the page is full. The page must be the start of the whole ranked list, at
// any page size and offset, and the total the number of reports that pass, with facets or without.
import { afterAll, describe, expect, it } from 'vitest'
import { createSearchService } from '../../../src/main/search/search-service.ts'
import { openAnalystLibrary, REPORT_COUNT } from '../../fixtures/relevance/analyst-workspace.ts'

const db = openAnalystLibrary()
afterAll(() => db.close())
const service = createSearchService(db, { now: () => new Date('2026-06-01T00:00:00Z') })

describe('filters-only search', () => {
  for (const query of ['', 'is:archived', 'include:archived', 'collection:Growth', 'author:ana', 'collection:Growth -funnel', 'updated:>2026-03-01']) {
    it(`pages through the whole ranked list for ${JSON.stringify(query)}`, () => {
      const all = service.search({ query, limit: 500, facets: true })
      expect(all.total).toBe(all.hits.length)
      const scores = all.hits.map((h) => h.score)
      expect(scores).toEqual([...scores].sort((a, b) => b - a))
      for (const facets of [true, false]) {
        for (const [offset, limit] of [[0, 1], [0, 3], [2, 3], [5, 10]] as const) {
          const page = service.search({ query, limit, offset, facets })
          expect(page.total).toBe(all.total)
          expect(page.hits.map((h) => h.token)).toEqual(all.hits.slice(offset, offset + limit).map((h) => h.token))
        }
      }
    })
  }

  it('counts every live report for an empty query and only archived ones for is:archived', () => {
    const live = service.search({ query: '', limit: 1, facets: false }).total
    const archived = service.search({ query: 'is:archived', limit: 1, facets: false }).total
    expect(archived).toBeGreaterThan(0)
    expect(live + archived).toBe(REPORT_COUNT)
    expect(service.search({ query: 'include:archived', limit: 1, facets: false }).total).toBe(REPORT_COUNT)
  })
})
