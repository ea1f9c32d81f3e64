// Which reports to trust, end to end: the simulator serves failed runs, schedules, unrun and much-viewed
// reports; after a sync, is:failing / is:popular / is:stale / is:scheduled / is:never-run find exactly the
// reports the simulator's truth says (worked out here from the truth, not from the rules under test), every
// result row carries the same badges, a failed run shows up after the next sync and a successful one clears
// it, and the stale bar follows the setting. Related reports name their reasons.
import { describe, expect, it } from 'vitest'
import { syncWorkspace } from '../../../src/main/sync/sync-workspace.ts'
import { relatedReports } from '../../../src/main/knowledge/related-reports.ts'
import { createSearchService } from '../../../src/main/search/search-service.ts'
import type { TruthReport } from '../../../src/sim/truth.ts'
import { fastClient } from '../sync/sync-harness.ts'
import { suiteLibrary } from '../sync/suite-fixtures.ts'

const NOW = Date.parse('2026-10-15T00:00:00Z')
const DAY = 86_400_000

function expectedFrom(reports: TruthReport[], staleDays: number): Record<string, Set<string>> {
  const live = reports.filter((r) => !r.archived).map((r) => r.view_count).sort((a, b) => b - a)
  const bar = Math.max(10, live[Math.max(1, Math.ceil(live.length / 20)) - 1] ?? Infinity)
  const out: Record<string, Set<string>> = { popular: new Set(), failing: new Set(), stale: new Set(), scheduled: new Set(), 'never-run': new Set() }
  for (const r of reports) {
    const success = r.last_successfully_run_at === undefined ? r.last_run_at : r.last_successfully_run_at
    if (!r.archived && r.view_count >= bar) out.popular!.add(r.token)
    if (r.last_run_at !== null && (success === null || success < r.last_run_at)) out.failing!.add(r.token)
    if (r.last_run_at === null) out['never-run']!.add(r.token)
    if (r.schedules.length > 0) out.scheduled!.add(r.token)
    const touched = [r.last_run_at, success, r.edited_at ?? r.last_saved_at ?? r.updated_at].filter((t): t is string => t !== null).map(Date.parse)
    if (NOW - Math.max(...touched) > staleDays * DAY) out.stale!.add(r.token)
  }
  return out
}

// Three syncs and several hundred searches: minutes, not seconds, on a machine shared by many processes.
describe('report statuses after a sync', { timeout: 240_000 }, () => {
  const suite = suiteLibrary({ seed: 2718, reports: 120 })

  const found = (query: string, staleAfterDays?: number): Set<string> => {
    const search = createSearchService(suite.library.db, { now: () => new Date(NOW) })
    return new Set(search.search({ query: `include:archived ${query}`, limit: 500, facets: false, staleAfterDays }).hits.map((h) => h.token))
  }

  it('each is: filter finds exactly the reports the truth says, and each row carries the same badges', async () => {
    const { sim, library } = suite
    const client = fastClient(sim)
    const ran = sim.truth().reports.filter((r) => r.last_run_at !== null && r.last_successfully_run_at === undefined)
    sim.mutate({ ops: [{ kind: 'failRun', token: ran[0]!.token }, { kind: 'addSchedule', token: ran[1]!.token }] })
    expect((await syncWorkspace({ library, client, kind: 'full', trigger: 'test' })).run.outcome).toBe('success')
    const truth = sim.truth().reports
    const expected = expectedFrom(truth, 180)
    // The workspace really has each kind, so no filter passes by finding nothing.
    for (const [status, tokens] of Object.entries(expected)) expect(tokens.size, status).toBeGreaterThan(0)
    expect(expected.failing!.has(ran[0]!.token)).toBe(true)
    for (const [status, tokens] of Object.entries(expected)) expect(found(`is:${status}`), status).toEqual(tokens)
    // Two filters narrow together.
    expect(found('is:stale is:scheduled')).toEqual(new Set([...expected.stale!].filter((t) => expected.scheduled!.has(t))))

    const search = createSearchService(suite.library.db, { now: () => new Date(NOW) })
    for (const hit of search.search({ query: 'include:archived', limit: 500, facets: false }).hits) {
      const want = Object.entries(expected).filter(([, tokens]) => tokens.has(hit.token)).map(([s]) => s).sort()
      expect([...(hit.statuses ?? [])].sort(), hit.name).toEqual(want)
    }
  })

  it('a failed run shows after the next sync and a successful run clears it; the stale bar follows the setting', async () => {
    const { sim, library } = suite
    const client = fastClient(sim)
    const fine = sim.truth().reports.find((r) => !r.archived && r.last_run_at !== null && !found('is:failing').has(r.token))!
    sim.mutate({ ops: [{ kind: 'failRun', token: fine.token }] })
    await syncWorkspace({ library, client, trigger: 'test' })
    expect(found('is:failing').has(fine.token)).toBe(true)
    sim.mutate({ ops: [{ kind: 'runReport', token: fine.token }] })
    await syncWorkspace({ library, client, trigger: 'test' })
    expect(found('is:failing').has(fine.token)).toBe(false)

    const truth = sim.truth().reports
    for (const days of [30, 365, 1000]) expect(found('is:stale', days), `${days} days`).toEqual(expectedFrom(truth, days).stale)
    expect(found('is:stale', 30).size).toBeGreaterThan(found('is:stale', 1000).size)
  })

  it('related reports: same definitions, same dataset, same tables and near copies, each with its reason', async () => {
    const { sim, library } = suite
    const client = fastClient(sim)
    const space = sim.truth().spaces.find((s) => s.space_type !== 'private')!.token
    const sql = (extra: string) => `SELECT a.region, SUM(o.amount) AS revenue, COUNT(*) AS orders
FROM {{ @active_accounts as a }}
JOIN analytics.orders o ON o.account_id = a.id
WHERE o.created_at >= '2025-01-01'${extra}
GROUP BY 1 ORDER BY 2 DESC`
    const made = sim.mutate({ ops: [
      { kind: 'createReport', space_token: space, name: 'Revenue by region', queries: [{ raw_query: sql('') }] },
      { kind: 'createReport', space_token: space, name: 'Revenue by region (copy)', queries: [{ raw_query: `-- for the deck\n${sql('').toLowerCase()}` }] },
      { kind: 'createReport', space_token: space, name: 'Active account churn', queries: [{ raw_query: 'SELECT a.id, max(l.at) FROM {{ @active_accounts as a }} LEFT JOIN app.logins l ON l.account_id = a.id GROUP BY 1' }] },
      { kind: 'createReport', space_token: space, name: 'Order status counts', queries: [{ raw_query: 'SELECT status, count(*) FROM analytics.orders GROUP BY 1' }] },
    ] }) as { token: string }[]
    await syncWorkspace({ library, client, trigger: 'test' })
    const [revenue, copy, churn, orders] = made.map((m) => m.token)
    const related = relatedReports(library, revenue!)
    const reasonsOf = (t: string) => related.related.find((r) => r.reportToken === t)?.reasons.map((x) => x.kind) ?? []
    expect(reasonsOf(copy!)).toEqual(expect.arrayContaining(['near-duplicate', 'same-definitions', 'same-tables']))
    expect(related.related.find((r) => r.reportToken === copy)!.reasons[0]!.text).toBe('Same SQL as one of its queries')
    expect(reasonsOf(churn!)).toEqual(['same-definitions'])
    expect(related.related.find((r) => r.reportToken === churn)!.reasons[0]!.text).toBe('Uses the definition @active_accounts')
    expect(reasonsOf(orders!)).toEqual(['same-tables'])
    // The copy leads: a near copy outweighs a shared definition or table.
    expect(related.related[0]!.reportToken).toBe(copy)
    expect(related.related.length).toBeLessThanOrEqual(12)

    // Two generated reports importing the same dataset are related through it, and the dataset to each.
    const importers = sim.truth().reports.filter((r) => r.imported_dataset_tokens.length > 0)
    const pair = importers.find((a) => importers.some((b) => b !== a && b.imported_dataset_tokens[0] === a.imported_dataset_tokens[0]))
    expect(pair, 'the seed has two reports on one dataset').toBeDefined()
    const other = importers.find((b) => b !== pair && b.imported_dataset_tokens[0] === pair!.imported_dataset_tokens[0])!
    const viaDataset = relatedReports(library, pair!.token, 50).related.find((r) => r.reportToken === other.token)
    expect(viaDataset?.reasons.map((x) => x.kind)).toContain('same-dataset')
    expect(viaDataset?.reasons.find((x) => x.kind === 'same-dataset')?.text).toMatch(/^Imports the same dataset: /)
  })
})
