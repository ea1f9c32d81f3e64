// Results sorted by an attribute instead of relevance: the same total and facets as relevance, in exactly the
// library's order for that attribute (ties by name), paged without gaps or repeats.
import { afterAll, describe, expect, it } from 'vitest'
import type { DatabaseSync } from 'node:sqlite'
import { SearchResult, type SearchSort } from '../../../src/shared/model.ts'
import { createSearchService } from '../../../src/main/search/search-service.ts'
import { openRelevanceLibrary } from '../../fixtures/relevance/relevance-score.ts'

const db: DatabaseSync = openRelevanceLibrary()
afterAll(() => db.close())
const service = createSearchService(db, { now: () => new Date('2026-06-01T00:00:00Z') })
const tokens = (query: string, sort: SearchSort, limit = 500, offset = 0) => {
  const r = service.search({ query, sort, limit, offset })
  SearchResult.parse(r)
  return r
}
/** The library's own order for a sort, over the live reports a query matches (given as tokens). */
const libraryOrder = (sort: Exclude<SearchSort, 'relevance'>, among: string[]): string[] => {
  const order = {
    edited: 'r.last_edited_at IS NULL, r.last_edited_at DESC',
    lastRun: 'r.last_run_at IS NULL, r.last_run_at DESC',
    views: 'coalesce(r.view_count, 0) DESC',
    name: 'r.rowid = r.rowid',
  }[sort]
  const wanted = new Set(among)
  return (db.prepare(`SELECT r.token FROM reports r WHERE r.archived = 0 ORDER BY ${order}, coalesce(r.name, '') COLLATE NOCASE, r.token`).all() as Array<{ token: string }>)
    .map((r) => r.token).filter((t) => wanted.has(t))
}

describe('sorted search', () => {
  for (const sort of ['lastRun', 'views', 'name', 'edited'] as const) {
    it(`by ${sort}: every match, in the library's order`, () => {
      for (const query of ['', 'revenue', 'collection:Finance']) {
        const relevance = tokens(query, 'relevance')
        const sorted = tokens(query, sort)
        expect(sorted.total).toBe(relevance.total)
        const got = sorted.hits.map((h) => h.token)
        expect(new Set(got).size).toBe(got.length)
        if (sorted.total <= 500) expect(new Set(got)).toEqual(new Set(service.search({ query, limit: 500 }).hits.filter((h) => !h.missing && !h.fuzzy).map((h) => h.token)))
        // Edited dates are kept to the millisecond in memory; a tie there may order by name where SQL's text differs.
        if (sort !== 'edited') expect(got).toEqual(libraryOrder(sort, got))
        else {
          const edited = sorted.hits.map((h) => h.updatedAt ?? '')
          expect(edited.filter(Boolean)).toEqual([...edited.filter(Boolean)].sort().reverse())
        }
      }
    })
  }

  it('pages a sorted list without gaps or repeats, and keeps the facets of the match set', () => {
    const all = tokens('', 'views', 500).hits.map((h) => h.token)
    const paged = [0, 30, 60].flatMap((offset) => tokens('', 'views', 30, offset).hits.map((h) => h.token))
    expect(paged).toEqual(all.slice(0, 90))
    const withFacets = service.search({ query: 'revenue', sort: 'name', limit: 5 })
    const relevance = service.search({ query: 'revenue', limit: 5 })
    expect(withFacets.facets.collections).toEqual(relevance.facets.collections)
    expect(withFacets.facets.distinct).toEqual(relevance.facets.distinct)
  })

  it('carries what the compact table shows: last run, views and data sources', () => {
    const hit = tokens('', 'views', 1).hits[0]!
    const row = db.prepare('SELECT last_run_at, view_count FROM reports WHERE token = ?').get(hit.token) as { last_run_at: string | null; view_count: number }
    expect(hit.lastRunAt).toBe(row.last_run_at)
    expect(hit.viewCount).toBe(row.view_count)
    const sources = (db.prepare(`SELECT DISTINCT d.name FROM queries q JOIN data_sources d ON d.id = q.data_source_id WHERE q.report_token = ? ORDER BY d.name`)
      .all(hit.token) as Array<{ name: string }>).map((d) => d.name)
    expect(hit.dataSources).toEqual(sources.slice(0, 4))
  })

  it('lists every value of a facet when asked, and says how many there are', () => {
    const r = service.search({ query: '', limit: 1, facetSize: 2000 })
    // (Spellings of one table are one facet value, so this is not a count of distinct names in the SQL.)
    expect(r.facets.distinct?.tables).toBe(r.facets.tables.length)
    expect(r.facets.tables.length).toBeGreaterThan(20)
    expect(r.facets.tables.every((t) => t.count > 0)).toBe(true)
    expect(service.search({ query: '', limit: 1 }).facets.tables).toHaveLength(20)
  })
})
