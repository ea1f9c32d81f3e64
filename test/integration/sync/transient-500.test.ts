// Mode sometimes answers 500 once for an object that loads fine a moment later. The first sync of a workspace
// with one such flaky report must still end complete (success, every query's SQL stored), not "1 item could not
// be fetched" and two more syncs to converge.
import { describe, expect, it } from 'vitest'
import { syncWorkspace } from '../../../src/main/sync/sync-workspace.ts'
import { fastClient, libraryView, truthView } from './sync-harness.ts'
import { suiteLibrary } from './suite-fixtures.ts'

describe('a transient 500', () => {
  const suite = suiteLibrary({ seed: 41, reports: 40, pageSize: 8 })

  it.each([
    ['one report’s queries', 'queries', 7],
    ['one listing page', 'space_reports', 2],
  ] as const)('on %s is retried within the first sync', async (_label, route, skip) => {
    const { sim, library } = suite
    sim.setFaults([{ route, kind: 'status', status: 500, count: 1, skip }])
    const result = await syncWorkspace({ library, client: fastClient(sim), kind: 'full', trigger: 'test' })
    expect(sim.stats().faults_served).toBeGreaterThanOrEqual(1)
    sim.clearFaults()
    expect(result.run.outcome, result.run.errorMessage ?? '').toBe('success')
    expect(result.run.errors).toBe(0)
    expect(libraryView(library, false)).toEqual(truthView(sim.truth(), false))
  })
})
