import { mkdtempSync, readdirSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { AppFailure } from '../../../src/shared/errors.ts'
import { defaultDataDir, getStats, libraryPath, migrations, openLibrary } from '../../../src/main/library/index.ts'

const tempDir = () => mkdtempSync(join(tmpdir(), 'mc-lib-'))

describe('openLibrary', () => {
  it('creates one database per workspace under <dataDir>/libraries with every migration applied', async () => {
    const dataDir = tempDir()
    const library = openLibrary({ dataDir, workspace: 'acme' })
    expect(library.path).toBe(join(dataDir, 'libraries', 'acme.sqlite'))
    const version = library.db.prepare('PRAGMA user_version').get() as { user_version: number }
    expect(version.user_version).toBe(migrations.length)
    expect((library.db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal')
    expect((library.db.prepare('PRAGMA foreign_keys').get() as { foreign_keys: number }).foreign_keys).toBe(1)
    expect(getStats(library)).toMatchObject({ workspace: 'acme', reports: 0, lastSyncedAt: null })
    await library.close()
    // Reopening keeps the data and applies nothing twice.
    const again = openLibrary({ dataDir, workspace: 'acme' })
    expect(again.damagedCopy).toBeNull()
    await again.close()
  })

  it('refuses a library written by a newer app with a clear library_error', async () => {
    const dataDir = tempDir()
    await openLibrary({ dataDir, workspace: 'acme' }).close()
    const raw = new DatabaseSync(libraryPath(dataDir, 'acme'))
    raw.exec(`PRAGMA user_version = ${migrations.length + 5}`)
    raw.close()
    let caught: unknown
    try {
      openLibrary({ dataDir, workspace: 'acme' })
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(AppFailure)
    expect((caught as AppFailure).code).toBe('library_error')
    expect((caught as AppFailure).message).toMatch(/newer version/)
  })

  it('applies each migration in its own transaction: a failing step leaves the previous version intact', async () => {
    const dataDir = tempDir()
    const extra = [
      ...migrations,
      { version: migrations.length + 1, name: 'add notes', sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)' },
      { version: migrations.length + 2, name: 'broken', sql: 'CREATE TABLE half_done (id INTEGER); INSERT INTO no_such_table VALUES (1)' },
    ]
    let caught: unknown
    try {
      openLibrary({ dataDir, workspace: 'acme', migrations: extra })
    } catch (error) {
      caught = error
    }
    expect((caught as AppFailure).code).toBe('library_error')
    expect((caught as AppFailure).message).toMatch(/step \d+: broken/)
    const raw = new DatabaseSync(libraryPath(dataDir, 'acme'))
    expect((raw.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(migrations.length + 1)
    const tables = (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name)
    expect(tables).toContain('notes')
    expect(tables).not.toContain('half_done')
    raw.close()
  })

  it('moves a corrupt file aside (never deletes it) and starts a fresh library flagged for a full sync', async () => {
    const dataDir = tempDir()
    mkdirSync(join(dataDir, 'libraries'), { recursive: true })
    const path = libraryPath(dataDir, 'acme')
    writeFileSync(path, 'this is not a database '.repeat(200))
    const library = openLibrary({ dataDir, workspace: 'acme', now: () => new Date('2025-03-04T05:06:07Z') })
    const folder = join(dataDir, 'libraries', 'acme.sqlite.corrupt-2025-03-04T05-06-07-000Z')
    expect(library.damagedCopy).toEqual({ folder, movedAt: '2025-03-04T05:06:07.000Z' })
    expect(library.getMeta('needs_full_sync')).not.toBeNull()
    expect(readdirSync(folder)).toEqual(['acme.sqlite'])
    expect(readFileSync(join(folder, 'acme.sqlite'), 'utf8')).toMatch(/^this is not a database/)
    await library.close()
  })

  it('rolls back a failed transaction and keeps nested savepoints independent', async () => {
    const library = openLibrary({ dataDir: tempDir(), workspace: 'acme' })
    expect(() =>
      library.transaction(() => {
        library.setMeta('a', '1')
        throw new Error('boom')
      }),
    ).toThrow('boom')
    expect(library.getMeta('a')).toBeNull()
    library.transaction(() => {
      library.setMeta('outer', '1')
      expect(() => library.transaction(() => { library.setMeta('inner', '1'); throw new Error('inner') })).toThrow('inner')
    })
    expect(library.getMeta('outer')).toBe('1')
    expect(library.getMeta('inner')).toBeNull()
    await library.close()
  })
})

describe('defaultDataDir', () => {
  it('matches Electron userData for "Mode Companion" on each platform', async () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x/cfg' }, 'linux')).toBe('/x/cfg/Mode Companion')
    expect(defaultDataDir({}, 'linux')).toMatch(/\.config\/Mode Companion$/)
    expect(defaultDataDir({}, 'darwin')).toMatch(/Library\/Application Support\/Mode Companion$/)
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toContain('Mode Companion')
  })
})
