// Pagination of a collection's reports through the client, against Mode's quirks: end by an empty page or a
// repeated last page, with or without next_page links, overlapping pages, and a list that never ends.
import { describe, expect, it } from 'vitest'
import { createModeClient } from '../../../src/main/mode/client.ts'
import { json, report, scriptedFetch, unlimited } from './fake-mode.ts'

const tokens = (n: number) => Array.from({ length: n }, (_, i) => `r${String(i + 1).padStart(4, '0')}`)

/** A space of `all` reports served 30 per page; `pastEnd` decides what a page beyond the last returns. */
function spaceServer(all: string[], pastEnd: 'empty' | 'embedded-empty' | 'repeat', links = false) {
  const perPage = 30
  const lastPage = Math.max(1, Math.ceil(all.length / perPage))
  return scriptedFetch((url) => {
    const page = Number(url.searchParams.get('page') ?? '1')
    const effective = page > lastPage && pastEnd === 'repeat' ? lastPage : page
    const slice = all.slice((effective - 1) * perPage, effective * perPage)
    if (slice.length === 0 && pastEnd === 'embedded-empty') return json({ _links: { self: { href: '' } }, _embedded: {} })
    const next = links && page < lastPage ? { next_page: { href: `/api/acme/spaces/s1/reports?page=${page + 1}&per_page=30` } } : {}
    return json({ _links: { self: { href: url.pathname }, ...next }, _embedded: { reports: slice.map((t) => report(t)) } })
  })
}

function clientFor(fetch: typeof globalThis.fetch, maxPages?: number) {
  return createModeClient({ baseUrl: 'http://127.0.0.1:9/api/', token: 't', password: 'p', workspace: 'acme', fetch, limiter: unlimited(), maxPages })
}

describe('listSpaceReports pagination', () => {
  it.each(['empty', 'embedded-empty', 'repeat'] as const)('past the end = %s: every report once, one extra request', async (pastEnd) => {
    const all = tokens(75)
    const server = spaceServer(all, pastEnd)
    const reports = await clientFor(server.fetch).listSpaceReports('s1')
    expect(reports.map((r) => r.token)).toEqual(all)
    expect(server.requests.map((r) => r.url.searchParams.get('page'))).toEqual(['1', '2', '3', '4'])
  })

  it('an exact multiple of the page size still reaches the end', async () => {
    const all = tokens(90)
    const server = spaceServer(all, 'repeat')
    expect((await clientFor(server.fetch).listSpaceReports('s1')).map((r) => r.token)).toEqual(all)
    expect(server.requests).toHaveLength(4)
  })

  it('follows next_page links (keeping their parameters) but does not need them to end', async () => {
    const all = tokens(61)
    const server = spaceServer(all, 'empty', true)
    const reports = await clientFor(server.fetch).listSpaceReports('s1')
    expect(reports).toHaveLength(61)
    expect(server.requests.map((r) => r.url.search)).toEqual(['?page=1', '?page=2&per_page=30', '?page=3&per_page=30', '?page=4'])
  })

  it('never follows a next_page link to another origin (credentials would go with it)', async () => {
    const server = scriptedFetch((url) => {
      if (url.host !== '127.0.0.1:9') throw new Error('left the origin')
      const page = Number(url.searchParams.get('page'))
      const items = page === 1 ? [report('a')] : []
      return json({ _links: { next_page: { href: 'https://evil.example/api/acme/spaces/s1/reports?page=2' } }, _embedded: { reports: items } })
    })
    expect(await clientFor(server.fetch).listSpaceReports('s1')).toHaveLength(1)
    expect(server.requests.map((r) => r.url.host)).toEqual(['127.0.0.1:9', '127.0.0.1:9'])
  })

  it('dedupes reports that shift between pages', async () => {
    const server = scriptedFetch((url) => {
      const page = Number(url.searchParams.get('page'))
      const pages = [['a', 'b', 'c'], ['c', 'd'], ['d', 'e'], []]
      return json({ _embedded: { reports: (pages[page - 1] ?? []).map((t) => report(t)) } })
    })
    const reports = await clientFor(server.fetch).listSpaceReports('s1')
    expect(reports.map((r) => r.token)).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it('hands each page to onPage as it arrives', async () => {
    const server = spaceServer(tokens(45), 'empty')
    const pages: [number, number][] = []
    await clientFor(server.fetch).listSpaceReports('s1', {
      onPage: (reports, page) => {
        pages.push([page, reports.length])
        expect(server.requests).toHaveLength(page) // stored before the next page is asked for
      },
    })
    expect(pages).toEqual([[1, 30], [2, 15]])
  })

  it('a list that never ends stops at the page bound with malformed_response', async () => {
    const server = scriptedFetch((url) => json({ _embedded: { reports: [report(`p${url.searchParams.get('page')}`)] } }))
    await expect(clientFor(server.fetch, 5).listSpaceReports('s1')).rejects.toMatchObject({ code: 'malformed_response' })
    expect(server.requests).toHaveLength(5)
  })

  it('a page without _embedded mid-walk fails instead of ending the list early', async () => {
    const server = scriptedFetch((url) =>
      url.searchParams.get('page') === '2' ? json({ _links: {} }) : json({ _embedded: { reports: [report(`p${url.searchParams.get('page')}`)] } }),
    )
    await expect(clientFor(server.fetch).listSpaceReports('s1')).rejects.toMatchObject({ code: 'malformed_response' })
  })

  it('sends order, order_by and the updated_at filter', async () => {
    const server = spaceServer([], 'empty')
    await clientFor(server.fetch).listSpaceReports('s 1', { order: 'asc', orderBy: 'updated_at', updatedAfter: new Date('2024-01-02T03:04:05.000Z') })
    const url = server.requests[0]?.url
    expect(url?.pathname).toBe('/api/acme/spaces/s%201/reports')
    expect(url?.searchParams.get('filter')).toBe('updated_at.gt.2024-01-02T03:04:05.000Z')
    expect(url?.searchParams.get('order')).toBe('asc')
    expect(url?.searchParams.get('order_by')).toBe('updated_at')
  })

  it('resolves a relative web link against Mode’s origin', async () => {
    const server = scriptedFetch(() => json({ token: 'r1', _links: { web: { href: '/acme/reports/r1' } } }))
    expect((await clientFor(server.fetch).getReport('r1')).webUrl).toBe('http://127.0.0.1:9/acme/reports/r1')
  })

  it('an abort between pages → cancelled', async () => {
    const controller = new AbortController()
    const server = spaceServer(tokens(100), 'empty')
    const call = clientFor(server.fetch).listSpaceReports('s1', { signal: controller.signal, onPage: (_r, page) => (page === 2 ? controller.abort() : undefined) })
    await expect(call).rejects.toMatchObject({ code: 'cancelled' })
    expect(server.requests).toHaveLength(2)
  })
})
