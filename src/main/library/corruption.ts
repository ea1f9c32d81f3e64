// Telling a damaged database file from other failures: SQLite reports it as SQLITE_CORRUPT or SQLITE_NOTADB
// (node:sqlite puts the code in `errcode`), and some paths only by message.
import { SQLITE_CORRUPT, SQLITE_NOTADB, sqliteErrorParts } from './sqlite-error-parts.ts'

export function isCorruption(error: unknown): boolean {
  const parts = sqliteErrorParts(error)
  if (!parts) return false
  if (parts.primaryCode === SQLITE_CORRUPT || parts.primaryCode === SQLITE_NOTADB) return true
  return /file is not a database|database disk image is malformed/i.test(parts.message)
}
