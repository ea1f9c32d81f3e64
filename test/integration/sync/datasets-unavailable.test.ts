// A Mode that answers 404 or 403 to a collection's datasets listing (a plan or role without datasets): the
// reports are still listed completely, so the sync succeeds and a report deleted in Mode still goes.
import { afterEach, describe, expect, it } from 'vitest'
import { openLibrary, type Library } from '../../../src/main/library/open-library.ts'
import { syncWorkspace } from '../../../src/main/sync/sync-workspace.ts'
import { startSimulator, type Simulator } from '../../../src/sim/server.ts'
import { contentOptions } from './content-view.ts'
import { fastClient, libraryView, tempDataDir, truthView } from './sync-harness.ts'

describe('datasets listing unavailable', () => {
  let sim: Simulator | undefined
  let library: Library | undefined
  afterEach(async () => {
    await library?.close()
    await sim?.close()
  })

  for (const status of [404, 403]) {
    it(`answered ${status}: no datasets, every report, and deletions still apply`, async () => {
      sim = await startSimulator({ seed: 31, reports: 30, rate: null, latencyMs: 0, pageSize: 8 })
      library = openLibrary({ dataDir: tempDataDir(), workspace: sim.workspace })
      expect(sim.truth().datasets.length).toBeGreaterThan(0)
      sim.setFaults([{ route: 'space_datasets', kind: 'status', status }])
      const content = contentOptions(sim, { resultsScope: 'none' })
      const first = await syncWorkspace({ library, client: fastClient(sim), kind: 'full', ...content, trigger: 'test' })
      expect(first.run.outcome, first.run.errorMessage ?? '').toBe('success')
      expect(libraryView(library, false)).toEqual(truthView(sim.truth(), false))
      expect(library.db.prepare("SELECT count(*) AS n FROM reports WHERE report_type = 'DatasetReport'").get()).toEqual({ n: 0 })

      const doomed = sim.truth().reports[0]!.token
      sim.mutate([{ kind: 'deleteReport', token: doomed }])
      const second = await syncWorkspace({ library, client: fastClient(sim), kind: 'incremental', ...content, trigger: 'test' })
      expect(second.run.outcome).toBe('success')
      expect(library.db.prepare('SELECT count(*) AS n FROM reports WHERE token = ?').get(doomed)).toEqual({ n: 0 })
      expect(libraryView(library, false)).toEqual(truthView(sim.truth(), false))
    })
  }
})
