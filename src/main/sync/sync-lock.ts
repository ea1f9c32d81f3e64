// Holding the workspace's sync lock for one run (the lock itself, shared with the CLI through the library
// file, is library/sync-records.ts). The heartbeat keeps it fresh through long waits and must never throw from
// its timer: a beat that finds the library busy (another process holds SQLite's write lock) is skipped — the
// lock only goes stale after minutes without one.
import type { Library } from '../library/open-library.ts'
import { acquireSyncLock } from '../library/sync-records.ts'
import { isLibraryBusy, libraryBusyError } from './sync-errors.ts'

export const LOCK_HEARTBEAT_MS = 30_000

export interface HeldSyncLock {
  /** Refreshes the lock now (also called on progress); never throws. */
  beat(): void
  release(): void
}

/** Takes the lock or throws `sync_in_progress` (also when another process holds the library's write lock). */
export function holdSyncLock(library: Library, now: () => Date, heartbeatMs: number = LOCK_HEARTBEAT_MS): HeldSyncLock {
  let lock: ReturnType<typeof acquireSyncLock>
  try {
    lock = acquireSyncLock(library, now())
  } catch (error) {
    throw isLibraryBusy(error) ? libraryBusyError(error) : error
  }
  const beat = (): void => {
    try {
      lock.heartbeat(now().toISOString())
    } catch {
      // Busy or closing: the next beat tries again; the writes of the sync itself report a lasting problem.
    }
  }
  const timer = setInterval(beat, heartbeatMs)
  timer.unref?.()
  return {
    beat,
    release() {
      clearInterval(timer)
      lock.release()
    },
  }
}
