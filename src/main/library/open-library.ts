// Opens (or creates) the SQLite library of one workspace: WAL, foreign keys, a busy timeout, an integrity check,
// migrations (migrate.ts), the prepared-statement cache and transactions. A damaged file is moved aside (never
// deleted, see damage.ts) and replaced by an empty library flagged for a full sync. Folders are 0700 and files
// 0600 (file-modes.ts).
import { existsSync } from 'node:fs'
import { dirname } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import type { StatementSync } from 'node:sqlite'
import { AppFailure } from '../../shared/errors.ts'
import { isCorruption } from './corruption.ts'
import { clearMarker, moveAside, noteIfCorruption, readMarker } from './damage.ts'
import type { DamagedCopy } from './damage.ts'
import { ensurePrivateDatabaseFiles, ensurePrivateDir } from './file-modes.ts'
import { migrateDatabase } from './migrate.ts'
import type { Migration } from './migrate.ts'
import { migrations as defaultMigrations } from './migrations/index.ts'
import { forgetStatements, prepareCached } from './statement-cache.ts'
import { libraryPath } from './paths.ts'
import { assertFtsAvailable } from './fts-check.ts'
import { createTransactionRunner } from './transaction.ts'
import { startWalCheckpointer } from './wal-checkpointer.ts'

export type { DamagedCopy } from './damage.ts'

export interface Library {
  readonly db: DatabaseSync
  readonly path: string
  readonly workspace: string
  /** Set when the file on disk was damaged and moved aside at this open; the next sync is full. */
  readonly damagedCopy: DamagedCopy | null
  /** A cached prepared statement for this SQL text. */
  prepare(sql: string): StatementSync
  /** Runs fn in one transaction (BEGIN IMMEDIATE); nested calls become savepoints. Rolls back on throw (transaction.ts). */
  transaction<T>(fn: () => T): T
  getMeta(key: string): string | null
  setMeta(key: string, value: string | null): void
  /** Folds the whole write-ahead log into the database and empties it (the end of a sync). */
  truncateWal(): void
  /**
   * Closes the connection at once and resolves when no thread of this library holds the file any more (its WAL
   * checkpointer has closed its connection and exited): deleting or moving the file is safe after that.
   */
  close(): Promise<void>
}

export interface OpenLibraryOptions {
  dataDir: string
  workspace: string
  /** For tests of the upgrade path; the app always uses the shipped list. */
  migrations?: readonly Migration[]
  /** Clock for the `.corrupt-<timestamp>` folder of a damaged file. */
  now?: () => Date
  /** Run WAL checkpoints in a worker thread so commits never stall on an fsync (default true). */
  backgroundCheckpoints?: boolean
  /**
   * Another connection of this app (the sync worker's) to a library the app's primary open has already checked
   * and migrated, and still holds: this one never creates, checks, migrates or moves the file, since moving it
   * aside would leave the primary connection writing to the moved copy. Damage it meets is noted for the
   * primary's next open (damage.ts) and reported as an error.
   */
  secondConnection?: boolean
  /**
   * A worker thread has just done this open's expensive part on the file (openLibraryOffThread): created it,
   * checked it, moved a damaged one aside, migrated it. This open only connects, after checking that the schema
   * is current and no damage was noted since; anything else falls back to the full open.
   */
  prepared?: { damagedCopy: DamagedCopy | null }
}

export function openLibrary(options: OpenLibraryOptions): Library {
  assertFtsAvailable()
  const path = libraryPath(options.dataDir, options.workspace)
  if (options.secondConnection) return openSecondConnection(path, options)
  const prepared = options.prepared ? openPrepared(path, options, options.prepared.damagedCopy) : null
  if (prepared) return prepared
  ensurePrivateDir(options.dataDir)
  ensurePrivateDir(dirname(path))
  const migrations = options.migrations ?? defaultMigrations
  let damagedCopy: DamagedCopy | null = null
  let db: DatabaseSync
  try {
    db = openAndMigrate(path, migrations)
  } catch (error) {
    if (!isCorruption(error)) throw error
    damagedCopy = moveAside(path, (options.now ?? (() => new Date()))())
    db = openAndMigrate(path, migrations, true)
  }
  const checkpointer = options.backgroundCheckpoints === false ? null : startWalCheckpointer(db, path)
  const library = createLibrary(db, path, options.workspace, damagedCopy, async () => checkpointer?.release())
  if (damagedCopy) {
    library.setMeta('needs_full_sync', 'damaged file moved aside')
    library.setMeta(DAMAGED_COPY_KEY, JSON.stringify(damagedCopy))
    clearMarker(path) // the move is complete only now (see damage.ts)
  }
  return library
}

function openSecondConnection(path: string, options: OpenLibraryOptions): Library {
  const unusable = (why: string, cause?: unknown): AppFailure =>
    new AppFailure('library_error', `The library could not be opened for this sync: ${why}.`, 'Restart Mode Companion; it checks the library file when it starts.', cause === undefined ? undefined : { cause })
  // No file, or a move aside under way: the primary open owns both cases (this open must not create a file).
  if (!existsSync(path)) throw unusable('the library file is missing')
  if (readMarker(path)?.folder) throw unusable('the library file is being moved aside as damaged')
  let db: DatabaseSync | null = null
  try {
    db = new DatabaseSync(path, { timeout: 5000 })
    configureConnection(db) // journal_mode is the file's, set by the primary open
    const version = schemaVersion(db)
    const expected = (options.migrations ?? defaultMigrations).length
    if (version !== expected) throw unusable(`its schema is version ${version}, not ${expected}`)
  } catch (error) {
    try {
      db?.close()
    } catch {
      // already unusable; the original error is what matters
    }
    if (error instanceof AppFailure) throw error
    noteIfCorruption(path, error)
    throw unusable(isCorruption(error) ? 'the file is damaged' : 'SQLite refused it', error)
  }
  const checkpointer = options.backgroundCheckpoints === false ? null : startWalCheckpointer(db, path)
  return createLibrary(db, path, options.workspace, null, async () => checkpointer?.release())
}

/** The connection to a file prepared by a worker (see `prepared`), or null when the full open must run instead. */
function openPrepared(path: string, options: OpenLibraryOptions, damagedCopy: DamagedCopy | null): Library | null {
  if (!existsSync(path) || readMarker(path) !== null) return null
  ensurePrivateDatabaseFiles(path)
  let db: DatabaseSync | null = null
  try {
    db = new DatabaseSync(path, { timeout: 5000 })
    db.exec('PRAGMA journal_mode = WAL')
    configureConnection(db)
    if (schemaVersion(db) !== (options.migrations ?? defaultMigrations).length) throw new Error('not the current schema')
  } catch {
    try {
      db?.close()
    } catch {
      // the full open that follows reports what matters
    }
    return null
  }
  const checkpointer = options.backgroundCheckpoints === false ? null : startWalCheckpointer(db, path)
  return createLibrary(db, path, options.workspace, damagedCopy, async () => checkpointer?.release())
}

const schemaVersion = (db: DatabaseSync): number => Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version)

/** Meta key of the last damaged copy moved aside: shown to the user until a full sync has rebuilt the library. */
export const DAMAGED_COPY_KEY = 'damaged_copy'

/** A check found damage past the header: handled exactly like SQLite's own corruption errors. */
class DamagedFileError extends Error {
  readonly errcode = 11 // SQLITE_CORRUPT
}

const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024

function openAndMigrate(path: string, migrations: readonly Migration[], afterMove = false): DatabaseSync {
  const marker = afterMove ? null : readMarker(path)
  if (marker?.folder) throw new DamagedFileError('a move of this damaged file was interrupted')
  ensurePrivateDatabaseFiles(path)
  const db = new DatabaseSync(path, { timeout: 5000 })
  try {
    db.exec('PRAGMA journal_mode = WAL')
    configureConnection(db)
    checkIntegrity(db, marker ? 'integrity_check' : 'quick_check')
    if (marker) clearMarker(path)
    migrateDatabase(db, migrations)
    ensurePrivateDatabaseFiles(path)
    return db
  } catch (error) {
    try {
      db.close()
    } catch {
      // already unusable; the original error is what matters
    }
    throw error
  }
}

/** What every connection of a library sets for itself. */
function configureConnection(db: DatabaseSync): void {
  db.exec('PRAGMA foreign_keys = ON')
  db.exec('PRAGMA synchronous = NORMAL')
  // After a checkpoint resets the log, SQLite truncates it to this size instead of keeping its peak size.
  db.exec(`PRAGMA journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`)
}

/**
 * Damage past the header reads fine until a query touches it, then gives permanent errors or wrong results, so
 * every open checks the whole file (quick_check: page structure and record format, linear in the file size);
 * after a corruption error was seen while open, integrity_check also compares every index with its table.
 */
function checkIntegrity(db: DatabaseSync, pragma: 'quick_check' | 'integrity_check'): void {
  const rows = db.prepare(`PRAGMA ${pragma}(1)`).all() as Array<Record<string, unknown>>
  const verdict = rows.map((r) => String(Object.values(r)[0])).join('; ')
  if (verdict !== 'ok') throw new DamagedFileError(`database disk image is malformed (${pragma}: ${verdict.slice(0, 200)})`)
}

function createLibrary(db: DatabaseSync, path: string, workspace: string, damagedCopy: DamagedCopy | null, releaseFile: () => Promise<void>): Library {
  let closed: Promise<void> | null = null
  const prepare = (sql: string): StatementSync => prepareCached(db, sql)
  const library: Library = {
    db,
    path,
    workspace,
    damagedCopy,
    prepare,
    transaction: createTransactionRunner(db, (error) => noteIfCorruption(path, error)),
    getMeta(key) {
      const row = prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string | null } | undefined
      return row?.value ?? null
    },
    setMeta(key, value) {
      if (value === null) prepare('DELETE FROM meta WHERE key = ?').run(key)
      else prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value)
    },
    truncateWal() {
      try {
        db.exec('PRAGMA wal_checkpoint(TRUNCATE)')
      } catch (error) {
        // Readers still on an old snapshot (busy) leave the log for the next checkpoint; damage is noted.
        noteIfCorruption(path, error)
      }
    },
    close() {
      if (!closed) {
        forgetStatements(db)
        if (db.isOpen) db.close()
        closed = releaseFile()
      }
      return closed
    },
  }
  return library
}
