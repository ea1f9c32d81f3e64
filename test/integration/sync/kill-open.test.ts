// The kill test for what happens at open: a process killed with SIGKILL at random instants while it migrates a
// library of the first released schema, or while it moves a damaged file aside. Every time, the next open works,
// a migrated library keeps every report, and a damaged file is kept whole, in one folder, beside a new library.
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { libraryPath } from '../../../src/main/library/paths.ts'
import { migrations } from '../../../src/main/library/migrations/index.ts'
import { openLibrary } from '../../../src/main/library/open-library.ts'
import { Rng } from '../../../src/sim/prng.ts'
import { generateWorkspace } from '../../../src/sim/generator.ts'
import { loadTruthIntoLibrary } from '../../fixtures/relevance/truth-library.ts'
import { firstReleaseSql } from '../../fixtures/library/first-release-schema.ts'
import { runKillable } from './killable-child.ts'
import { tempDataDir } from './sync-harness.ts'

const CHILD = join(import.meta.dirname, 'open-child.ts')
const KILLS = 8
const WORKSPACE = 'acme'

/** A library file as the first release left it, with `reports` reports (search index not built yet). */
function firstReleaseLibrary(reports: number): { file: string; reports: number } {
  const file = join(tempDataDir(), 'v1.sqlite')
  const db = new DatabaseSync(file)
  db.exec(firstReleaseSql())
  db.exec('PRAGMA user_version = 1')
  loadTruthIntoLibrary(db, generateWorkspace({ seed: 11, reports, queriesPerReport: 2 }))
  db.close()
  return { file, reports }
}

/** A sound library with data and a page of garbage in the middle, and a -wal beside it. */
function damagedLibrary(): string {
  const dataDir = tempDataDir()
  const path = libraryPath(dataDir, WORKSPACE)
  mkdirSync(join(dataDir, 'libraries'), { recursive: true })
  const db = new DatabaseSync(path)
  db.exec('PRAGMA journal_mode = WAL; CREATE TABLE t (x TEXT)')
  const insert = db.prepare('INSERT INTO t VALUES (?)')
  db.exec('BEGIN')
  for (let i = 0; i < 3000; i++) insert.run('x'.repeat(300))
  db.exec('COMMIT; PRAGMA wal_checkpoint(TRUNCATE)')
  db.close()
  const fd = openSync(path, 'r+')
  writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(statSync(path).size / 8192) * 4096)
  closeSync(fd)
  return path
}

async function killedAtRandom(setUp: () => string, check: (dataDir: string) => Promise<void>, seed: number): Promise<number> {
  const rng = new Rng(seed)
  const probe = await runKillable(CHILD, { dataDir: setUp(), workspace: WORKSPACE }, 'opening', null)
  expect(probe.output).toContain('opened')
  let kills = 0
  for (let attempt = 0; kills < KILLS && attempt < KILLS * 4; attempt++) {
    const dataDir = setUp()
    const outcome = await runKillable(CHILD, { dataDir, workspace: WORKSPACE }, 'opening', Math.floor(rng.next() * probe.workMs))
    if (outcome.killed) kills++
    await check(dataDir)
  }
  return kills
}

// The loops are bounded (at most KILLS × 4 children); the time-out only catches a hang. 54 s in a full
// integration run at load 12, it took 151 s at load 18 (under nice 19): the time-out is well above that.
const KILL_LOOP_TIMEOUT_MS = 300_000

describe('a process killed while opening a library', () => {
  it(`mid-migration (at ${KILLS} random moments): the next open finishes it and keeps every report`, { timeout: KILL_LOOP_TIMEOUT_MS }, async () => {
    const base = firstReleaseLibrary(1500)
    const setUp = (): string => {
      const dataDir = tempDataDir()
      mkdirSync(join(dataDir, 'libraries'), { recursive: true })
      copyFileSync(base.file, libraryPath(dataDir, WORKSPACE))
      return dataDir
    }
    const kills = await killedAtRandom(setUp, async (dataDir) => {
      const library = openLibrary({ dataDir, workspace: WORKSPACE })
      try {
        expect(library.damagedCopy).toBeNull()
        expect(library.db.prepare('PRAGMA user_version').get()).toEqual({ user_version: migrations.length })
        expect(library.prepare('SELECT count(*) AS n FROM reports').get()).toEqual({ n: base.reports })
        expect(library.prepare('SELECT count(*) AS n FROM search_docs').get()).toEqual({ n: base.reports })
      } finally {
        await library.close()
      }
    }, 7001)
    expect(kills).toBe(KILLS)
  })

  it(`while moving a damaged file aside (at ${KILLS} random moments): the file is kept whole in one folder`, { timeout: KILL_LOOP_TIMEOUT_MS }, async () => {
    let original = Buffer.alloc(0)
    const setUp = (): string => {
      const path = damagedLibrary()
      original = readFileSync(path)
      return join(path, '..', '..')
    }
    const kills = await killedAtRandom(setUp, async (dataDir) => {
      const library = openLibrary({ dataDir, workspace: WORKSPACE })
      try {
        expect(library.prepare('SELECT count(*) AS n FROM reports').get()).toEqual({ n: 0 })
        expect(library.getMeta('needs_full_sync')).not.toBeNull()
      } finally {
        await library.close()
      }
      const dir = join(dataDir, 'libraries')
      const folders = readdirSync(dir).filter((n) => n.includes('.corrupt-'))
      expect(folders).toHaveLength(1)
      expect(readFileSync(join(dir, folders[0]!, `${WORKSPACE}.sqlite`)).equals(original)).toBe(true)
      expect(existsSync(`${libraryPath(dataDir, WORKSPACE)}.damaged`)).toBe(false)
    }, 7002)
    expect(kills).toBeGreaterThan(0)
  })

  it('a move killed after its first rename is finished into the same folder by the next open', async () => {
    const path = damagedLibrary()
    const original = readFileSync(path)
    const folder = `${path}.corrupt-2025-01-01T00-00-00-000Z`
    mkdirSync(folder)
    // As the move leaves things between its renames: marker written, the log already in the folder.
    writeFileSync(join(folder, `${WORKSPACE}.sqlite-wal`), '')
    const marker = { folder, movedAt: '2025-01-01T00:00:00.000Z' }
    writeFileSync(`${path}.damaged`, JSON.stringify(marker))
    const library = openLibrary({ dataDir: join(path, '..', '..'), workspace: WORKSPACE })
    expect(library.damagedCopy).toEqual(marker)
    await library.close()
    expect(readdirSync(folder).sort()).toEqual([`${WORKSPACE}.sqlite`, `${WORKSPACE}.sqlite-wal`])
    expect(readFileSync(join(folder, `${WORKSPACE}.sqlite`)).equals(original)).toBe(true)
  })
})
