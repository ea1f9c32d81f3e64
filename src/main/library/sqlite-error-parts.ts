// What a node:sqlite error says went wrong: its primary result code (the low byte of `errcode`, so an extended
// code such as SQLITE_CORRUPT_VTAB counts as SQLITE_CORRUPT; -1 when there is none) and its message.

export const SQLITE_BUSY = 5
export const SQLITE_LOCKED = 6
export const SQLITE_CORRUPT = 11
export const SQLITE_NOTADB = 26

/** null for a thrown value that is not an object. */
export function sqliteErrorParts(error: unknown): { primaryCode: number; message: string } | null {
  if (typeof error !== 'object' || error === null) return null
  const e = error as { errcode?: unknown; message?: unknown }
  return {
    primaryCode: typeof e.errcode === 'number' ? e.errcode & 0xff : -1,
    message: typeof e.message === 'string' ? e.message : '',
  }
}
