// A library created by the first released schema (test/fixtures/library/first-release-schema.ts: migration
// 001, checked against the schema the first release shipped), with a workspace in it, upgrades to the current
// schema on open and keeps every report: names, collections, authors, SQL, tables and charts read back the
// same, search finds them, and the upgraded schema is exactly what a new library gets.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterAll, describe, expect, it } from 'vitest'
import { getReportDetail, getStats, libraryPath, migrations, openLibrary } from '../../../src/main/library/index.ts'
import type { Library } from '../../../src/main/library/index.ts'
import { createSearchService } from '../../../src/main/search/search-service.ts'
import { generateWorkspace } from '../../../src/sim/generator.ts'
import { loadTruthIntoLibrary } from '../../fixtures/relevance/truth-library.ts'
import { firstReleaseSql } from '../../fixtures/library/first-release-schema.ts'

const dir = mkdtempSync(join(tmpdir(), 'mc-upgrade-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function schemaOf(library: Library): Record<string, unknown> {
  const tables = library.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>
  return Object.fromEntries(tables.map(({ name }) => [name, library.db.prepare(`PRAGMA table_xinfo("${name}")`).all()]))
}

describe('a library of the first released schema', () => {
  it('upgrades to the current schema and keeps every report', async () => {
    const truth = generateWorkspace({ seed: 7, reports: 120, queriesPerReport: 2 })
    mkdirSync(join(dir, 'libraries'), { recursive: true })
    const old = new DatabaseSync(libraryPath(dir, truth.workspace.username))
    old.exec('PRAGMA journal_mode = WAL')
    old.exec(firstReleaseSql())
    old.exec('PRAGMA user_version = 1')
    loadTruthIntoLibrary(old, truth, '2025-05-01T00:00:00.000Z')
    old.prepare("INSERT INTO sync_runs(kind, trigger, started_at, ended_at, outcome) VALUES ('full', 'manual', '2025-05-01T00:00:00Z', '2025-05-01T00:01:00Z', 'success')").run()
    old.close()

    const library = openLibrary({ dataDir: dir, workspace: truth.workspace.username })
    try {
      expect((library.db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(migrations.length)
      const recorded = library.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as Array<{ version: number }>
      expect(recorded.map((r) => r.version)).toEqual(migrations.map((m) => m.version))

      const stats = getStats(library)
      expect(stats.reports).toBe(truth.reports.length)
      expect(stats.queries).toBe(truth.reports.reduce((n, r) => n + r.queries.length, 0))
      expect(stats.lastSyncedAt).toBe('2025-05-01T00:01:00Z')
      const spaceName = new Map(truth.spaces.map((s) => [s.token, s.name]))
      for (const report of truth.reports) {
        const detail = getReportDetail(library, report.token)
        expect(detail, report.token).not.toBeNull()
        expect(detail!.name).toBe(report.name ?? 'Untitled report')
        expect(detail!.description).toBe(report.description)
        expect(detail!.collection?.name).toBe(spaceName.get(report.space_token))
        expect(detail!.author?.username).toBe(report.creator_username)
        expect(detail!.queries.map((q) => q.sql)).toEqual(report.queries.map((q) => q.raw_query))
        expect(detail!.queries.map((q) => q.charts.length)).toEqual(report.queries.map((q) => q.charts.length))
      }

      // The search index was built during the upgrade: a report is found by its name.
      const named = truth.reports.find((r) => r.name && !r.archived)!
      const hits = createSearchService(library.db).search({ query: `"${named.name}"` })
      expect(hits.hits.map((h) => h.token)).toContain(named.token)
      expect(library.getMeta('search_index_stale')).toBeNull()
    } finally {
      const upgraded = schemaOf(library)
      await library.close()
      const fresh = openLibrary({ dataDir: dir, workspace: 'fresh' })
      try {
        expect(upgraded).toEqual(schemaOf(fresh))
        expect(JSON.stringify(upgraded)).not.toContain('extra_json')
      } finally {
        await fresh.close()
      }
    }
  })
})
