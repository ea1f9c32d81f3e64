// Another process holding the library's SQLite write lock (another sync, any other writer): the running sync's
// lock heartbeat must not crash the process from its timer, the sync ends with one clear "busy" error instead
// of an internal one, the library stays usable, and a CLI sync started meanwhile exits with one clear line.
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openLibrary, type Library } from '../../../src/main/library/open-library.ts'
import { libraryPath } from '../../../src/main/library/paths.ts'
import { syncWorkspace, type SyncResult } from '../../../src/main/sync/sync-workspace.ts'
import { startSimulator, type Simulator } from '../../../src/sim/server.ts'
import { fastClient, tempDataDir } from './sync-harness.ts'

const CLI = join(import.meta.dirname, '../../../src/cli/main.ts')

let sim: Simulator | null = null
let library: Library | null = null
const holders: ChildProcess[] = []
afterEach(async () => {
  for (const holder of holders.splice(0)) holder.kill('SIGKILL')
  await library?.close()
  library = null
  await sim?.close()
  sim = null
})

/** Another process that takes the write lock (waiting for it up to 10 s) and holds it for `holdMs`. */
function holdWriteLock(path: string, holdMs: number): Promise<void> {
  const script = `const { DatabaseSync } = require('node:sqlite')
const db = new DatabaseSync(${JSON.stringify(path)}, { timeout: 10000 })
db.exec('BEGIN IMMEDIATE')
process.stdout.write('holding\\n')
setTimeout(() => { db.exec('COMMIT'); db.close() }, ${holdMs})`
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  holders.push(child)
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => { if (chunk.toString().includes('holding')) resolve() })
    child.on('exit', (code) => reject(new Error(`lock holder exited early (${code})`)))
  })
}

describe('another process holding the library write lock', () => {
  it('does not crash the sync through its lock heartbeat; the sync ends as busy and the next sync succeeds', async () => {
    sim = await startSimulator({ port: 0, seed: 41, reports: 40, rate: null, latencyMs: 60, pageSize: 5 })
    const dataDir = tempDataDir()
    library = openLibrary({ dataDir, workspace: sim.workspace })
    // Keep the busy waits short in this test (the app waits 5 s).
    library.db.exec('PRAGMA busy_timeout = 300')
    const uncaught: unknown[] = []
    const onUncaught = (error: unknown): void => void uncaught.push(error)
    process.on('uncaughtException', onUncaught)
    try {
      let started!: () => void
      const syncing = new Promise<void>((resolve) => (started = resolve))
      // Settled into an outcome at once: the sync may reject (busy) before the holder's "holding" line reaches
      // this process, and a rejection with no handler yet is reported as unhandled.
      const run: Promise<{ result: SyncResult | null; error: unknown }> = syncWorkspace({
        library, client: fastClient(sim), kind: 'full', trigger: 'test', lockHeartbeatMs: 20,
        onProgress: (p) => { if (p.phase === 'listing') started() },
      }).then((result) => ({ result, error: null }), (error: unknown) => ({ result: null, error }))
      await syncing
      await holdWriteLock(libraryPath(dataDir, sim.workspace), 2_500)
      const outcome = await run
      // Either the run record was written (failed, with the clear error) or even that was refused (thrown).
      const error = outcome.result ? outcome.result.error : outcome.error
      expect(error).toMatchObject({ code: 'sync_in_progress', message: expect.stringMatching(/another process is writing/i) })
      if (outcome.result) expect(outcome.result.run.outcome).toBe('failed')
      expect(uncaught).toEqual([])
    } finally {
      process.off('uncaughtException', onUncaught)
    }
    // Once the other process lets go, the library takes the next sync as if nothing happened.
    for (let i = 0; i < 100 && holders[0]!.exitCode === null; i++) await new Promise((resolve) => setTimeout(resolve, 50))
    const next = await syncWorkspace({ library, client: fastClient(sim), trigger: 'test' })
    expect(next.run.outcome).toBe('success')
  })

  it('makes a CLI sync started meanwhile exit with one clear line', async () => {
    sim = await startSimulator({ port: 0, seed: 42, reports: 10, rate: null, latencyMs: 0 })
    const dataDir = tempDataDir()
    library = openLibrary({ dataDir, workspace: sim.workspace })
    await library.close()
    library = null
    // Held well past the CLI's start-up plus its 5 s busy timeout (the holder is killed when the test ends).
    await holdWriteLock(libraryPath(dataDir, sim.workspace), 25_000)
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MODE_') && k !== 'FORCE_COLOR'))
    const child = spawn(process.execPath, [CLI, 'sync', '--api-base', sim.url, '--workspace', sim.workspace, '--data-dir', dataDir, '--rate', '1000/1'], {
      env: { ...base, NO_COLOR: '1', MODE_TOKEN: sim.token, MODE_PASSWORD: sim.password }, stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    const lines = stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('Syncing '))
    expect(code).not.toBe(0)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/another process is writing to this workspace's library/i)
    expect(lines[0]).not.toMatch(/unexpected|locked|sqlite/i)
  }, 30_000)
})
