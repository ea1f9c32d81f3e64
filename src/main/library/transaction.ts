// Library.transaction: BEGIN IMMEDIATE at the outside, savepoints inside. On a throw — from the work or from the
// COMMIT itself (a full disk, a deferred constraint) — the transaction is rolled back once, the original error
// is rethrown (a failed rollback never replaces it), and the depth is back where it was, so the connection
// stays usable for the next transaction.
import type { DatabaseSync } from 'node:sqlite'

export function createTransactionRunner(db: DatabaseSync, onError: (error: unknown) => void): <T>(fn: () => T) => T {
  let depth = 0
  return <T>(fn: () => T): T => {
    const outermost = depth === 0
    const savepoint = `sp${depth}`
    db.exec(outermost ? 'BEGIN IMMEDIATE' : `SAVEPOINT ${savepoint}`)
    depth++
    try {
      const result = fn()
      db.exec(outermost ? 'COMMIT' : `RELEASE ${savepoint}`)
      return result
    } catch (error) {
      undo(db, outermost, savepoint)
      onError(error)
      throw error
    } finally {
      depth--
    }
  }
}

function undo(db: DatabaseSync, outermost: boolean, savepoint: string): void {
  try {
    if (outermost) {
      if (db.isTransaction) db.exec('ROLLBACK')
    } else {
      db.exec(`ROLLBACK TO ${savepoint}`)
      db.exec(`RELEASE ${savepoint}`)
    }
  } catch {
    // SQLite may already have rolled back (e.g. after SQLITE_FULL); the original error is what matters.
  }
}
