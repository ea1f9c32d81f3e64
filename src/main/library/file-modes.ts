// Libraries hold every query of the workspace: on POSIX their folders are 0700 and their files (database, -wal,
// -shm, markers) 0600, so other local users cannot read them. SQLite creates -wal and -shm with the database
// file's own mode, so creating that file 0600 first covers them. Everything else the app keeps in its data
// folder (settings, credentials) follows the same rule. Windows has no such modes: a no-op there.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs'

export const PRIVATE_DIR_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600
const posix = process.platform !== 'win32'

/** Creates the folder (and missing parents) 0700; an existing folder is narrowed to 0700 too. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
  if (posix) chmodSync(dir, PRIVATE_DIR_MODE)
}

/** Creates an empty database file 0600 if there is none, and narrows the file and its companions to 0600. */
export function ensurePrivateDatabaseFiles(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', PRIVATE_FILE_MODE))
  if (!posix) return
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      chmodSync(path + suffix, PRIVATE_FILE_MODE)
    } catch {
      // -wal/-shm exist only while a connection is open
    }
  }
}

/** Narrows an existing file to 0600 (one written by an older version, or moved aside); no file, nothing to do. */
export function ensurePrivateFile(path: string): void {
  if (!posix) return
  try {
    chmodSync(path, PRIVATE_FILE_MODE)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
}
