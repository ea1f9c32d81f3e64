// What an analyst sees for the forms of a question the search understands: acronyms both ways with the
// expansion named, word forms ranked below the word as typed, partial matches labelled, identifiers matched
// as tables first with a "search as table:" chip, whole usernames before substrings, questions as chips.
import { afterAll, describe, expect, it } from 'vitest'
import { createSearchService } from '../../../src/main/search/search-service.ts'
import { SearchResult } from '../../../src/shared/model.ts'
import { openAnalystLibrary } from '../../fixtures/relevance/analyst-workspace.ts'

const db = openAnalystLibrary()
afterAll(() => db.close())
const service = createSearchService(db, { now: () => new Date('2026-06-01T00:00:00Z') })
const search = (query: string) => SearchResult.parse(service.search({ query, limit: 20 }))
const tokens = (query: string) => search(query).hits.map((h) => h.token)

describe('analyst search', () => {
  it('finds the spelled-out name from the acronym and the acronym from the spelled-out words, and says so', () => {
    const nrr = search('nrr')
    expect(nrr.hits.map((h) => h.token).slice(0, 2).sort()).toEqual(['nrr-plan', 'nrr-region'])
    expect(nrr.expansions).toContainEqual({ acronym: 'NRR', meaning: 'Net Revenue Retention' })
    expect(nrr.hits.find((h) => h.token === 'nrr-region')?.matched).toContainEqual({ term: 'nrr', field: 'name', form: 'acronym' })
    const spelled = search('net revenue retention')
    expect(spelled.hits.map((h) => h.token)).toContain('nrr-plan')
    expect(spelled.expansions).toContainEqual({ acronym: 'NRR', meaning: 'Net Revenue Retention' })
  })

  it('learns acronyms the library defines itself', () => {
    // "Gross Revenue Retention (GRR) quarterly" — also in the glossary; "DAU / MAU Stickiness" by initials.
    expect(tokens('grr')[0]).toBe('grr-quarterly')
    expect(tokens('gross revenue retention')[0]).toBe('grr-quarterly')
  })

  it('matches other forms of a word, the form as typed first', () => {
    expect(tokens('refunds').slice(0, 2)).toEqual(['refunds-by-reason', 'refund-rate'])
    expect(tokens('refund').slice(0, 2)).toEqual(['refund-rate', 'refunds-by-reason'])
    expect(tokens('churned')).toContain('churn-dashboard')
    const hit = search('churned').hits.find((h) => h.token === 'churn-reasons')
    expect(hit?.matched?.[0]).toMatchObject({ term: 'churned', form: 'exact' }) // "Why customers churned"
  })

  it('follows full matches with labelled partial ones when few reports have every word', () => {
    const r = search('revenue retention by plan')
    expect(r.hits[0]?.token).toBe('nrr-plan')
    expect(r.partialFrom).toBeGreaterThan(0)
    const partial = r.hits.slice(r.partialFrom)
    expect(partial.length).toBeGreaterThan(0)
    expect(partial.every((h) => (h.missing ?? []).length > 0)).toBe(true)
    expect(r.hits.slice(0, r.partialFrom).every((h) => h.missing === undefined)).toBe(true)
  })

  it('ranks readers of a table above reports that only mention it, and offers to search it as a table', () => {
    const r = search('fct_orders')
    const readers = ['order-volume', 'order-volume-weekly', 'orders-cancelled', 'aov-trend', 'gmv-marketplace', 'shipping-sla', 'refund-rate', 'holiday-orders-2025']
    const rank = (t: string) => r.hits.findIndex((h) => h.token === t)
    expect(rank('web-sessions')).toBeGreaterThan(Math.max(...readers.map(rank)))
    expect(r.hits.find((h) => h.token === 'order-volume')?.matched).toContainEqual({ term: 'fct_orders', field: 'table', form: 'exact' })
    expect(r.chips).toContainEqual({ kind: 'table-suggestion', label: 'Search as table:fct_orders', query: 'table:fct_orders' })
    expect(search('table:fct_orders').total).toBe(readers.length)
  })

  it('reads author: as a whole username or name before substrings', () => {
    const ana = search('author:ana')
    expect(new Set(ana.hits.map((h) => h.authorUsername))).toEqual(new Set(['ana']))
    expect(new Set(search('author:lima').hits.map((h) => h.authorUsername))).toEqual(new Set(['ana']))
    // No whole word: substrings (anand, diana, hannah, ana all contain "an").
    expect(new Set(search('author:nan').hits.map((h) => h.authorUsername))).toEqual(new Set(['anand']))
  })

  it('reads plain-words questions as removable filter chips', () => {
    const r = search('reports by amara about churn last quarter')
    expect(r.chips?.map((c) => c.kind)).toEqual(['author', 'updated'])
    expect(r.chips?.[0]).toEqual({ kind: 'author', label: 'Author: amara', query: 'reports about churn last quarter' })
    expect(r.hits.map((h) => h.token)).toEqual(['churn-dashboard']) // churn-reasons was edited in December
    const table = search('which reports use fct_refunds')
    expect(table.chips?.[0]).toMatchObject({ kind: 'table', label: 'Table: fct_refunds' })
    expect(table.hits.map((h) => h.token).sort()).toEqual(['refund-rate', 'refunds-by-reason'])
    const archived = search('archived dashboards about refunds')
    expect(archived.chips?.map((c) => c.kind)).toEqual(['archived'])
    expect(archived.hits.map((h) => h.token).sort()).toEqual(['old-refunds-dash', 'refund-policy-audit'])
    // "by region" is not a person: words, not a filter.
    expect(search('net revenue retention by region').chips).toEqual([])
    expect(search('revenue in 2025').chips?.[0]).toMatchObject({ kind: 'updated', label: 'Edited in 2025' })
  })
})
