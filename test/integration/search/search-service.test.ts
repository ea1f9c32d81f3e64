// The search service over the frozen sample-like workspace: what a user sees for filters, archived reports,
// snippets, facets, paging and typos.
import { afterAll, describe, expect, it } from 'vitest'
import type { DatabaseSync } from 'node:sqlite'
import { MARK_END, MARK_START, SearchResult } from '../../../src/shared/model.ts'
import { createSearchService } from '../../../src/main/search/search-service.ts'
import { openRelevanceLibrary } from '../../fixtures/relevance/relevance-score.ts'

const db: DatabaseSync = openRelevanceLibrary()
afterAll(() => db.close())
const service = createSearchService(db, { now: () => new Date('2026-06-01T00:00:00Z') })
const search = (query: string, extra: { limit?: number; offset?: number } = {}) => {
  const result = service.search({ query, ...extra })
  SearchResult.parse(result) // exactly the contract's shape
  return result
}
const one = <T>(sql: string, ...params: Array<string | number>): T => db.prepare(sql).get(...params) as T

describe('search service', () => {
  it('finds a report by its title and marks the matched words in a name snippet', () => {
    const { name } = one<{ name: string }>(`SELECT name FROM reports WHERE archived = 0 AND name LIKE '%Retention%' LIMIT 1`)
    const r = search(name)
    expect(r.hits[0]?.name).toBe(name)
    expect(r.hits[0]?.snippet?.field).toBe('name')
    expect(r.hits[0]?.snippet?.text).toContain(`${MARK_START}Retention${MARK_END}`)
  })

  it('finds words that only occur in SQL, with an SQL snippet', () => {
    const r = search('zendesk_tickets')
    expect(r.total).toBeGreaterThan(0)
    const hit = r.hits.find((h) => h.snippet?.field === 'sql')
    expect(hit?.snippet?.text).toMatch(new RegExp(`${MARK_START}zendesk${MARK_END}_${MARK_START}tickets${MARK_END}`, 'i'))
  })

  it('hides archived reports unless asked', () => {
    const archived = one<{ n: number }>('SELECT count(*) AS n FROM reports WHERE archived = 1').n
    const live = one<{ n: number }>('SELECT count(*) AS n FROM reports WHERE archived = 0').n
    expect(archived).toBeGreaterThan(0)
    expect(search('').total).toBe(live)
    expect(search('is:archived').total).toBe(archived)
    expect(search('is:archived').hits.every((h) => h.archived)).toBe(true)
    expect(search('include:archived').total).toBe(live + archived)
  })

  it('filters by collection, author, table, data source and date, and combines them', () => {
    const finance = search('collection:Finance', { limit: 500 })
    expect(finance.total).toBeGreaterThan(0)
    expect(finance.hits.every((h) => h.collection === 'Finance')).toBe(true)
    const { creator_username: author } = one<{ creator_username: string }>(
      'SELECT creator_username FROM reports WHERE archived = 0 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1')
    const byAuthor = search(`author:${author}`, { limit: 500 })
    expect(byAuthor.hits.every((h) => h.authorUsername === author)).toBe(true)
    const both = search(`collection:Finance author:${author}`, { limit: 500 })
    expect(both.hits.every((h) => h.collection === 'Finance' && h.authorUsername === author)).toBe(true)
    expect(both.total).toBeLessThanOrEqual(Math.min(finance.total, byAuthor.total))

    const readers = one<{ n: number }>(`SELECT count(DISTINCT q.report_token) AS n FROM query_tables t JOIN queries q ON q.token = t.query_token
      JOIN reports r ON r.token = q.report_token WHERE r.archived = 0 AND t.table_name LIKE '%.fct_refunds'`).n
    expect(search('table:fct_refunds').total).toBe(readers)
    // Every hit has a query on that source (its other queries may use other sources).
    const snowflake = search('source:Snowflake')
    expect(snowflake.total).toBeGreaterThan(0)
    expect(snowflake.facets.dataSources.find((f) => /Snowflake/.test(f.label))?.count).toBe(snowflake.total)
    const recent = search('updated:>2025-06-01', { limit: 500 })
    expect(recent.hits.every((h) => (h.updatedAt ?? '') >= '2025-06-02')).toBe(true)
    expect(search('collection:"No Such Collection"').total).toBe(0)
  })

  it('counts facets over the whole match set, not just the page', () => {
    const r = search('revenue', { limit: 3 })
    expect(r.hits).toHaveLength(3)
    const sum = r.facets.collections.reduce((n, f) => n + f.count, 0)
    expect(sum).toBe(r.total)
    expect(r.facets.tables.length).toBeGreaterThan(0)
  })

  it('pages without repeating or losing hits', () => {
    const all = search('revenue', { limit: 40 }).hits.map((h) => h.token)
    const paged = [...search('revenue', { limit: 20 }).hits, ...search('revenue', { limit: 20, offset: 20 }).hits].map((h) => h.token)
    expect(paged).toEqual(all)
  })

  it('excludes -words', () => {
    const r = search('revenue -deferred', { limit: 500 })
    expect(r.total).toBeGreaterThan(0)
    expect(r.hits.some((h) => /deferred/i.test(h.name))).toBe(false)
    expect(search('-revenue', { limit: 500 }).hits.some((h) => /revenue/i.test(h.name))).toBe(false)
  })

  it('fills in near spellings below exact hits when exact matching finds little', () => {
    const r = search('retnetion')
    expect(r.total).toBe(0)
    expect(r.usedFallback).toBe(true)
    expect(r.hits.length).toBeGreaterThan(0)
    expect(r.hits.every((h) => h.fuzzy && /retention/i.test(h.name + (h.snippet?.text ?? '')))).toBe(true)
  })

  it('finds reports reading a table from a substring of its name', () => {
    const r = search('und_rate')
    expect(r.total).toBe(0) // no table has that substring: nothing, and no error
    const sub = search('nce.fct_ref') // "finance.fct_refunds" cut mid-word at both ends
    expect(sub.total).toBeGreaterThan(0)
  })

  it('does not match SQL grammar words in SQL ("count" is not every COUNT(*)), but does in names and identifiers', () => {
    const countInSql = one<{ n: number }>(`SELECT count(DISTINCT report_token) AS n FROM queries WHERE raw_query LIKE '%COUNT(%'`).n
    expect(countInSql).toBeGreaterThan(20)
    const r = search('count', { limit: 500 })
    expect(r.total).toBeLessThan(countInSql / 2)
    // What still matches says "count" somewhere other than a bare COUNT(: a name, a field, or an identifier.
    for (const hit of r.hits.filter((h) => h.snippet?.field === 'sql')) {
      expect(hit.snippet?.text).not.toMatch(new RegExp(`${MARK_START}count${MARK_END}\\(`, 'i'))
    }
    // Two letters match whole words only in SQL: "gr" does not find every GROUP BY.
    const groupBy = one<{ n: number }>(`SELECT count(DISTINCT report_token) AS n FROM queries WHERE raw_query LIKE '%GROUP BY%'`).n
    expect(search('gr').total).toBeLessThan(groupBy / 2)
    // Identifiers made of grammar words stay searchable.
    const id = one<{ w: string } | undefined>(
      `SELECT lower(substr(raw_query, instr(lower(raw_query), 'total_'), 12)) AS w FROM queries WHERE lower(raw_query) LIKE '%total\\_%' ESCAPE '\\' LIMIT 1`)
    if (id) expect(search(id.w.replace(/[^a-z_].*$/, '')).total).toBeGreaterThan(0)
  })

  it('labels personal collections with their owner in hits and facets, and filters by either', () => {
    const personal = db.prepare(`SELECT token, owner_username AS owner FROM collections WHERE is_personal = 1 AND owner_username IS NOT NULL
      AND token IN (SELECT collection_token FROM reports WHERE archived = 0)`).all() as Array<{ token: string; owner: string }>
    expect(personal.length).toBeGreaterThan(1)
    const all = search('collection:Personal', { limit: 500 })
    const expected = one<{ n: number }>(`SELECT count(*) AS n FROM reports r JOIN collections c ON c.token = r.collection_token
      WHERE r.archived = 0 AND c.is_personal = 1`).n
    expect(all.total).toBe(expected)
    expect(all.hits.every((h) => /^Personal — \S+$/.test(h.collection ?? ''))).toBe(true)
    const labels = all.facets.collections.map((f) => f.label)
    expect(new Set(labels).size).toBe(labels.length) // no "Personal" listed twice
    const first = all.facets.collections[0]!
    expect(first.label).toMatch(/^Personal — /)
    // Choosing the facet puts its label in the query: that narrows to one person's collection.
    const mine = search(`collection:"${first.label}"`, { limit: 500 })
    expect(mine.total).toBe(first.count)
    expect(mine.hits.every((h) => h.collection === first.label && h.collectionToken === first.value)).toBe(true)
  })

  it('never errors on malformed input', () => {
    for (const q of ['"unbalanced', 'NEAR(a b', 'a OR', '***', ':', 'collection:', 'updated:>nope', '^x', '(((']) {
      expect(() => search(q)).not.toThrow()
    }
  })
})
