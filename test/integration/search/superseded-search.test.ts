// A search that a newer one made pointless stops between its steps (the worker answers `superseded`), and
// leaves the service as it found it: the next search answers in full and correctly.
import { afterAll, describe, expect, it } from 'vitest'
import { SearchSuperseded } from '../../../src/main/search/query-context.ts'
import { createSearchService } from '../../../src/main/search/search-service.ts'
import { openAnalystLibrary } from '../../fixtures/relevance/analyst-workspace.ts'

const db = openAnalystLibrary()
afterAll(() => db.close())
const now = () => new Date('2026-06-01T00:00:00Z')
const service = createSearchService(db, { now })
const reference = createSearchService(db, { now })

describe('superseded searches', () => {
  it('stops before any work when already superseded', () => {
    expect(() => service.search({ query: 'net revenue retention' }, { superseded: () => true })).toThrow(SearchSuperseded)
    expect(db.isTransaction).toBe(false)
  })

  it('stops between the words of a query once superseded mid-way', () => {
    for (const after of [1, 2, 3]) {
      let checks = 0
      expect(() => service.search({ query: 'net revenue retention by plan' }, { superseded: () => ++checks > after })).toThrow(SearchSuperseded)
      expect(checks).toBe(after + 1)
      expect(db.isTransaction).toBe(false)
    }
  })

  it('answers in full afterwards, as a service that was never interrupted does', () => {
    for (const query of ['net revenue retention by plan', 'fct_orders', 'reports by amara about churn last quarter', 'refunds']) {
      expect(() => service.search({ query }, { superseded: () => true })).toThrow(SearchSuperseded)
      expect({ ...service.search({ query }), tookMs: 0 }, query).toEqual({ ...reference.search({ query }), tookMs: 0 })
    }
  })

  it('is never superseded without the option', () => {
    expect(service.search({ query: 'refunds', asTyped: true }).superseded).toBeUndefined()
  })
})
