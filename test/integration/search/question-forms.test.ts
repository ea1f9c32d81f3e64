// Each plain-words question form the search reads as filters, over the analyst workspace (its table of reports
// in analyst-workspace.ts is where the expected sets come from: authors, tables read, edit dates, archived).
// Every form shows a removable chip (its query is the text without the words the chip stands for), narrows
// the results as the equivalent filter would, and searches the rest as words. The clock is 2026-06-01, a Monday.
import { afterAll, describe, expect, it } from 'vitest'
import { periodRange } from '../../../src/main/search/chips.ts'
import { createSearchService } from '../../../src/main/search/search-service.ts'
import { SearchResult } from '../../../src/shared/model.ts'
import { openAnalystLibrary } from '../../fixtures/relevance/analyst-workspace.ts'

const NOW = new Date('2026-06-01T00:00:00Z')
const db = openAnalystLibrary()
afterAll(() => db.close())
const service = createSearchService(db, { now: () => NOW })
const search = (query: string) => SearchResult.parse(service.search({ query, limit: 100 }))
const tokens = (query: string) => search(query).hits.map((h) => h.token).sort()
const sorted = (xs: string[]) => [...xs].sort()

const AMARA = ['nrr-region', 'grr-quarterly', 'arr-bridge', 'churn-dashboard', 'churn-reasons', 'q1-board-pack']
const TOM = ['order-volume-weekly', 'shipping-sla', 'inventory-health', 'warehouse-costs', 'holiday-orders-2025']
const READ_FCT_ORDERS = ['order-volume', 'order-volume-weekly', 'orders-cancelled', 'aov-trend', 'gmv-marketplace', 'shipping-sla',
  'refund-rate', 'holiday-orders-2025']

describe('"by <person>"', () => {
  it('by a username: an author chip, and only their reports', () => {
    const r = search('reports by amara')
    expect(r.chips).toEqual([{ kind: 'author', label: 'Author: amara', query: 'reports' }])
    expect(r.hits.map((h) => h.token).sort()).toEqual(sorted(AMARA)) // refund-policy-audit is archived
  })

  it('by a first name that is not the username, with words after it', () => {
    const r = search('reports by tom about orders')
    expect(r.chips).toEqual([{ kind: 'author', label: 'Author: tom.h', query: 'reports about orders' }])
    // Tom's three reports about orders (in the name, the description, or through the table they read).
    expect(r.hits.map((h) => h.token).sort()).toEqual(['holiday-orders-2025', 'order-volume-weekly', 'shipping-sla'])
    expect(r.hits[0]?.token).toBe('holiday-orders-2025')
  })

  it('by a full name: both words are the person, not search words', () => {
    const r = search('reports by Tom Hughes')
    expect(r.chips).toEqual([{ kind: 'author', label: 'Author: tom.h', query: 'reports' }])
    expect(tokens('reports by Tom Hughes')).toEqual(sorted(TOM))
  })

  it('by something that is no one stays words', () => {
    expect(search('net revenue retention by region').chips).toEqual([])
    expect(search('orders by warehouse').chips).toEqual([])
    expect(search('orders by warehouse').hits[0]?.token).toBe('order-volume-weekly')
  })
})

describe('"use / read / mention <table>"', () => {
  it('which reports use <table>: a table chip and the reports reading it', () => {
    const r = search('which reports use fct_orders')
    expect(r.chips?.[0]).toEqual({ kind: 'table', label: 'Table: fct_orders', query: 'which reports' })
    expect(tokens('which reports use fct_orders')).toEqual(sorted(READ_FCT_ORDERS))
  })

  it('reading a qualified name', () => {
    expect(search('reports reading finance.fct_refunds').chips?.[0]).toMatchObject({ kind: 'table', label: 'Table: finance.fct_refunds' })
    expect(tokens('reports reading finance.fct_refunds')).toEqual(['refund-rate', 'refunds-by-reason'])
  })

  it('mentions, without a question word, when the word is an identifier', () => {
    expect(search('mentions dim_customers').chips?.[0]).toMatchObject({ kind: 'table', label: 'Table: dim_customers' })
    expect(tokens('mentions dim_customers')).toEqual(['clv-segments', 'customer-health', 'customers-by-industry'])
  })

  it('a table the library does not have is not a filter', () => {
    const r = search('which reports use fct_unicorns')
    expect(r.chips?.some((c) => c.kind === 'table')).toBe(false)
  })
})

describe('time ranges', () => {
  const edited = (query: string) => search(query).hits.map((h) => h.updatedAt!.slice(0, 10))
  const within = (query: string, from: string, to: string) => {
    const dates = edited(query)
    expect(dates.length).toBeGreaterThan(0)
    for (const d of dates) {
      expect(d >= from, `${query}: ${d}`).toBe(true)
      expect(d < to, `${query}: ${d}`).toBe(true)
    }
  }

  it('last week is the calendar week before this one (Monday to Sunday)', () => {
    const r = search('last week')
    expect(r.chips).toEqual([{ kind: 'updated', label: 'Edited last week', query: '' }])
    expect(tokens('last week')).toEqual(['churned-accounts']) // 2026-05-25; table-freshness (05-24) is the week before
  })

  it('this week, this month: nothing edited yet', () => {
    expect(search('this week').chips?.[0]).toMatchObject({ kind: 'updated', label: 'Edited this week' })
    expect(search('this week').total).toBe(0)
    expect(search('this month').total).toBe(0)
  })

  it('last month, last quarter, last year, this year', () => {
    within('last month', '2026-05-01', '2026-06-01')
    within('revenue last quarter', '2026-01-01', '2026-04-01')
    expect(tokens('revenue last quarter')).toEqual(expect.arrayContaining(['grr-quarterly', 'revenue-forecast']))
    expect(tokens('last year')).toEqual(['churn-reasons', 'clv-segments']) // refund-policy-audit (2025) is archived
    within('this year', '2026-01-01', '2027-01-01')
  })

  it('past week and past month are rolling windows up to now', () => {
    expect(search('past week').chips?.[0]).toMatchObject({ kind: 'updated', label: 'Edited in the past week' })
    expect(tokens('past week')).toEqual(['churned-accounts'])
    within('past month', '2026-05-02', '2026-06-02')
  })

  it('in / during / since a year', () => {
    expect(search('revenue in 2025').chips?.[0]).toEqual({ kind: 'updated', label: 'Edited in 2025', query: 'revenue' })
    expect(tokens('during 2025')).toEqual(['churn-reasons', 'clv-segments'])
    expect(search('since 2026').chips?.[0]).toMatchObject({ label: 'Edited since 2026' })
    within('since 2026', '2026-01-01', '2027-01-01')
  })
})

describe('archived', () => {
  it('archived dashboards about <words>: archived reports only', () => {
    const r = search('archived dashboards about refunds')
    expect(r.chips).toEqual([{ kind: 'archived', label: 'Archived only', query: 'dashboards about refunds' }])
    expect(tokens('archived dashboards about refunds')).toEqual(['old-refunds-dash', 'refund-policy-audit'])
  })

  it('archived with a year', () => {
    expect(tokens('archived reports in 2024')).toEqual(['old-refunds-dash', 'old-revenue-dash'])
  })

  it('"archived" in plain words (no question) is a word, not a filter', () => {
    expect(search('archived revenue').chips).toEqual([])
  })
})

describe('several forms at once and what is left', () => {
  it('by + about + last quarter', () => {
    const r = search('reports by amara about churn last quarter')
    expect(r.chips?.map((c) => c.kind)).toEqual(['author', 'updated'])
    expect(r.hits.map((h) => h.token)).toEqual(['churn-dashboard'])
  })

  it('question words alone are not searched for', () => {
    expect(tokens('show me all reports about refunds')).toEqual(tokens('refunds'))
    expect(search('show me all reports about refunds').chips).toEqual([])
  })

  it("a chip's query is the search without that filter", () => {
    const r = search('reports by amara about churn last quarter')
    const withoutAuthor = search(r.chips![0]!.query)
    expect(withoutAuthor.chips?.map((c) => c.kind)).toEqual(['updated'])
    const withoutDates = search(r.chips![1]!.query)
    expect(r.chips![1]!.query).toBe('reports by amara about churn')
    expect(withoutDates.chips?.map((c) => c.kind)).toEqual(['author'])
    expect(withoutDates.hits.map((h) => h.token).sort()).toEqual(['arr-bridge', 'churn-dashboard', 'churn-reasons'])
  })
})

describe('periodRange', () => {
  const at = (iso: string) => Date.parse(iso)
  it('calendar periods, across a year boundary', () => {
    expect(periodRange('last', 'quarter', at('2026-02-10T09:00:00Z'))).toEqual({ start: '2025-10-01T00:00:00.000Z', end: '2026-01-01T00:00:00.000Z' })
    expect(periodRange('last', 'month', at('2026-01-15T09:00:00Z'))).toEqual({ start: '2025-12-01T00:00:00.000Z', end: '2026-01-01T00:00:00.000Z' })
    expect(periodRange('this', 'year', at('2026-07-04T00:00:00Z'))).toEqual({ start: '2026-01-01T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' })
    // A Sunday: the week is the one that began the Monday before.
    expect(periodRange('this', 'week', at('2026-05-31T20:00:00Z'))).toEqual({ start: '2026-05-25T00:00:00.000Z', end: '2026-06-01T00:00:00.000Z' })
  })
  it('rolling periods end now', () => {
    expect(periodRange('past', 'month', at('2026-03-31T12:00:00Z')).start).toBe('2026-03-01T12:00:00.000Z')
    expect(periodRange('past', 'week', at('2026-03-31T12:00:00Z'))).toEqual({ start: '2026-03-24T12:00:00.000Z', end: '2026-03-31T12:00:00.001Z' })
  })
})
