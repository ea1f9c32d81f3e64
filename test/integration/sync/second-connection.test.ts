// The sync worker opens the library beside the app's own connection. Only the app's open may check the file
// and move a damaged one aside: a worker that did so would leave the app writing to the moved copy while a new,
// empty library took its place. So the worker's open (a second connection) never moves, creates or migrates the
// file; damage it meets is noted for the app's next open, which then moves the file aside as usual.
import { closeSync, existsSync, openSync, readdirSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createWorkspaceSession } from '../../../src/main/connection/workspace-session.ts'
import { openLibrary, type Library } from '../../../src/main/library/open-library.ts'
import { libraryPath } from '../../../src/main/library/paths.ts'
import { RateLimiter } from '../../../src/main/mode/rate-limiter.ts'
import { runSessionSync } from '../../../src/main/sync/run-session-sync.ts'
import { tempDataDir } from './sync-harness.ts'
import { suiteSimulator } from './suite-fixtures.ts'

const WORKSPACE = 'acme'
const dirs: string[] = []
afterAll(() => { for (const dir of dirs) rmSync(dir, { recursive: true, force: true }) })
const newDataDir = (): string => {
  const dir = tempDataDir()
  dirs.push(dir)
  return dir
}

/** A library big enough that its middle pages hold report rows, its log folded into the file. */
async function filledLibrary(dataDir: string, workspace = WORKSPACE): Promise<void> {
  const library = openLibrary({ dataDir, workspace })
  library.transaction(() => {
    const insert = library.prepare(`INSERT INTO reports(token, name, description, first_seen_at) VALUES (?, ?, ?, '2025-01-01')`)
    for (let i = 0; i < 3000; i++) insert.run(`r${i}`, `Report ${i}`, 'd'.repeat(300))
  })
  library.truncateWal()
  await library.close()
}

/** Garbage over one page in the middle of the file: the header and the first pages stay readable. */
function damageMiddle(path: string): void {
  const fd = openSync(path, 'r+')
  writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(statSync(path).size / 4096 / 2) * 4096)
  closeSync(fd)
}

const asideFolders = (path: string): string[] => readdirSync(dirname(path)).filter((name) => name.includes('.corrupt-'))

describe('a second connection to a library the app holds', () => {
  it('does not check or move a file that went bad under the app; the app’s next open does', async () => {
    const dataDir = newDataDir()
    await filledLibrary(dataDir)
    const primary = openLibrary({ dataDir, workspace: WORKSPACE })
    const path = primary.path
    const inode = statSync(path).ino
    damageMiddle(path) // after the app's own open checked it

    const second = openLibrary({ dataDir, workspace: WORKSPACE, backgroundCheckpoints: false, secondConnection: true })
    expect(second.damagedCopy).toBeNull()
    expect(asideFolders(path)).toEqual([])
    expect(statSync(path).ino).toBe(inode)
    // Reading the damaged rows fails; the failure is noted for the app's next open.
    expect(() => second.transaction(() => second.prepare('SELECT count(*), sum(length(description)) FROM reports').get())).toThrow(/malformed|corrupt/i)
    expect(existsSync(`${path}.damaged`)).toBe(true)
    await second.close()
    await primary.close()

    const reopened = openLibrary({ dataDir, workspace: WORKSPACE })
    expect(reopened.damagedCopy).not.toBeNull()
    expect(asideFolders(path)).toHaveLength(1)
    expect(reopened.getMeta('needs_full_sync')).not.toBeNull()
    await reopened.close()
  })

  it('never creates a missing library, never opens one mid-move, and never migrates one', async () => {
    const dataDir = newDataDir()
    const second = (): Library => openLibrary({ dataDir, workspace: WORKSPACE, backgroundCheckpoints: false, secondConnection: true })
    expect(second).toThrow(/missing/)
    expect(existsSync(libraryPath(dataDir, WORKSPACE))).toBe(false)

    await filledLibrary(dataDir)
    const path = libraryPath(dataDir, WORKSPACE)
    writeFileSync(`${path}.damaged`, JSON.stringify({ folder: `${path}.corrupt-x`, movedAt: '2025-01-01T00:00:00Z' }))
    expect(second).toThrow(/moved aside/)
    rmSync(`${path}.damaged`)

    // A schema this build does not expect (an older file the app's open has not upgraded yet) is refused as is.
    expect(() => openLibrary({ dataDir, workspace: WORKSPACE, backgroundCheckpoints: false, secondConnection: true, migrations: [] })).toThrow(/schema is version/)
    const library = second()
    expect(library.prepare('SELECT count(*) AS n FROM reports').get()).toEqual({ n: 3000 })
    await library.close()
  })
})

describe('the app’s sync worker', () => {
  const suite = suiteSimulator({ seed: 31, reports: 30 })

  it('leaves a library that went bad under the app where it is, for the app to move aside', async () => {
    const dataDir = newDataDir()
    await filledLibrary(dataDir, suite.sim.workspace)
    // The app's wiring: the session holds the library open, and its sync runs in a worker thread.
    const library = openLibrary({ dataDir, workspace: suite.sim.workspace })
    const inode = statSync(library.path).ino
    damageMiddle(library.path)
    const session = createWorkspaceSession({
      workspace: suite.sim.workspace, apiBase: `${suite.sim.url}/api`, isSample: false, library,
      credentials: { token: suite.sim.token, password: suite.sim.password },
      limiter: new RateLimiter({ requests: 100_000, perMs: 1000, concurrency: 4 }),
    })
    let where: unknown = null
    // Whatever the sync makes of the damage (it may fail, or never touch the bad page), it must not move the file.
    await runSessionSync({ target: session, dataDir, sync: { kind: 'full', trigger: 'test' }, onStarted: (w) => { where = w } }).catch(() => null)
    expect(where).toMatchObject({ threadId: expect.any(Number) })
    expect(asideFolders(library.path)).toEqual([])
    expect(statSync(library.path).ino).toBe(inode)
    // The app's own connection still works on the file it opened.
    expect(library.prepare('SELECT count(*) AS n FROM collections').get()).toBeTruthy()
    await library.close()
  })
})
