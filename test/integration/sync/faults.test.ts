// Listings that fail part-way (403, 500, 503, time-out, truncated or malformed JSON) must never delete
// anything: a collection whose listing failed keeps its reports, people and data sources stay when their
// listing fails, and the next clean sync converges to the truth.
import { describe, expect, it } from 'vitest'
import { syncWorkspace } from '../../../src/main/sync/sync-workspace.ts'
import type { FaultSpec } from '../../../src/sim/faults.ts'
import type { ComparableWorkspace } from './sync-harness.ts'
import { fastClient, libraryView, truthView } from './sync-harness.ts'
import { suiteLibrary } from './suite-fixtures.ts'

/** Everything the library had that still exists in Mode must still be in the library, SQL included. */
function expectNothingLost(before: ComparableWorkspace, after: ComparableWorkspace, truth: ComparableWorkspace, label: string): void {
  const alive = (list: { token: string }[]) => new Set(list.map((x) => x.token))
  const truthReports = alive(truth.reports)
  const afterReports = new Map(after.reports.map((r) => [r.token, r]))
  for (const r of before.reports) {
    if (!truthReports.has(r.token)) continue
    const now = afterReports.get(r.token)
    expect(now, `${label}: report ${r.token} lost`).toBeDefined()
    if (r.queries.length > 0) expect(now!.queries.length, `${label}: SQL of ${r.token} lost`).toBeGreaterThan(0)
  }
  const truthSpaces = alive(truth.spaces)
  const afterSpaces = alive(after.spaces)
  for (const s of before.spaces) if (truthSpaces.has(s.token)) expect(afterSpaces.has(s.token), `${label}: collection ${s.token} lost`).toBe(true)
  const truthMembers = new Set(truth.members.map((m) => m.username))
  const afterMembers = new Set(after.members.map((m) => m.username))
  for (const m of before.members) if (truthMembers.has(m.username)) expect(afterMembers.has(m.username), `${label}: member ${m.username} lost`).toBe(true)
  const afterSources = new Set(after.data_sources.map((d) => d.id))
  for (const d of before.data_sources) expect(afterSources.has(d.id), `${label}: data source ${d.id} lost`).toBe(true)
}

const FAULTS: { label: string; faults: FaultSpec[] }[] = [
  { label: '403 mid-listing', faults: [{ route: 'space_reports', kind: 'status', status: 403, skip: 3 }] },
  { label: '500 mid-listing', faults: [{ route: 'space_reports', kind: 'status', status: 500, skip: 5 }] },
  { label: '503 on every listing page after the first', faults: [{ route: 'space_reports', kind: 'status', status: 503, skip: 1 }] },
  { label: 'time-out mid-listing', faults: [{ route: 'space_reports', kind: 'timeout', skip: 4, count: 8 }] },
  { label: 'truncated JSON mid-listing', faults: [{ route: 'space_reports', kind: 'truncated', skip: 6 }] },
  { label: 'malformed page mid-listing', faults: [{ route: 'space_reports', kind: 'malformed', skip: 2 }] },
  { label: 'people and data sources fail', faults: [
    { route: 'memberships', kind: 'status', status: 500 },
    { route: 'groups', kind: 'truncated' },
    { route: 'data_sources', kind: 'status', status: 403 },
  ] },
  // Every attempt fails: a 500 that happens once is retried by the client and would not fail the run.
  { label: 'queries fail for the changed reports', faults: [{ route: 'queries', kind: 'status', status: 500 }] },
]

/**
 * Short enough that the injected time-outs (held 5 s) cost little, long enough that a clean request on a loaded
 * machine never times out twice (250 ms did: a clean sync then ended "partial").
 */
const CLIENT_TIMEOUT_MS = 1_500

describe('sync under failing listings', () => {
  const suite = suiteLibrary({ seed: 77, reports: 90, pageSize: 6, timeoutHoldMs: 5_000 })

  it('loses no local data and converges on the next clean sync', { timeout: 180_000 }, async () => {
    const { sim, library } = suite
    const client = fastClient(sim, { timeoutMs: CLIENT_TIMEOUT_MS })
    expect((await syncWorkspace({ library, client, trigger: 'test' })).run.outcome).toBe('success')
    let seed = 500
    for (const { label, faults } of FAULTS) {
      // Deletions and moves in Mode that a failed listing must not turn into local data loss.
      sim.mutate({ randomOps: { seed: seed++, count: 12 } })
      const before = libraryView(library, false)
      sim.setFaults(faults)
      const faulty = await syncWorkspace({ library, client, trigger: 'test' })
      sim.clearFaults()
      expect(faulty.run.outcome, label).toBe('partial')
      expect(faulty.run.errors, label).toBeGreaterThan(0)
      expect(faulty.error, label).not.toBeNull()
      expectNothingLost(before, libraryView(library, false), truthView(sim.truth(), false), label)

      const clean = await syncWorkspace({ library, client, trigger: 'test' })
      expect(clean.run.outcome, `${label}: ${clean.run.errorMessage}`).toBe('success')
      expect(libraryView(library, false), label).toEqual(truthView(sim.truth(), false))
    }
  })

  it('a failed collections listing fails the run and changes nothing', async () => {
    const { sim, library } = suite
    const client = fastClient(sim, { timeoutMs: CLIENT_TIMEOUT_MS })
    sim.mutate({ randomOps: { seed: 999, count: 15 } })
    const before = libraryView(library, false)
    sim.setFaults([{ route: 'spaces', kind: 'status', status: 500 }])
    const result = await syncWorkspace({ library, client, trigger: 'test' })
    sim.clearFaults()
    expect(result.run.outcome).toBe('failed')
    expect(result.error?.code).toBe('server_error')
    expect(libraryView(library, false)).toEqual(before)
    expect((await syncWorkspace({ library, client, trigger: 'test' })).run.outcome).toBe('success')
    expect(libraryView(library, false)).toEqual(truthView(sim.truth(), false))
  })
})
