// Property-style: over many seeded rounds of random changes in the simulated workspace (create, edit SQL,
// rename, move, archive, delete reports and collections, add/remove members and groups), after each sync the
// library equals the simulator's truth exactly — and incremental syncs fetch SQL only for what changed.
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../../../src/main/library/open-library.ts'
import type { Library } from '../../../src/main/library/open-library.ts'
import { createSearchService } from '../../../src/main/search/search-service.ts'
import { syncWorkspace } from '../../../src/main/sync/sync-workspace.ts'
import { startSimulator } from '../../../src/sim/server.ts'
import { contentOptions, libraryContentView, truthContentView } from './content-view.ts'
import { fastClient, libraryView, staleReports, tempDataDir, truthView } from './sync-harness.ts'
import type { Truth } from '../../../src/sim/truth.ts'
import { suiteLibrary } from './suite-fixtures.ts'

/** Per report whose last successful run changed between two truths: 1 query-runs request + 1 per query result. */
function expectedResultRequests(before: Truth, after: Truth): { queryRuns: number; results: number } {
  const old = new Map(before.reports.map((r) => [r.token, r.last_successful_run_token]))
  let queryRuns = 0
  let results = 0
  for (const r of after.reports) {
    if (r.last_successful_run_token === null || old.get(r.token) === r.last_successful_run_token) continue
    queryRuns++
    results += r.queries.filter((q) => q.result !== null).length
  }
  return { queryRuns, results }
}

const ROUNDS = 24

describe('sync converges to the truth over random mutations', () => {
  const suite = suiteLibrary({ seed: 4242, reports: 80, pageSize: 7 })

  it(`matches /__sim/truth after a full sync and after each of ${ROUNDS} incremental rounds`, async () => {
    const { sim, library } = suite
    const client = fastClient(sim)
    const content = contentOptions(sim)
    const first = await syncWorkspace({ library, client, kind: 'full', includeCharts: true, ...content, trigger: 'test' })
    expect(first.run.outcome).toBe('success')
    expect(first.run.kind).toBe('full')
    expect(libraryView(library, true)).toEqual(truthView(sim.truth(), true))
    expect(libraryContentView(library)).toEqual(truthContentView(sim.truth()))
    // Previews come from the storage host, never with Mode's credentials.
    expect(sim.stats().previews).toBeGreaterThan(0)
    expect(sim.stats().previews_with_credentials).toBe(0)

    for (let round = 1; round <= ROUNDS; round++) {
      const before = sim.truth()
      const ops = sim.mutate({ randomOps: { seed: 1000 + round, count: 6 + (round % 5) } })
      // Reports whose SQL must be refetched: new ones and ones whose edit stamps moved.
      sim.resetStats()
      const withCharts = round % 4 === 0
      const result = await syncWorkspace({ library, client, kind: 'incremental', includeCharts: withCharts, ...content, trigger: 'test' })
      expect(result.run.outcome, `round ${round}: ${result.run.errorMessage}`).toBe('success')
      const after = sim.truth()
      expect(libraryView(library, false), `round ${round} after ${ops.map((o) => o.kind).join(',')}`).toEqual(truthView(after, false))
      expect(libraryContentView(library), `round ${round} content`).toEqual(truthContentView(after))
      // Results: exactly 1 + (queries) requests per report whose last successful run changed, none for the rest.
      const expected = expectedResultRequests(before, after)
      expect(sim.stats().routes.query_runs ?? 0, `round ${round} query_runs`).toBe(expected.queryRuns)
      expect(sim.stats().routes.query_result ?? 0, `round ${round} results`).toBe(expected.results)
      expect(staleReports(library)).toEqual([])
      // Incremental: one queries request per changed report at most, never one per report.
      const queriesRequests = sim.stats().routes.queries ?? 0
      expect(queriesRequests).toBeLessThanOrEqual(ops.length)
      expect(result.run.queriesFetched).toBe(queriesRequests)
    }
    // With charts in the sync, every report's chart titles are current too.
    await syncWorkspace({ library, client, kind: 'incremental', includeCharts: true, ...content, trigger: 'test' })
    expect(libraryView(library, true)).toEqual(truthView(sim.truth(), true))
    expect(chartFieldsView(library)).toEqual(truthChartFields(sim.truth()))
    // Datasets are searchable like reports, and is:dataset narrows to exactly them.
    const datasets = sim.truth().datasets.map((d) => d.token).sort()
    expect(datasets.length).toBeGreaterThan(0)
    const search = createSearchService(library.db)
    expect(search.search({ query: 'is:dataset include:archived', limit: 1000 }).hits.map((h) => h.token).sort()).toEqual(datasets)
    const named = sim.truth().datasets.find((d) => d.name && d.name.split(' ').length >= 2)!
    expect(search.search({ query: `is:dataset ${named.name!}`, limit: 10 }).hits[0]?.token).toBe(named.token)
  }, 300_000)

  it('a no-change sync makes listing requests only', async () => {
    const { sim, library } = suite
    const client = fastClient(sim)
    const content = contentOptions(sim)
    await syncWorkspace({ library, client, ...content, trigger: 'test' })
    sim.resetStats()
    const result = await syncWorkspace({ library, client, ...content, trigger: 'test' })
    expect(result.run.outcome).toBe('success')
    expect(result.run.reportsChanged).toBe(0)
    const routes = sim.stats().routes
    expect(routes.queries ?? 0).toBe(0)
    expect(routes.charts ?? 0).toBe(0)
    expect(routes.report ?? 0).toBe(0)
    expect(routes.user ?? 0).toBe(0)
    expect(routes.query_runs ?? 0).toBe(0)
    expect(routes.query_result ?? 0).toBe(0)
    expect(routes.schedules ?? 0).toBe(0)
  })
})

function chartFieldsView(library: Library): Record<string, { x: string[]; y: string[] }> {
  const rows = library.db.prepare('SELECT chart_token, x_json, y_json FROM chart_fields').all() as { chart_token: string; x_json: string; y_json: string }[]
  return Object.fromEntries(rows.map((r) => [r.chart_token, { x: JSON.parse(r.x_json) as string[], y: JSON.parse(r.y_json) as string[] }]))
}

function truthChartFields(truth: Truth): Record<string, { x: string[]; y: string[] }> {
  return Object.fromEntries(truth.reports.flatMap((r) => r.queries.flatMap((q) => q.charts.map((c) => [c.token, { x: c.x_fields, y: c.y_fields }]))))
}

describe('personal collections setting', () => {
  it('leaves other users\u2019 personal collections out when turned off, and brings them back when on', async () => {
    const sim = await startSimulator({ seed: 808, reports: 60, rate: null, latencyMs: 0 })
    const library = openLibrary({ dataDir: tempDataDir(), workspace: sim.workspace })
    try {
      const client = fastClient(sim)
      const personal = sim.truth().spaces.filter((s) => s.space_type === 'private').map((s) => s.token)
      expect(personal.length).toBeGreaterThan(0)
      await syncWorkspace({ library, client, includePersonalCollections: false, trigger: 'test' })
      const tokens = () => (library.db.prepare('SELECT token FROM collections').all() as { token: string }[]).map((r) => r.token)
      const personalReports = () => (library.db.prepare(`SELECT count(*) AS n FROM reports r JOIN collections c ON c.token = r.collection_token WHERE c.space_type = 'private'`).get() as { n: number }).n
      expect(tokens().filter((t) => personal.includes(t))).toEqual([])
      expect(personalReports()).toBe(0)
      await syncWorkspace({ library, client, includePersonalCollections: true, trigger: 'test' })
      expect(libraryView(library, false)).toEqual(truthView(sim.truth(), false))
      await syncWorkspace({ library, client, includePersonalCollections: false, trigger: 'test' })
      expect(tokens().filter((t) => personal.includes(t))).toEqual([])
      expect(personalReports()).toBe(0)
    } finally {
      await library.close()
      await sim.close()
    }
  })
})

describe('sync with a hostile server mixing malformed variants into normal data', () => {
  it('keeps every well-formed item equal to the truth through a full sync and rounds of changes', async () => {
    const sim = await startSimulator({ seed: 5151, reports: 90, rate: null, latencyMs: 0, pageSize: 7, hostile: { seed: 77, share: 0.25 } })
    const library = openLibrary({ dataDir: tempDataDir(), workspace: sim.workspace })
    try {
      const client = fastClient(sim)
      /** The library and the truth, both without the items the server mangled (degraded, unreadable or injected). */
      const wellFormed = () => {
        const log = sim.hostileLog()
        const truth = sim.truth()
        const mangled = (key: string) => new Set([...(log.degraded[key] ?? []), ...(log.unreadable[key] ?? [])])
        const queries = mangled('queries')
        const reports = new Set([...mangled('reports'), ...log.injected])
        for (const r of truth.reports) if (r.queries.some((q) => queries.has(q.token))) reports.add(r.token)
        const spaces = mangled('spaces')
        const sources = mangled('data_sources')
        const groups = mangled('groups')
        const keep = (view: ReturnType<typeof truthView>) => ({
          ...view,
          reports: view.reports.filter((r) => !reports.has(r.token)),
          spaces: view.spaces.filter((s) => !spaces.has(s.token)),
          data_sources: view.data_sources.filter((d) => !sources.has(d.token ?? '')),
          groups: view.groups.filter((g) => !groups.has(g.token)),
        })
        return { library: keep(libraryView(library, false)), truth: keep(truthView(truth, false)), log }
      }
      const first = await syncWorkspace({ library, client, kind: 'full', trigger: 'test' })
      expect(first.run.outcome, first.run.errorMessage ?? '').not.toBe('failed')
      expect(first.error?.code).not.toBe('internal')
      let view = wellFormed()
      expect(view.library).toEqual(view.truth)
      for (let round = 1; round <= 6; round++) {
        const ops = sim.mutate({ randomOps: { seed: 7000 + round, count: 8 } })
        const result = await syncWorkspace({ library, client, kind: round % 3 === 0 ? 'full' : 'incremental', trigger: 'test' })
        expect(result.run.outcome, `round ${round}: ${result.run.errorMessage}`).not.toBe('failed')
        expect(result.error?.code).not.toBe('internal')
        view = wellFormed()
        expect(view.library, `round ${round} after ${ops.map((o) => o.kind).join(',')}`).toEqual(view.truth)
      }
      // The comparison covered most of the workspace, and every kind of mangling was actually served.
      expect(view.truth.reports.length).toBeGreaterThan(40)
      const count = (m: Record<string, string[]>) => Object.values(m).reduce((n, tokens) => n + tokens.length, 0)
      expect(count(view.log.degraded)).toBeGreaterThan(10)
      expect(count(view.log.unreadable)).toBeGreaterThan(2)
      expect(view.log.injected.length).toBeGreaterThan(0)
    } finally {
      await library.close()
      await sim.close()
    }
  }, 120_000)
})
