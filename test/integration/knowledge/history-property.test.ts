// Property-style: over seeded rounds of random edits, moves, renames, archives and deletions in the simulated
// workspace, with an incremental sync after each, (1) every query's SQL history equals the sequence of texts
// the simulator served at those syncs, (2) the tombstones are exactly the deleted reports the library had
// seen, with their last metadata and SQL, and (3) the change feed of each sync lists exactly what changed.
import { describe, expect, it } from 'vitest'
import { syncWorkspace } from '../../../src/main/sync/sync-workspace.ts'
import { listChanges } from '../../../src/main/knowledge/change-feed.ts'
import { getReportHistory, listDeletedReports } from '../../../src/main/knowledge/history-reads.ts'
import { createSearchService } from '../../../src/main/search/search-service.ts'
import type { Truth, TruthReport } from '../../../src/sim/truth.ts'
import { fastClient } from '../sync/sync-harness.ts'
import { suiteLibrary } from '../sync/suite-fixtures.ts'

const ROUNDS = 12

/** What changed between two truths, as the feed should say it: `kind:token`. */
function expectedChanges(before: Map<string, TruthReport>, after: Truth): string[] {
  const out: string[] = []
  const now = new Map(after.reports.map((r) => [r.token, r]))
  for (const [token, r] of now) {
    const old = before.get(token)
    if (!old) {
      out.push(`new:${token}`)
      continue
    }
    if (old.name !== r.name) out.push(`renamed:${token}`)
    if (old.space_token !== r.space_token) out.push(`moved:${token}`)
    if (old.archived !== r.archived) out.push(`${r.archived ? 'archived' : 'unarchived'}:${token}`)
    const oldSql = new Map(old.queries.map((q) => [q.token, q.raw_query]))
    if (r.queries.some((q) => oldSql.has(q.token) && oldSql.get(q.token) !== q.raw_query)) out.push(`sql_edited:${token}`)
  }
  for (const token of before.keys()) if (!now.has(token)) out.push(`deleted:${token}`)
  return out.sort()
}

describe('SQL history, tombstones and the change feed follow the workspace', () => {
  const suite = suiteLibrary({ seed: 9151, reports: 60, pageSize: 7 })

  it(`equal the served versions, the deleted reports and the changes over ${ROUNDS} rounds`, async () => {
    const { sim, library } = suite
    const client = fastClient(sim)
    const first = await syncWorkspace({ library, client, kind: 'full', trigger: 'test' })
    expect(first.run.outcome).toBe('success')
    expect(listChanges(library, { now: new Date() }).lastSyncChanges, 'the first sync is no news').toEqual([])

    // query token → every text the simulator served at a sync, in order.
    const served = new Map<string, string[]>()
    const seenReports = new Map<string, TruthReport>()
    const observe = (truth: Truth): void => {
      for (const r of truth.reports) {
        seenReports.set(r.token, structuredClone(r))
        for (const q of r.queries) {
          const list = served.get(q.token) ?? []
          if (list.at(-1) !== q.raw_query) list.push(q.raw_query)
          served.set(q.token, list)
        }
      }
    }
    let previous = new Map(sim.truth().reports.map((r) => [r.token, structuredClone(r)]))
    observe(sim.truth())

    const kindsSeen = new Set<string>()
    for (let round = 1; round <= ROUNDS; round++) {
      const ops = sim.mutate({ randomOps: { seed: 7000 + round, count: 8 + (round % 4) } })
      const result = await syncWorkspace({ library, client, kind: round % 4 === 0 ? 'full' : 'incremental', trigger: 'test' })
      expect(result.run.outcome, `round ${round}: ${result.run.errorMessage}`).toBe('success')
      const truth = sim.truth()
      const label = `round ${round} after ${ops.map((o) => o.kind).join(',')}`

      // (3) The feed of this sync: exactly what changed since the previous one.
      const feed = listChanges(library, { now: new Date() })
      expect(feed.lastSync?.runId).toBe(result.run.id)
      const listed = feed.lastSyncChanges.map((c) => `${c.kind}:${c.reportToken}`).sort()
      expect(listed, label).toEqual(expectedChanges(previous, truth))
      for (const c of feed.lastSyncChanges) kindsSeen.add(c.kind)
      for (const c of feed.lastSyncChanges.filter((c) => c.kind === 'sql_edited')) expect(c.versionId, label).not.toBeNull()

      // (1) Every live query's history is the sequence of texts served at the syncs.
      observe(truth)
      for (const r of truth.reports) {
        const history = getReportHistory(library, r.token)!
        for (const q of r.queries) {
          const versions = history.queries.find((h) => h.queryToken === q.token)?.versions.map((v) => v.sql)
          expect(versions, `${label}: history of ${q.token}`).toEqual(served.get(q.token))
        }
      }

      // (2) Tombstones: the deleted reports the library had seen, as they were last.
      const live = new Set(truth.reports.map((r) => r.token))
      const expectedDead = [...seenReports.keys()].filter((t) => !live.has(t)).sort()
      const tombstones = listDeletedReports(library, { limit: 1000 })
      expect(tombstones.map((t) => t.token).sort(), label).toEqual(expectedDead)
      for (const t of tombstones) {
        const last = seenReports.get(t.token)!
        expect({ name: t.name, archived: t.archived, sql: t.queries.map((q) => q.sql) }, `${label}: tombstone ${t.token}`)
          .toEqual({ name: last.name ?? 'Untitled report', archived: last.archived, sql: last.queries.map((q) => q.raw_query) })
      }
      previous = new Map(truth.reports.map((r) => [r.token, structuredClone(r)]))
    }
    // is:deleted finds exactly the tombstones; a plain search never shows a deleted report.
    const search = createSearchService(library.db)
    const tombstones = listDeletedReports(library, { limit: 1000 }).map((t) => t.token).sort()
    expect(search.search({ query: 'is:deleted', limit: 500 }).hits.map((h) => h.token).sort()).toEqual(tombstones)
    const live = new Set(search.search({ query: 'include:archived', limit: 500 }).hits.map((h) => h.token))
    expect(tombstones.filter((t) => live.has(t))).toEqual([])
    // The rounds exercised every kind of change the feed knows (so the checks above were not vacuous).
    expect([...kindsSeen].sort()).toEqual(expect.arrayContaining(['archived', 'deleted', 'moved', 'new', 'renamed', 'sql_edited']))

    // A no-change sync adds nothing to the feed or the history.
    const versionsBefore = library.db.prepare('SELECT count(*) AS n FROM sql_versions').get() as { n: number }
    const quiet = await syncWorkspace({ library, client, kind: 'full', trigger: 'test' })
    expect(listChanges(library, { now: new Date() }).lastSync?.runId).toBe(quiet.run.id)
    expect(listChanges(library, { now: new Date() }).lastSyncChanges).toEqual([])
    expect(library.db.prepare('SELECT count(*) AS n FROM sql_versions').get()).toEqual(versionsBefore)
  }, 240_000)
})
