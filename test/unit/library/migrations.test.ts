// The migration scheme: one numbered file per migration, all of them listed in order, each recorded with the
// checksum of its SQL; a library upgraded before checksums were recorded gets them, and a shipped migration
// edited afterwards is refused instead of leaving that library silently different from a new one.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterAll, describe, expect, it } from 'vitest'
import { AppFailure } from '../../../src/shared/errors.ts'
import { libraryPath, migrations, openLibrary } from '../../../src/main/library/index.ts'
import { migrationChecksum } from '../../../src/main/library/migrate.ts'
import type { Migration } from '../../../src/main/library/migrate.ts'

const dir = mkdtempSync(join(tmpdir(), 'mc-migrations-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const folder = new URL('../../../src/main/library/migrations/', import.meta.url)

async function openError(workspace: string, list?: readonly Migration[]): Promise<AppFailure> {
  try {
    await openLibrary({ dataDir: dir, workspace, migrations: list }).close()
  } catch (error) {
    return error as AppFailure
  }
  throw new Error('expected openLibrary to fail')
}

describe('library migrations', () => {
  it('are one numbered file each, every file listed in order with the version its name says', async () => {
    const files = readdirSync(folder).filter((f) => f !== 'index.ts').sort()
    expect(files.every((f) => /^\d{3}-[a-z0-9-]+\.ts$/.test(f))).toBe(true)
    expect(migrations.map((m) => m.version)).toEqual(files.map((_, i) => i + 1))
    for (const [i, file] of files.entries()) {
      const { migration } = (await import(new URL(file, folder).href)) as { migration: Migration }
      expect(Number(file.slice(0, 3)), file).toBe(migration.version)
      expect(migrations[i]).toBe(migration)
    }
  })

  it('record each applied step with the checksum of its SQL', async () => {
    const library = openLibrary({ dataDir: dir, workspace: 'recorded' })
    const rows = library.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all()
    await library.close()
    expect(rows).toEqual(migrations.map((m) => ({ version: m.version, name: m.name, checksum: migrationChecksum(m) })))
  })

  it('give a library upgraded before checksums existed its records, then apply the rest', async () => {
    const early = openLibrary({ dataDir: dir, workspace: 'legacy', migrations: migrations.slice(0, 3) })
    early.db.exec('DROP TABLE schema_migrations')
    await early.close()
    const library = openLibrary({ dataDir: dir, workspace: 'legacy' })
    const versions = library.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as Array<{ version: number }>
    const userVersion = (library.prepare('PRAGMA user_version').get() as { user_version: number }).user_version
    await library.close()
    expect(versions.map((v) => v.version)).toEqual(migrations.map((m) => m.version))
    expect(userVersion).toBe(migrations.length)
  })

  it('refuse a library whose applied step was edited since, naming the step, and leave it untouched', async () => {
    await openLibrary({ dataDir: dir, workspace: 'edited' }).close()
    const edited = migrations.map((m) => (m.version === 2 ? { ...m, sql: `${m.sql}\nCREATE TABLE sneaky (id INTEGER);` } : m))
    const error = await openError('edited', edited)
    expect(error).toBeInstanceOf(AppFailure)
    expect(error.code).toBe('library_error')
    expect(error.message).toMatch(/step 2: search index/)
    const raw = new DatabaseSync(libraryPath(dir, 'edited'))
    const sneaky = raw.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sneaky'").get()
    raw.close()
    expect(sneaky).toBeUndefined()
  })

  it('refuse a list whose numbers do not follow their order', async () => {
    const swapped = [migrations[1]!, migrations[0]!, ...migrations.slice(2)]
    expect(() => openLibrary({ dataDir: dir, workspace: 'swapped', migrations: swapped })).toThrow(/number 2 but sits at position 1/)
  })
})
