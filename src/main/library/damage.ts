// A damaged library file is never deleted and never used: it is moved aside, with its -wal and -shm, into a folder
// the user can find (`<name>.sqlite.corrupt-<time>/` beside it), and the library is rebuilt by a full sync.
//
// The move survives being killed half-way: a marker file (`<name>.sqlite.damaged`) names the folder before the
// first rename and is removed once the new library is flagged, so the next open finishes that move instead of
// starting another (or, worse, opening a new database beside the old one's write-ahead log). The -wal and -shm go first: a new
// database must never meet a log that belongs to the old one. A corruption error seen while the library is open
// writes the same marker, so the next open checks the file thoroughly before trusting it.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { isCorruption } from './corruption.ts'
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './file-modes.ts'

/** What the user is told: where the damaged copy is and when it was moved. */
export interface DamagedCopy {
  /** The folder holding the damaged file and its companions. */
  folder: string
  movedAt: string
}

interface Marker {
  /** Set once a move has started: the folder it moves into. */
  folder?: string
  movedAt?: string
  reason?: string
}

export const markerPath = (path: string): string => `${path}.damaged`

export function readMarker(path: string): Marker | null {
  try {
    return JSON.parse(readFileSync(markerPath(path), 'utf8')) as Marker
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    return {} // unreadable marker (killed while writing it): still a reason to check the file
  }
}

/** Notes that SQLite called this file damaged while it was open; the next open checks it before use. */
export function noteIfCorruption(path: string, error: unknown): void {
  if (!isCorruption(error) || readMarker(path)?.folder) return
  try {
    writeFileSync(markerPath(path), JSON.stringify({ reason: error instanceof Error ? error.message : String(error) }), { mode: PRIVATE_FILE_MODE })
  } catch {
    // A read-only or full disk: the open-time check still runs on the next open.
  }
}

/** Removes a marker after a thorough check found the file sound (a false alarm). */
export function clearMarker(path: string): void {
  rmSync(markerPath(path), { force: true })
}

/**
 * Moves the damaged file and its companions aside, or finishes a move a killed process began. The marker stays
 * until the caller has flagged the new library (`clearMarker`), so a kill in between redoes only that: whatever
 * sits at `path` while the folder already holds the damaged file is the new, empty library, and is discarded.
 */
export function moveAside(path: string, now: Date): DamagedCopy {
  const started = readMarker(path)
  const movedAt = started?.movedAt ?? now.toISOString()
  const folder = started?.folder ?? `${path}.corrupt-${movedAt.replace(/[:.]/g, '-')}`
  if (!started?.folder) writeFileSync(markerPath(path), JSON.stringify({ folder, movedAt }), { mode: PRIVATE_FILE_MODE })
  mkdirSync(folder, { recursive: true, mode: PRIVATE_DIR_MODE })
  const originalMoved = existsSync(join(folder, basename(path)))
  for (const suffix of ['-wal', '-shm', '']) {
    const from = path + suffix
    if (!existsSync(from)) continue
    if (originalMoved) rmSync(from, { force: true })
    else renameSync(from, join(folder, basename(from)))
  }
  return { folder, movedAt }
}
