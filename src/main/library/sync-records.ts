// The sync_runs table (history shown in the UI and CLI), the resume checkpoint of an unfinished sync, and the
// cross-process lock that keeps the app and the CLI from syncing one workspace at the same time.
import { AppFailure } from '../../shared/errors.ts'
import type { Library } from './open-library.ts'
import { rowToSyncRun } from './read-models.ts'
import type { SyncKind, SyncOutcome, SyncRun } from '../../shared/model.ts'

export interface RunCounters {
  requests: number
  rateLimited: number
  reportsChanged: number
  queriesFetched: number
  errors: number
  errorMessage: string | null
  /** Listed items left out as unreadable (malformed in Mode's answer): how many, never what they held. */
  itemsSkipped: number
}

export function beginRun(library: Library, kind: SyncKind, trigger: string, startedAt: string): number {
  const result = library
    .prepare('INSERT INTO sync_runs(kind, trigger, started_at) VALUES (?, ?, ?)')
    .run(kind, trigger, startedAt)
  return Number(result.lastInsertRowid)
}

export function updateRun(library: Library, id: number, c: RunCounters): void {
  library
    .prepare(
      `UPDATE sync_runs SET requests = ?, rate_limited = ?, reports_changed = ?, queries_fetched = ?, errors = ?, error_message = ?,
        items_skipped = ? WHERE id = ?`,
    )
    .run(c.requests, c.rateLimited, c.reportsChanged, c.queriesFetched, c.errors, c.errorMessage, c.itemsSkipped, id)
}

export function finishRun(library: Library, id: number, outcome: SyncOutcome, c: RunCounters, endedAt: string): SyncRun {
  library.transaction(() => {
    updateRun(library, id, c)
    library.prepare('UPDATE sync_runs SET outcome = ?, ended_at = ? WHERE id = ?').run(outcome, endedAt, id)
  })
  return getRun(library, id)!
}

export function getRun(library: Library, id: number): SyncRun | null {
  const row = library.prepare('SELECT * FROM sync_runs WHERE id = ?').get(id) as Record<string, unknown> | undefined
  return row ? rowToSyncRun(row) : null
}

/** Runs left without an outcome by a process that died are marked `interrupted` (only while we hold the lock). */
export function markInterruptedRuns(library: Library, endedAt: string): void {
  library.prepare(`UPDATE sync_runs SET outcome = 'interrupted', ended_at = coalesce(ended_at, ?) WHERE outcome IS NULL`).run(endedAt)
}

export function lastCompletedRun(library: Library): SyncRun | null {
  const row = library
    .prepare(`SELECT * FROM sync_runs WHERE outcome IN ('success', 'partial') ORDER BY id DESC LIMIT 1`)
    .get() as Record<string, unknown> | undefined
  return row ? rowToSyncRun(row) : null
}

// ---- Checkpoint ---------------------------------------------------------------------------------------

/**
 * What an unfinished sync had done. Which collections were fully listed is recorded on the collections
 * themselves (`reports_listed_gen = gen`); which reports have their SQL is recorded per report
 * (`queries_version`). The checkpoint ties those to a listing generation and keeps a full sync's cut-off.
 */
export interface SyncCheckpoint {
  /** Listing generation: the id of the run that started it. */
  gen: number
  kind: SyncKind
  /** Full syncs refetch SQL fetched by runs older than this one (run ids only grow); null for incremental. */
  refetchBeforeRun: number | null
  /** When the generation started (listings older than the resume window are redone). */
  startedAt: string
  peopleDone: boolean
  dataSourcesDone: boolean
}

const CHECKPOINT_KEY = 'sync'

export function readCheckpoint(library: Library): SyncCheckpoint | null {
  const row = library.prepare('SELECT value_json FROM sync_checkpoints WHERE key = ?').get(CHECKPOINT_KEY) as { value_json: string } | undefined
  if (!row) return null
  try {
    const value = JSON.parse(row.value_json) as SyncCheckpoint
    return typeof value.gen === 'number' ? value : null
  } catch {
    return null
  }
}

export function writeCheckpoint(library: Library, checkpoint: SyncCheckpoint, now: string): void {
  library
    .prepare(
      `INSERT INTO sync_checkpoints(key, value_json, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
    )
    .run(CHECKPOINT_KEY, JSON.stringify(checkpoint), now)
}

export function clearCheckpoint(library: Library): void {
  library.prepare('DELETE FROM sync_checkpoints WHERE key = ?').run(CHECKPOINT_KEY)
}

// ---- Lock ---------------------------------------------------------------------------------------------

/** Libraries this process is syncing (by file path). */
const syncingHere = new Set<string>()

/** A lock whose holder stopped heart-beating this long ago is considered abandoned. */
const STALE_LOCK_MS = 2 * 60_000

export interface SyncLock {
  heartbeat(now: string): void
  release(): void
}

/** Takes the workspace's sync lock or fails with `sync_in_progress`. */
export function acquireSyncLock(library: Library, now: Date): SyncLock {
  if (syncingHere.has(library.path)) throw inProgress()
  library.transaction(() => {
    const row = library.prepare('SELECT pid, heartbeat FROM sync_lock WHERE id = 1').get() as { pid: number; heartbeat: string } | undefined
    if (row && row.pid !== process.pid && processAlive(row.pid) && now.getTime() - Date.parse(row.heartbeat) < STALE_LOCK_MS) {
      throw inProgress()
    }
    library
      .prepare('INSERT INTO sync_lock(id, pid, heartbeat) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET pid = excluded.pid, heartbeat = excluded.heartbeat')
      .run(process.pid, now.toISOString())
  })
  syncingHere.add(library.path)
  let released = false
  return {
    heartbeat(at) {
      if (!released) library.prepare('UPDATE sync_lock SET heartbeat = ? WHERE id = 1 AND pid = ?').run(at, process.pid)
    },
    release() {
      if (released) return
      released = true
      syncingHere.delete(library.path)
      try {
        library.prepare('DELETE FROM sync_lock WHERE id = 1 AND pid = ?').run(process.pid)
      } catch {
        // The library may already be closed; the lock then goes stale and is taken over.
      }
    },
  }
}

/**
 * Claims a library path for a sync run elsewhere in this process (a worker thread, whose module state is its
 * own): returns a release function, or throws `sync_in_progress`.
 */
export function claimLibraryPath(path: string): () => void {
  if (syncingHere.has(path)) throw inProgress()
  syncingHere.add(path)
  return () => void syncingHere.delete(path)
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM'
  }
}

function inProgress(): AppFailure {
  return new AppFailure('sync_in_progress', 'A sync of this workspace is already running.', 'Wait for it to finish, or cancel it first.')
}
