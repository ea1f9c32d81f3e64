// The search service warms up when a library opens: it loads every report's attributes in small steps that
// let the event loop run between them (IPC stays responsive while a large library opens), a search arriving
// meanwhile still sees every report, and a sync committing mid-way is not lost.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../src/main/library/index.ts'
import type { Library } from '../../../src/main/library/index.ts'
import { indexReports } from '../../../src/main/search/index-writer.ts'
import { createLibrarySearch } from '../../../src/main/search/library-search.ts'
import { createSearchService } from '../../../src/main/search/search-service.ts'

const dir = mkdtempSync(join(tmpdir(), 'search-warm-'))
const opened: Library[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((l) => l.close()))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const REPORTS = 400

function libraryWithReports(workspace: string): { writer: Library; reader: Library } {
  const writer = openLibrary({ dataDir: dir, workspace })
  writer.transaction(() => {
    writer.prepare(`INSERT INTO collections(token, name) VALUES ('c1', 'Finance')`).run()
    const report = writer.prepare(`INSERT INTO reports(token, name, collection_token, first_seen_at) VALUES (?, ?, 'c1', '2025-01-01')`)
    const query = writer.prepare('INSERT INTO queries(token, report_token, raw_query) VALUES (?, ?, ?)')
    const tokens: string[] = []
    for (let i = 0; i < REPORTS; i++) {
      report.run(`r${i}`, `Revenue report ${i}`)
      query.run(`q${i}`, `r${i}`, `SELECT sum(amount) FROM finance.payments_${i % 7}`)
      tokens.push(`r${i}`)
    }
    indexReports(writer.db, tokens)
  })
  const reader = openLibrary({ dataDir: dir, workspace })
  opened.push(writer, reader)
  return { writer, reader }
}

/** Runs event-loop turns until `done()` (bounded), calling `onTurn` with each turn's number. */
async function turnsUntil(done: () => boolean, onTurn: (turn: number) => void = () => {}): Promise<number> {
  let turns = 0
  while (!done() && turns < 10_000) {
    turns++
    onTurn(turns)
    await new Promise((resolve) => setImmediate(resolve))
  }
  return turns
}

describe('search warm-up at library open', () => {
  it('loads in steps between other work, and keeps a sync that commits mid-way', async () => {
    const { writer, reader } = libraryWithReports('steps')
    const service = createSearchService(reader.db)
    let done = false
    const warming = service.warm({ stepRows: 50 }).then(() => { done = true })
    const turns = await turnsUntil(() => done, (turn) => {
      if (turn !== 3) return
      // A sync archives a report the warm-up has already read past (archived: an attribute held in memory).
      writer.transaction(() => {
        writer.prepare(`UPDATE reports SET archived = 1 WHERE token = 'r1'`).run()
        indexReports(writer.db, ['r1'])
      })
    })
    await warming
    // 400 reports in steps of 50: the event loop ran between the steps.
    expect(turns).toBeGreaterThanOrEqual(REPORTS / 50)
    expect(service.search({ query: 'is:archived' }).hits.map((h) => h.token)).toEqual(['r1'])
    expect(service.search({ query: 'revenue' }).total).toBe(REPORTS - 1)
  })

  it('answers a search that arrives mid-way with every report', async () => {
    const { reader } = libraryWithReports('midway')
    const service = createSearchService(reader.db)
    let done = false
    const warming = service.warm({ stepRows: 50 }).then(() => { done = true })
    // Two steps in (100 of 400 reports read), the user types.
    await new Promise((resolve) => setImmediate(resolve))
    await new Promise((resolve) => setImmediate(resolve))
    expect(done).toBe(false)
    const r = service.search({ query: 'revenue' })
    expect(r.total).toBe(REPORTS)
    expect(r.facets.collections).toEqual([{ value: 'c1', label: 'Finance', count: REPORTS }])
    await warming
    expect(service.search({ query: 'revenue' }).total).toBe(REPORTS)
  })

  it('stops warming a library when another one opens', async () => {
    const { reader: first } = libraryWithReports('first')
    const { reader: second } = libraryWithReports('second')
    const search = createLibrarySearch({ warmStepRows: 20, inProcess: true })
    let firstDone = false
    const a = search.warm(first).then(() => { firstDone = true })
    await new Promise((resolve) => setImmediate(resolve))
    const b = search.warm(second)
    let turns = 0
    await turnsUntil(() => firstDone, () => { turns++ })
    // The first warm-up gave up at its next step instead of reading its remaining 19 steps.
    expect(turns).toBeLessThan(5)
    await Promise.all([a, b])
    expect((await search.search(first, { query: 'revenue' })).total).toBe(REPORTS)
    expect((await search.search(second, { query: 'revenue' })).total).toBe(REPORTS)
  })
})
