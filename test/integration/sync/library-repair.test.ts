// What a sync does for the library file itself: after a damaged file was moved aside, the next sync is a full one
// whatever was asked, rebuilds everything from Mode, and only then stops telling the user about the damaged copy;
// and every sync ends with its write-ahead log folded in and emptied, so the log never stays at its peak size
// (megabytes after one sync of this small workspace without it).
import { closeSync, openSync, rmSync, statSync, writeSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getStats } from '../../../src/main/library/read-models.ts'
import { openLibrary } from '../../../src/main/library/open-library.ts'
import { syncWorkspace } from '../../../src/main/sync/sync-workspace.ts'
import { startSimulator, type Simulator } from '../../../src/sim/server.ts'
import { fastClient, libraryView, tempDataDir, truthView } from './sync-harness.ts'

let sim: Simulator
const dirs: string[] = []
beforeAll(async () => {
  sim = await startSimulator({ seed: 63, reports: 60, rate: null, latencyMs: 0, pageSize: 10 })
})
afterAll(async () => {
  await sim?.close()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})
const newDataDir = (): string => {
  const dir = tempDataDir()
  dirs.push(dir)
  return dir
}

describe('a library damaged past its header', () => {
  it('is rebuilt by the next sync, full even when an incremental one was asked, and the notice goes once it is', { timeout: 180_000 }, async () => {
    const dataDir = newDataDir()
    const first = openLibrary({ dataDir, workspace: sim.workspace })
    expect((await syncWorkspace({ library: first, client: fastClient(sim), trigger: 'test' })).run.outcome).toBe('success')
    const path = first.path
    await first.close()
    const fd = openSync(path, 'r+')
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(statSync(path).size / 4096 / 2) * 4096)
    closeSync(fd)

    const library = openLibrary({ dataDir, workspace: sim.workspace })
    try {
      expect(getStats(library).damagedCopy?.folder).toBe(library.damagedCopy?.folder)
      expect(getStats(library).reports).toBe(0)
      const rebuilt = await syncWorkspace({ library, client: fastClient(sim), kind: 'incremental', trigger: 'test' })
      expect(rebuilt.run).toMatchObject({ kind: 'full', outcome: 'success' })
      expect(libraryView(library, false)).toEqual(truthView(sim.truth(), false))
      expect(getStats(library).damagedCopy).toBeNull()
      // Rebuilt: later syncs are incremental again.
      expect((await syncWorkspace({ library, client: fastClient(sim), kind: 'incremental', trigger: 'test' })).run.kind).toBe('incremental')
    } finally {
      await library.close()
    }
  })
})

describe('the write-ahead log', () => {
  it('is emptied at the end of every sync, however much the sync wrote', { timeout: 180_000 }, async () => {
    // No checkpointer thread: only the sync's own end-of-run checkpoint can empty the log here.
    const library = openLibrary({ dataDir: newDataDir(), workspace: sim.workspace, backgroundCheckpoints: false })
    try {
      for (const kind of ['full', 'incremental'] as const) {
        sim.mutate({ randomOps: { seed: kind === 'full' ? 1 : 2, count: 20 } })
        expect((await syncWorkspace({ library, client: fastClient(sim), kind, trigger: 'test' })).run.outcome).toBe('success')
        // Folded in and emptied; only the lock's release, written after the checkpoint, may leave a page or two.
        expect(statSync(`${library.path}-wal`).size, kind).toBeLessThan(64 * 1024)
      }
    } finally {
      await library.close()
    }
  })
})
