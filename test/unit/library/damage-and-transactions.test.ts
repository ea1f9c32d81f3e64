// What a failing disk or a damaged file does to a library: a failed COMMIT leaves the connection usable and the
// real error visible; damage past the header is found at open, the file moved aside with its companions (kept,
// where the user can find it) and the library rebuilt; a corruption error seen while open is checked at the next
// open; the log shrinks after a sync; and the files are private to the user.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { libraryPath, openLibrary } from '../../../src/main/library/index.ts'
import { damageMiddle, fill, tempDirs } from './library-fixtures.ts'
import { noteIfCorruption } from '../../../src/main/library/damage.ts'

const tempDir = tempDirs('mc-damage-')

describe('a failed COMMIT', () => {
  it('rolls back once, rethrows the real error and leaves the library usable', async () => {
    const library = openLibrary({ dataDir: tempDir(), workspace: 'acme' })
    // A deferred foreign key is checked at COMMIT: the COMMIT itself fails, as it does on a full disk.
    const failing = (): void => library.transaction(() => {
      library.db.exec('PRAGMA defer_foreign_keys = ON')
      library.prepare(`INSERT INTO queries(token, report_token, raw_query) VALUES ('q1', 'no-such-report', 'select 1')`).run()
    })
    expect(failing).toThrow(/FOREIGN KEY constraint failed/)
    expect(failing).toThrow(/FOREIGN KEY constraint failed/)
    expect(library.db.isTransaction).toBe(false)
    library.transaction(() => library.transaction(() => library.setMeta('after', 'ok')))
    expect(library.getMeta('after')).toBe('ok')
    expect(library.prepare('SELECT count(*) AS n FROM queries').get()).toEqual({ n: 0 })
    await library.close()
  })
})

describe('a damaged library file', () => {
  it('is found at open even when the damage is past the header, moved aside whole and rebuilt', async () => {
    const dataDir = tempDir()
    const first = openLibrary({ dataDir, workspace: 'acme' })
    fill(first, 3000)
    first.truncateWal()
    await first.close()
    const path = libraryPath(dataDir, 'acme')
    damageMiddle(path)
    const damagedBytes = readFileSync(path)
    // The damage is past the header: a plain open and a first read still work.
    const raw = new DatabaseSync(path)
    expect(raw.prepare('SELECT count(*) AS n FROM sqlite_master').get()).toBeTruthy()
    raw.close()

    const library = openLibrary({ dataDir, workspace: 'acme', now: () => new Date('2025-06-01T10:00:00Z') })
    expect(library.damagedCopy?.folder).toBe(`${path}.corrupt-2025-06-01T10-00-00-000Z`)
    expect(readFileSync(join(library.damagedCopy!.folder, 'acme.sqlite')).equals(damagedBytes)).toBe(true)
    expect(library.getMeta('needs_full_sync')).not.toBeNull()
    expect(library.prepare('SELECT count(*) AS n FROM reports').get()).toEqual({ n: 0 })
    expect(readdirSync(join(dataDir, 'libraries')).filter((f) => f.endsWith('.damaged'))).toEqual([])
    await library.close()
  })

  it('a corruption error seen while open is checked thoroughly at the next open; a false alarm keeps the file', async () => {
    const dataDir = tempDir()
    const library = openLibrary({ dataDir, workspace: 'acme' })
    fill(library, 10)
    const error = Object.assign(new Error('database disk image is malformed'), { errcode: 11 })
    expect(() => library.transaction(() => { throw error })).toThrow(error)
    expect(existsSync(`${library.path}.damaged`)).toBe(true)
    await library.close()
    // The file is in fact sound (integrity_check passes): kept, and the marker cleared.
    const again = openLibrary({ dataDir, workspace: 'acme' })
    expect(again.damagedCopy).toBeNull()
    expect(again.prepare('SELECT count(*) AS n FROM reports').get()).toEqual({ n: 10 })
    expect(existsSync(`${again.path}.damaged`)).toBe(false)
    await again.close()
    noteIfCorruption(again.path, new Error('disk I/O error'))
    expect(existsSync(`${again.path}.damaged`)).toBe(false)
  })
})

describe('the write-ahead log', () => {
  it('has a size limit and is emptied by truncateWal (the end of a sync)', async () => {
    const library = openLibrary({ dataDir: tempDir(), workspace: 'acme', backgroundCheckpoints: false })
    expect(library.db.prepare('PRAGMA journal_size_limit').get()).toEqual({ journal_size_limit: 64 * 1024 * 1024 })
    fill(library, 5000)
    expect(statSync(`${library.path}-wal`).size).toBeGreaterThan(1_000_000)
    library.truncateWal()
    expect(statSync(`${library.path}-wal`).size).toBe(0)
    await library.close()
  })
})

describe.skipIf(process.platform === 'win32')('file modes', () => {
  it('keep the library, its log and its folders private to the user', async () => {
    const dataDir = join(tempDir(), 'data')
    const library = openLibrary({ dataDir, workspace: 'acme' })
    fill(library, 10)
    const mode = (p: string): number => statSync(p).mode & 0o777
    expect(mode(dataDir)).toBe(0o700)
    expect(mode(join(dataDir, 'libraries'))).toBe(0o700)
    for (const suffix of ['', '-wal', '-shm']) expect(mode(library.path + suffix), suffix || 'database').toBe(0o600)
    await library.close()
  })
})
