// Mode sometimes answers 500 once for an object that loads fine a moment later. The first sync of a workspace
// with one such flaky report must still end complete (success, every query's SQL stored), not "1 item could not
// be fetched" and two more syncs to converge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openLibrary, type Library } from '../../../src/main/library/open-library.ts'
import { syncWorkspace } from '../../../src/main/sync/sync-workspace.ts'
import { startSimulator, type Simulator } from '../../../src/sim/server.ts'
import { fastClient, libraryView, tempDataDir, truthView } from './sync-harness.ts'

describe('a transient 500', () => {
  let sim: Simulator
  let library: Library
  beforeAll(async () => {
    sim = await startSimulator({ seed: 41, reports: 40, rate: null, latencyMs: 0, pageSize: 8 })
    library = openLibrary({ dataDir: tempDataDir(), workspace: sim.workspace })
  })
  afterAll(async () => {
    await library?.close()
    await sim?.close()
  })

  it.each([
    ['one report’s queries', 'queries', 7],
    ['one listing page', 'space_reports', 2],
  ] as const)('on %s is retried within the first sync', async (_label, route, skip) => {
    sim.setFaults([{ route, kind: 'status', status: 500, count: 1, skip }])
    const result = await syncWorkspace({ library, client: fastClient(sim), kind: 'full', trigger: 'test' })
    expect(sim.stats().faults_served).toBeGreaterThanOrEqual(1)
    sim.clearFaults()
    expect(result.run.outcome, result.run.errorMessage ?? '').toBe('success')
    expect(result.run.errors).toBe(0)
    expect(libraryView(library, false)).toEqual(truthView(sim.truth(), false))
  })
})
