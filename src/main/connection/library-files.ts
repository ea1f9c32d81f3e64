// The workspace's library files on disk, as the connection sees them: whether one exists, opening it without
// letting a damaged or locked file stop the app from starting, and deleting it with its companions when the
// user disconnects and asks for that.
import { existsSync } from 'node:fs'
import { readdir, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { toAppError } from '../../shared/errors.ts'
import { openLibraryOffThread, type Library } from '../library/index.ts'
import { libraryPath } from '../library/paths.ts'

export function libraryExists(dataDir: string, workspace: string): boolean {
  return existsSync(libraryPath(dataDir, workspace))
}

/**
 * Opens the library of `workspace` (the slug), its checks and upgrades on a worker thread, or returns null and
 * logs why (the app still starts; search is empty).
 */
export async function tryOpenLibrary(dataDir: string, workspace: string, log?: (message: string) => void): Promise<Library | null> {
  try {
    return await openLibraryOffThread({ dataDir, workspace, onFallback: (why) => log?.(openedOnThisThread(why)) })
  } catch (error) {
    log?.(`[connection] the library of "${workspace}" could not be opened (${toAppError(error).code})`)
    return null
  }
}

/** The log line when the library-open worker could not run (`why`): the open then ran on the main thread. */
export const openedOnThisThread = (why: string): string => `[connection] the library-open worker could not run (${why}); the library was opened on the main thread`

/** Deletes the library file, its SQLite companions (-wal, -shm) and any moved-aside corrupt copies. */
export async function removeLibraryFiles(dataDir: string, workspace: string): Promise<void> {
  const path = libraryPath(dataDir, workspace)
  const dir = dirname(path)
  const base = path.slice(dir.length + 1)
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return
  }
  await Promise.all(names.filter((n) => n === base || n.startsWith(`${base}-`) || n.startsWith(`${base}.`)).map((n) => rm(join(dir, n), { force: true })))
}
