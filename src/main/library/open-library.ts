// Opens (or creates) the SQLite library of one workspace: WAL, foreign keys, a busy timeout, migrations by
// `PRAGMA user_version`, a prepared-statement cache and transactions. A damaged file is moved aside (never
// deleted) and replaced by an empty library flagged for a full sync.
import { mkdirSync, renameSync, existsSync } from 'node:fs'
import { dirname } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import type { StatementSync } from 'node:sqlite'
import { isCorruption } from './corruption.ts'
import { migrateDatabase } from './migrate.ts'
import type { Migration } from './migrate.ts'
import { migrations as defaultMigrations } from './migrations/index.ts'
import { forgetStatements, prepareCached } from './statement-cache.ts'
import { libraryPath } from './paths.ts'
import { assertFtsAvailable } from './fts-check.ts'
import { startWalCheckpointer } from './wal-checkpointer.ts'

export interface Library {
  readonly db: DatabaseSync
  readonly path: string
  readonly workspace: string
  /** True when the file on disk was damaged and moved aside at open; the next sync must be full. */
  readonly recoveredFromCorruption: boolean
  /** A cached prepared statement for this SQL text. */
  prepare(sql: string): StatementSync
  /** Runs fn in one transaction (BEGIN IMMEDIATE); nested calls become savepoints. Rolls back on throw. */
  transaction<T>(fn: () => T): T
  getMeta(key: string): string | null
  setMeta(key: string, value: string | null): void
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
  /** Clock for the `.corrupt-<timestamp>` suffix. */
  now?: () => Date
  /** Run WAL checkpoints in a worker thread so commits never stall on an fsync (default true). */
  backgroundCheckpoints?: boolean
}

export function openLibrary(options: OpenLibraryOptions): Library {
  assertFtsAvailable()
  const path = libraryPath(options.dataDir, options.workspace)
  mkdirSync(dirname(path), { recursive: true })
  const migrations = options.migrations ?? defaultMigrations
  let recovered = false
  let db: DatabaseSync
  try {
    db = openAndMigrate(path, migrations)
  } catch (error) {
    if (!isCorruption(error)) throw error
    moveAside(path, (options.now ?? (() => new Date()))())
    recovered = true
    db = openAndMigrate(path, migrations)
  }
  const checkpointer = options.backgroundCheckpoints === false ? null : startWalCheckpointer(db, path)
  const library = createLibrary(db, path, options.workspace, recovered, async () => checkpointer?.release())
  if (recovered) library.setMeta('needs_full_sync', 'corrupt file replaced')
  return library
}

function openAndMigrate(path: string, migrations: readonly Migration[]): DatabaseSync {
  const db = new DatabaseSync(path, { timeout: 5000 })
  try {
    db.exec('PRAGMA journal_mode = WAL')
    db.exec('PRAGMA foreign_keys = ON')
    db.exec('PRAGMA synchronous = NORMAL')
    // A cheap read of the schema: a file that is not a database, or has a damaged header, fails here.
    db.prepare('SELECT count(*) FROM sqlite_master').get()
    migrateDatabase(db, migrations)
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

/** Renames the damaged file (and its WAL/SHM companions) to `<name>.corrupt-<timestamp>`: kept for inspection. */
function moveAside(path: string, now: Date): void {
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, `${path}.corrupt-${stamp}${suffix}`)
  }
}

function createLibrary(db: DatabaseSync, path: string, workspace: string, recovered: boolean, releaseFile: () => Promise<void>): Library {
  let depth = 0
  let closed: Promise<void> | null = null
  const prepare = (sql: string): StatementSync => prepareCached(db, sql)
  const library: Library = {
    db,
    path,
    workspace,
    recoveredFromCorruption: recovered,
    prepare,
    transaction<T>(fn: () => T): T {
      const savepoint = `sp${depth}`
      db.exec(depth === 0 ? 'BEGIN IMMEDIATE' : `SAVEPOINT ${savepoint}`)
      depth++
      try {
        const result = fn()
        depth--
        db.exec(depth === 0 ? 'COMMIT' : `RELEASE ${savepoint}`)
        return result
      } catch (error) {
        depth--
        if (depth === 0) {
          if (db.isTransaction) db.exec('ROLLBACK')
        } else {
          db.exec(`ROLLBACK TO ${savepoint}`)
          db.exec(`RELEASE ${savepoint}`)
        }
        throw error
      }
    },
    getMeta(key) {
      const row = prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string | null } | undefined
      return row?.value ?? null
    },
    setMeta(key, value) {
      if (value === null) prepare('DELETE FROM meta WHERE key = ?').run(key)
      else prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value)
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
