// The machine's clock moved back between syncs (by hand, a dead RTC battery, NTP after a drift): "Full sync"
// must still refetch every report's SQL and chart titles, because what it compares is run ids, not times.
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../../../src/main/library/open-library.ts'
import { syncWorkspace } from '../../../src/main/sync/sync-workspace.ts'
import { startSimulator } from '../../../src/sim/server.ts'
import { fastClient, libraryView, tempDataDir, truthView } from './sync-harness.ts'

describe('a full sync after the clock moved back', () => {
  it('refetches the SQL and charts of every report', async () => {
    const sim = await startSimulator({ seed: 61, reports: 50, rate: null, latencyMs: 0, pageSize: 9 })
    const library = openLibrary({ dataDir: tempDataDir(), workspace: sim.workspace })
    try {
      const client = fastClient(sim)
      const tomorrow = () => new Date(Date.now() + 24 * 3600_000)
      const first = await syncWorkspace({ library, client, kind: 'full', includeCharts: true, trigger: 'test', now: tomorrow })
      expect(first.run.outcome).toBe('success')
      const reports = sim.truth().reports.length

      // Back to today: a day earlier than every timestamp the first sync wrote.
      sim.resetStats()
      const full = await syncWorkspace({ library, client, kind: 'full', includeCharts: true, trigger: 'test', now: () => new Date() })
      expect(full.run.outcome).toBe('success')
      expect(full.run.queriesFetched).toBe(reports)
      expect(sim.stats().routes.queries ?? 0).toBe(reports)
      expect(sim.stats().routes.charts ?? 0).toBeGreaterThan(0)
      expect(libraryView(library, true)).toEqual(truthView(sim.truth(), true))

      // An incremental sync right after still fetches nothing: versions, not times, say what is current.
      sim.resetStats()
      const incremental = await syncWorkspace({ library, client, trigger: 'test', now: () => new Date(Date.now() - 3600_000) })
      expect(incremental.run.queriesFetched).toBe(0)
      expect(sim.stats().routes.queries ?? 0).toBe(0)
    } finally {
      library.close()
      await sim.close()
    }
  })
})
