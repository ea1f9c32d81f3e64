// The app's search runs in a worker thread with its own read connection: the answers equal the search
// service's on this thread, a sync's commit is seen by the next search, and releasing a library closes the
// worker's connection to it.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { threadId } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../src/main/library/index.ts'
import type { Library } from '../../../src/main/library/index.ts'
import { indexReports } from '../../../src/main/search/index-writer.ts'
import { createLibrarySearch } from '../../../src/main/search/library-search.ts'
import { createSearchService } from '../../../src/main/search/search-service.ts'
import { relatedReports } from '../../../src/main/knowledge/related-reports.ts'

const dir = mkdtempSync(join(tmpdir(), 'search-worker-'))
const library: Library = openLibrary({ dataDir: dir, workspace: 'acme' })
const now = () => new Date('2026-06-01T00:00:00Z')
const search = createLibrarySearch({ now })
afterAll(async () => {
  await search.close()
  await library.close()
  rmSync(dir, { recursive: true, force: true })
})

function addReports(from: number, to: number, name: (i: number) => string): void {
  library.transaction(() => {
    const report = library.prepare(`INSERT INTO reports(token, name, collection_token, first_seen_at, edited_at) VALUES (?, ?, 'c1', '2025-01-01', ?)`)
    const query = library.prepare('INSERT INTO queries(token, report_token, raw_query) VALUES (?, ?, ?)')
    const tokens: string[] = []
    for (let i = from; i < to; i++) {
      report.run(`r${i}`, name(i), `2026-0${1 + (i % 5)}-01T00:00:00Z`)
      query.run(`q${i}`, `r${i}`, `SELECT sum(amount) FROM finance.payments_${i % 7} -- refunds`)
      tokens.push(`r${i}`)
    }
    indexReports(library.db, tokens)
  })
}

describe('search in a worker thread', () => {
  library.prepare(`INSERT INTO collections(token, name) VALUES ('c1', 'Finance')`).run()
  addReports(0, 300, (i) => (i % 3 === 0 ? `Net revenue by region ${i}` : `Refund rate ${i}`))

  // The worker lives for the whole file (as for the app's whole session): started here, ended in afterAll.
  beforeAll(async () => {
    await search.warm(library)
  })

  it('answers on another thread exactly what the search service answers here', async () => {
    expect(await search.threadId()).not.toBe(threadId)
    const here = createSearchService(library.db, { now })
    for (const query of ['revenue', 'refund rate', 'table:payments_3', 'finance -revenue', 'reven']) {
      const there = await search.search(library, { query, limit: 20 })
      const mine = here.search({ query, limit: 20 })
      expect({ ...there, tookMs: 0 }, query).toEqual({ ...mine, tookMs: 0 })
    }
  })

  it('answers a report\'s related reports on its thread, the same as they are read here', async () => {
    library.transaction(() => {
      const table = library.prepare('INSERT OR IGNORE INTO query_tables(query_token, table_name) VALUES (?, ?)')
      for (let i = 0; i < 300; i++) table.run(`q${i}`, `finance.payments_${i % 7}`)
    })
    const there = await search.related(library, 'r3')
    expect(there.total).toBeGreaterThan(0)
    expect(there.related[0]!.reasons.map((r) => r.kind)).toContain('same-tables')
    expect(there).toEqual(relatedReports(library, 'r3'))
    expect(await search.related(null, 'r3')).toEqual({ related: [], total: 0 })
  })

  it('sees what a sync committed at the next search', async () => {
    const before = (await search.search(library, { query: 'churn' })).total
    addReports(300, 310, (i) => `Churn cohort ${i}`)
    expect(before).toBe(0)
    expect((await search.search(library, { query: 'churn' })).total).toBe(10)
  })

  it('answers many searches sent at once, each with its own result', async () => {
    const queries = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? `revenue ${i}` : `refund ${i}`))
    const together = await Promise.all(queries.map((query) => search.search(library, { query })))
    for (const [i, query] of queries.entries()) {
      const alone = await search.search(library, { query })
      expect(together[i]!.hits.map((h) => h.token), query).toEqual(alone.hits.map((h) => h.token))
    }
    expect(new Set(together.map((r) => r.hits[0]?.token)).size).toBeGreaterThan(1)
  })

  it('abandons an as-typed search once a newer one is sent; other searches always get their answer', async () => {
    const typed = ['r', 're', 'rev', 'reve', 'reven', 'revenu', 'revenue']
    // Sent at once, as keystrokes arrive while a search runs; a page load of the same text rides along.
    const answers = typed.map((query) => search.search(library, { query, limit: 20, asTyped: true }))
    const page = search.search(library, { query: 'refund', limit: 20, offset: 20 })
    const last = await answers.at(-1)!
    const here = createSearchService(library.db, { now })
    expect({ ...last, tookMs: 0 }).toEqual({ ...here.search({ query: 'revenue', limit: 20, asTyped: true }), tookMs: 0 })
    expect((await page).superseded).toBeUndefined()
    expect((await page).hits.map((h) => h.token)).toEqual(here.search({ query: 'refund', limit: 20, offset: 20 }).hits.map((h) => h.token))
    // The older ones either finished before the next was sent or were abandoned: never a wrong answer.
    for (const [i, answer] of (await Promise.all(answers.slice(0, -1))).entries()) {
      if (answer.superseded) expect(answer.hits).toEqual([])
      else expect(answer.hits.map((h) => h.token), typed[i]).toEqual(here.search({ query: typed[i]!, limit: 20 }).hits.map((h) => h.token))
    }
  })

  it('answers empty without a library, and reopens a released library on demand', async () => {
    expect((await search.search(null, { query: 'revenue' })).total).toBe(0)
    await search.warm(null)
    expect((await search.search(library, { query: 'churn' })).total).toBe(10)
  })
})
