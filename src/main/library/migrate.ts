// Brings a library's schema up to date. Each migration (migrations/NNN-*.ts) is applied in its own transaction
// together with the record of it — its version, name and the sha-256 of its SQL in `schema_migrations` — and
// `PRAGMA user_version`, so a crash mid-upgrade leaves the previous version intact and the next open resumes.
// The recorded checksums catch a shipped migration that was edited afterwards: the library it already upgraded
// would silently differ from a new one, so such a library is refused with a message naming the step.
import { createHash } from 'node:crypto'
import type { DatabaseSync } from 'node:sqlite'
import { AppFailure } from '../../shared/errors.ts'
import { rebuildSearchIndex } from '../search/index-writer.ts'
import { isCorruption } from './corruption.ts'
import { migrations as shippedMigrations } from './migrations/index.ts'

export interface Migration {
  /** 1, 2, 3 … in order; the file is named after it (004-….ts). */
  version: number
  /** What the migration does, for error messages. */
  name: string
  /** The schema change. Its checksum is recorded; never edit it once shipped. */
  sql: string
}

/** Meta key a migration sets when the search index must be rebuilt with the current code after every step is in. */
const SEARCH_STALE_KEY = 'search_index_stale'

export function migrationChecksum(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex')
}

export function migrateDatabase(db: DatabaseSync, migrations: readonly Migration[] = shippedMigrations): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration "${m.name}" is number ${m.version} but sits at position ${i + 1}`)
  })
  const current = Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version)
  if (current > migrations.length) {
    throw new AppFailure(
      'library_error',
      `This library was written by a newer version of Mode Companion (schema ${current}; this version understands up to ${migrations.length}).`,
      'Update Mode Companion to the latest version, or choose a different data folder.',
    )
  }
  if (current > 0 && !hasTable(db, 'schema_migrations')) inTransaction(db, () => recordUnrecorded(db, migrations, current))
  verifyChecksums(db, migrations, current)
  for (let version = current + 1; version <= migrations.length; version++) {
    const migration = migrations[version - 1]!
    try {
      inTransaction(db, () => {
        if (version === 1) createRecordTable(db)
        db.exec(migration.sql)
        record(db, migration)
        db.exec(`PRAGMA user_version = ${version}`)
      })
    } catch (error) {
      if (isCorruption(error)) throw error
      throw new AppFailure('library_error', `Could not upgrade the library (step ${version}: ${migration.name}).`, 'Restart Mode Companion; if it keeps failing, report the problem.', { cause: error })
    }
  }
  rebuildSearchIndexIfStale(db)
}

/**
 * Migrations that change what the search index holds flag it rather than rebuild it themselves: the rebuild
 * runs the current indexing code, which may read columns that only a later migration adds.
 */
function rebuildSearchIndexIfStale(db: DatabaseSync): void {
  if (!hasTable(db, 'search_docs')) return
  const flagged = db.prepare('SELECT 1 FROM meta WHERE key = ?').get(SEARCH_STALE_KEY)
  if (!flagged) return
  inTransaction(db, () => {
    rebuildSearchIndex(db)
    db.prepare('DELETE FROM meta WHERE key = ?').run(SEARCH_STALE_KEY)
  })
}

function createRecordTable(db: DatabaseSync): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    checksum   TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`)
}

function record(db: DatabaseSync, migration: Migration): void {
  db.prepare('INSERT OR REPLACE INTO schema_migrations(version, name, checksum, applied_at) VALUES (?, ?, ?, ?)')
    .run(migration.version, migration.name, migrationChecksum(migration), new Date().toISOString())
}

/** Libraries upgraded before checksums were recorded: their applied steps are taken as they are now. */
function recordUnrecorded(db: DatabaseSync, migrations: readonly Migration[], current: number): void {
  createRecordTable(db)
  for (const migration of migrations.slice(0, current)) record(db, migration)
}

function verifyChecksums(db: DatabaseSync, migrations: readonly Migration[], current: number): void {
  if (current === 0) return
  const rows = db.prepare('SELECT version, checksum FROM schema_migrations WHERE version <= ? ORDER BY version').all(current) as Array<{ version: number; checksum: string }>
  for (const row of rows) {
    const migration = migrations[Number(row.version) - 1]!
    if (row.checksum === migrationChecksum(migration)) continue
    throw new AppFailure(
      'library_error',
      `This library was upgraded by a different build of Mode Companion (step ${row.version}: ${migration.name} differs).`,
      'Use the version of Mode Companion that last opened it, or choose a different data folder.',
    )
  }
}

function hasTable(db: DatabaseSync, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined
}

function inTransaction(db: DatabaseSync, fn: () => void): void {
  db.exec('BEGIN IMMEDIATE')
  try {
    fn()
    db.exec('COMMIT')
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK')
    throw error
  }
}
