// "Explore a sample workspace": the built-in simulator, connected like Mode, labelled as sample, synced in
// seconds, credentials kept in memory only, and back again after a restart.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SAMPLE_WORKSPACE, generateSampleWorkspace } from '../../../src/sim/generator.ts'
import type { ConnectOutcome } from '../../../src/shared/contract.ts'
import type { ConnectionStatus, LibraryStats } from '../../../src/shared/model.ts'
import { createCoreHarness, valueOf } from './core-harness.ts'

describe('sample workspace', () => {
  it('connects to the built-in simulator, syncs the whole sample, and comes back after a restart', async () => {
    const h = createCoreHarness()
    const dataDir = h.dataDir
    try {
      const started = performance.now()
      const outcome = valueOf<ConnectOutcome>(await h.call('connection.connectSample'))
      expect(outcome).toMatchObject({ ok: true, status: { connected: true, isSample: true, workspace: SAMPLE_WORKSPACE.workspace, storage: 'session-only' } })
      await h.core.scheduler.idle()
      const seconds = (performance.now() - started) / 1000
      console.info(`[sample] connect + first full sync of ${SAMPLE_WORKSPACE.reports} reports: ${seconds.toFixed(1)} s`)
      const stats = valueOf<LibraryStats>(await h.call('library.getStats'))
      // Mode's Datasets are listed among a collection's reports, so the library holds them as reports too.
      const sample = generateSampleWorkspace()
      expect(stats.reports).toBe(sample.reports.length + sample.datasets.length)
      expect(stats.reportsWithSql).toBe(stats.reports)
      // Session-only: nothing secret on disk.
      expect(existsSync(join(h.dataDir, 'credentials.json'))).toBe(false)
      await h.close({ keepDataDir: true })

      const again = createCoreHarness({ dataDir })
      try {
        await again.core.start()
        const status = valueOf<ConnectionStatus>(await again.call('connection.getStatus'))
        expect(status).toMatchObject({ connected: true, isSample: true, hasLibrary: true })
        await again.core.scheduler.idle()
        const runs = valueOf<{ kind: string }[]>(await again.call('sync.history', { limit: 5 }))
        expect(runs[0]?.kind).toBe('incremental')
      } finally {
        await again.close()
      }
    } finally {
      await h.close().catch(() => {})
    }
    // Two cores and a full sync of 416 reports twice: 43 s once on a machine at load 14, 24 s alone at load 10.
  }, 150_000)
})
