// The Electron build emits the sync worker as its own file beside the main entry (electron.vite.config.ts), and
// the built files run: the sync worker syncs a simulator's workspace through the fetch bridge, the library-open worker opens it. The
// build goes to a temp folder under node_modules/.cache (so the bundle's bare imports such as `zod` resolve),
// never to out/, which other commands may be using.
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openLibraryOffThread, openWorkerUrl } from '../../../src/main/library/open-off-thread.ts'
import { runSyncInWorker } from '../../../src/main/sync/run-sync-in-worker.ts'
import { syncWorkerUrl } from '../../../src/main/sync/sync-worker-url.ts'
import { startSimulator, type Simulator } from '../../../src/sim/server.ts'
import { libraryView, tempDataDir, truthView } from './sync-harness.ts'

describe('the built sync worker', () => {
  let outDir: string
  let sim: Simulator
  beforeAll(async () => {
    const cache = resolve('node_modules', '.cache')
    mkdirSync(cache, { recursive: true })
    outDir = mkdtempSync(join(cache, 'mc-built-worker-'))
    const cli = resolve('node_modules', 'electron-vite', 'bin', 'electron-vite.js')
    await promisify(execFile)(process.execPath, [cli, 'build', '--outDir', outDir, '--logLevel', 'error'], { timeout: 120_000 })
    sim = await startSimulator({ port: 0, seed: 31, reports: 40, rate: null, latencyMs: 0 })
  })
  afterAll(async () => {
    await sim?.close()
    if (outDir) rmSync(outDir, { recursive: true, force: true })
  })

  it('sits beside the main entry, where the built code looks for it', () => {
    const main = join(outDir, 'main')
    const files = readdirSync(main)
    expect(files).toContain('index.js')
    expect(files).toContain('sync-worker.js')
    expect(files).toContain('library-open-worker.js')
    // Shared chunks flat in out/main: from any built file, `./sync-worker.js` is the worker.
    expect(files.filter((f) => statSync(join(main, f)).isDirectory())).toEqual([])
    for (const file of files) {
      const from = pathToFileURL(join(main, file)).href
      expect(syncWorkerUrl(from).href).toBe(pathToFileURL(join(main, 'sync-worker.js')).href)
      expect(openWorkerUrl(from).href).toBe(pathToFileURL(join(main, 'library-open-worker.js')).href)
    }
    expect(existsSync(join(outDir, 'preload', 'index.cjs'))).toBe(true)
  })

  it('runs on plain Node and syncs the workspace through the fetch bridge', async () => {
    const dataDir = tempDataDir()
    try {
      let threadId = 0
      const result = await runSyncInWorker({
        dataDir,
        workspace: sim.workspace,
        client: { baseUrl: sim.url, token: sim.token, password: sim.password, workspace: sim.workspace },
        limiter: { requests: 100_000, perMs: 1000, concurrency: 4 },
        sync: { kind: 'full', trigger: 'test' },
        workerUrl: pathToFileURL(join(outDir, 'main', 'sync-worker.js')),
        onStarted: (info) => { threadId = info.threadId },
      })
      expect(result.run.outcome).toBe('success')
      expect(threadId).toBeGreaterThan(0)
      // The built library-open worker checks and opens the synced file.
      const fallbacks: string[] = []
      const library = await openLibraryOffThread({ dataDir, workspace: sim.workspace, workerUrl: pathToFileURL(join(outDir, 'main', 'library-open-worker.js')), onFallback: (why) => fallbacks.push(why) })
      expect(fallbacks).toEqual([])
      try {
        expect(libraryView(library, false)).toEqual(truthView(sim.truth(), false))
      } finally {
        await library.close()
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
