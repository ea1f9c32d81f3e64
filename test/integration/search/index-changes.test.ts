// A search service keeps per-report attributes in memory: changes another connection commits (a sync) must
// show up in its very next search — names, collections and facets, archiving, deletions, a whole rebuild —
// and a report matching only in its SQL ranks below reports matching in their name or description.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../src/main/library/index.ts'
import type { Library } from '../../../src/main/library/index.ts'
import { indexReports, rebuildSearchIndex, unindexReports } from '../../../src/main/search/index-writer.ts'
import { createSearchService } from '../../../src/main/search/search-service.ts'

const dir = mkdtempSync(join(tmpdir(), 'search-changes-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function addReport(lib: Library, token: string, fields: { name: string; description?: string; collection?: string;
  sql?: string; views?: number; edited?: string }): void {
  lib.prepare(`INSERT INTO reports(token, name, description, collection_token, view_count, edited_at, first_seen_at)
    VALUES (?, ?, ?, ?, ?, ?, '2025-01-01')`)
    .run(token, fields.name, fields.description ?? null, fields.collection ?? 'c1', fields.views ?? 0, fields.edited ?? '2024-01-01T00:00:00Z')
  lib.prepare('INSERT INTO queries(token, report_token, raw_query) VALUES (?, ?, ?)')
    .run(`q-${token}`, token, fields.sql ?? 'select 1')
}

describe('search index changes', () => {
  it('are seen by a search service on another connection at its next search', async () => {
    const writer = openLibrary({ dataDir: dir, workspace: 'changes' })
    writer.transaction(() => {
      writer.prepare(`INSERT INTO collections(token, name) VALUES ('c1', 'Finance'), ('c2', 'Growth')`).run()
      addReport(writer, 'r1', { name: 'Quarterly revenue', collection: 'c1' })
      addReport(writer, 'r2', { name: 'Revenue by region', collection: 'c1' })
      addReport(writer, 'r3', { name: 'Signup funnel', collection: 'c2' })
      indexReports(writer.db, ['r1', 'r2', 'r3'])
    })
    const reader = openLibrary({ dataDir: dir, workspace: 'changes' })
    const search = createSearchService(reader.db)
    const revenue = search.search({ query: 'revenue' })
    expect(revenue.total).toBe(2)
    expect(revenue.facets.collections).toEqual([{ value: 'c1', label: 'Finance', count: 2 }])

    // A sync renames one report and moves it, archives another, deletes the third, adds a fourth.
    writer.transaction(() => {
      writer.prepare(`UPDATE reports SET name = 'Signup revenue', collection_token = 'c2' WHERE token = 'r3'`).run()
      writer.prepare(`UPDATE reports SET archived = 1 WHERE token = 'r2'`).run()
      writer.prepare(`DELETE FROM queries WHERE report_token = 'r1'`).run()
      writer.prepare(`DELETE FROM reports WHERE token = 'r1'`).run()
      addReport(writer, 'r4', { name: 'Revenue forecast', collection: 'c2' })
      indexReports(writer.db, ['r3', 'r2', 'r4'])
      unindexReports(writer.db, ['r1'])
    })
    const after = search.search({ query: 'revenue' })
    expect(after.hits.map((h) => h.token).sort()).toEqual(['r3', 'r4'])
    expect(after.total).toBe(2)
    expect(after.facets.collections).toEqual([{ value: 'c2', label: 'Growth', count: 2 }])
    expect(search.search({ query: 'revenue is:archived' }).hits.map((h) => h.token)).toEqual(['r2'])
    expect(search.search({ query: 'collection:Finance' }).total).toBe(0)

    // A whole rebuild (new document ids) is picked up too.
    writer.transaction(() => {
      addReport(writer, 'r5', { name: 'Revenue cohorts', collection: 'c1' })
      rebuildSearchIndex(writer.db)
    })
    const rebuilt = search.search({ query: 'revenue' })
    expect(rebuilt.hits.map((h) => h.token).sort()).toEqual(['r3', 'r4', 'r5'])
    expect(search.search({ query: 'collection:Finance revenue' }).hits.map((h) => h.token)).toEqual(['r5'])
    await reader.close()
    await writer.close()
  })

  it('ranks a report matching only in its SQL below reports matching in name or description', async () => {
    const lib = openLibrary({ dataDir: dir, workspace: 'tiers' })
    lib.transaction(() => {
      lib.prepare(`INSERT INTO collections(token, name) VALUES ('c1', 'Ops')`).run()
      // Recent and much viewed, but "churn" only appears in its SQL.
      addReport(lib, 'sql-only', { name: 'Weekly overview', sql: 'select churn_rate from analytics.churn_daily', views: 50_000,
        edited: '2026-05-30T00:00:00Z' })
      addReport(lib, 'in-name', { name: 'Churn by plan', sql: 'select 1', edited: '2020-01-01T00:00:00Z' })
      addReport(lib, 'in-description', { name: 'Plan mix', description: 'Where churn comes from', edited: '2020-01-01T00:00:00Z' })
      indexReports(lib.db, ['sql-only', 'in-name', 'in-description'])
    })
    const search = createSearchService(lib.db, { now: () => new Date('2026-06-01T00:00:00Z') })
    const r = search.search({ query: 'churn' })
    expect(r.total).toBe(3)
    expect(r.hits.map((h) => h.token)).toEqual(['in-name', 'in-description', 'sql-only'])
    expect(r.hits[2]?.snippet?.field).toBe('sql')
    // Scores agree with the order.
    expect(r.hits[0]!.score).toBeGreaterThan(r.hits[1]!.score)
    expect(r.hits[1]!.score).toBeGreaterThan(r.hits[2]!.score)
    await lib.close()
  })
})
