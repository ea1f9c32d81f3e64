// Telling a damaged database file from other failures: SQLite reports it as SQLITE_CORRUPT or SQLITE_NOTADB
// (node:sqlite puts the code in `errcode`), and some paths only by message.
const SQLITE_CORRUPT = 11
const SQLITE_NOTADB = 26

export function isCorruption(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const e = error as { errcode?: number; message?: string }
  const primary = typeof e.errcode === 'number' ? e.errcode & 0xff : -1
  if (primary === SQLITE_CORRUPT || primary === SQLITE_NOTADB) return true
  return /file is not a database|database disk image is malformed/i.test(e.message ?? '')
}
