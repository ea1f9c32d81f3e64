// One sync of one workspace, in this order: the collections listing; people and data sources (a handful of
// requests, so reports are indexed with their authors' names from the start); every collection's reports page
// by page (names searchable as soon as each page lands); each changed report's SQL, most recently edited
// first; the access data (who can see each collection, member activity); the table knowledge built from the
// SQL; then (optionally) chart titles and report content. The phases live in list-phases.ts, fetch-phases.ts
// and sync-access.ts. Every write is its own transaction; deletions follow only from listings that completed;
// a checkpoint plus per-report query versions let an interrupted sync resume without refetching what it
// already has.
import { toAppError } from '../../shared/errors.ts'
import { updateKnowledgeAfterSync } from '../knowledge/after-sync.ts'
import type { HistoryLimits } from '../knowledge/history-limits.ts'
import { DAMAGED_COPY_KEY, type Library } from '../library/open-library.ts'
import type { AppError, SyncKind, SyncProgress, SyncRun } from '../../shared/model.ts'
import { fetchReportContent, PreviewDownloads, type PreviewDownloadOptions, type PreviewTransport, type ReportContentOptions } from './fetch-report-content.ts'
import { fetchCharts, fetchQueries } from './fetch-phases.ts'
import { listCollections, listReports, syncPeopleAndSources } from './list-phases.ts'
import { syncAccess } from './sync-access.ts'
import { ProgressTracker } from './progress.ts'
import {
  beginRun,
  clearCheckpoint,
  finishRun,
  lastCompletedRun,
  markInterruptedRuns,
  readCheckpoint,
  updateRun,
  writeCheckpoint,
} from '../library/sync-records.ts'
import type { RunCounters } from '../library/sync-records.ts'
import type { RunContext } from './run-context.ts'
import type { SyncClient } from './sync-client.ts'
import { describeError, errorCode, isFatalSyncError, isLibraryBusy, libraryBusyError } from './sync-errors.ts'
import { holdSyncLock } from './sync-lock.ts'
import { nextCheckpoint } from './next-checkpoint.ts'

export interface SyncWorkspaceOptions {
  library: Library
  client: SyncClient
  /** `full` refetches every report's SQL; `incremental` only what changed. A new or rebuilt library is always full. */
  kind?: SyncKind
  includePersonalCollections?: boolean
  includeCharts?: boolean
  /** Datasets, preview pictures, last results and schedules; left out when absent. */
  content?: ReportContentOptions
  /** How preview pictures are downloaded; without it, none are. */
  previews?: PreviewTransport
  signal?: AbortSignal
  onProgress?: (progress: SyncProgress) => void
  /** Reports were written (names or SQL): searches may refresh. */
  onLibraryChanged?: (info: { reports: number }) => void
  /** Why the sync runs: `manual`, `nightly`, `launch`, `resume`, `cli`, … (kept in the run history). */
  trigger?: string
  /** Requests in flight at once; the client's limiter still paces them. Default: the limiter's concurrency. */
  concurrency?: number
  /** An interrupted sync younger than this reuses its completed listings; older ones re-list (SQL is never refetched). */
  resumeWindowMs?: number
  /** How often the sync lock is refreshed while nothing else refreshes it (tests shorten it). */
  lockHeartbeatMs?: number
  now?: () => Date
  /** How much SQL history and how many tombstones to keep (default: DEFAULT_HISTORY_LIMITS). */
  historyLimits?: HistoryLimits
}

export interface SyncResult {
  run: SyncRun
  /** Why the run failed or was cancelled, or the first item error of a partial run; null on success. */
  error: AppError | null
}

export async function syncWorkspace(options: SyncWorkspaceOptions): Promise<SyncResult> {
  try {
    return await runSync(options)
  } catch (error) {
    // Even the run record could not be written: another process holds the library's write lock.
    throw isLibraryBusy(error) ? libraryBusyError(error) : error
  }
}

async function runSync(options: SyncWorkspaceOptions): Promise<SyncResult> {
  const { library, client, signal } = options
  const clock = options.now ?? (() => new Date())
  const iso = (): string => clock().toISOString()
  // Kept fresh on every progress tick, and by a timer through long waits (a Retry-After, a slow Mode).
  const lock = holdSyncLock(library, clock, options.lockHeartbeatMs)
  try {
    markInterruptedRuns(library, iso())
    const previous = readCheckpoint(library)
    const mustBeFull = library.getMeta('needs_full_sync') !== null || lastCompletedRun(library) === null
    const kind: SyncKind = options.kind === 'full' || mustBeFull || previous?.kind === 'full' ? 'full' : 'incremental'
    const startedAt = iso()
    const runId = beginRun(library, kind, options.trigger ?? 'manual', startedAt)
    const checkpoint = nextCheckpoint(previous, kind, runId, startedAt, clock().getTime(), options.resumeWindowMs)
    writeCheckpoint(library, checkpoint, startedAt)

    const counters: RunCounters = { requests: 0, rateLimited: 0, reportsChanged: 0, queriesFetched: 0, errors: 0, errorMessage: null, itemsSkipped: 0 }
    const tracker = new ProgressTracker({
      runId,
      kind,
      startedAt,
      client,
      onProgress: options.onProgress,
      onTick: () => lock.beat(),
    })
    tracker.emit(true)
    const syncCounters = (): RunCounters => {
      counters.requests = tracker.requests
      counters.rateLimited = tracker.rateLimited
      counters.itemsSkipped = tracker.skippedItems
      return counters
    }
    let firstItemError: unknown = null
    /** A failure of one listing or one report: counted, remembered, and the sync goes on — unless it is fatal. */
    const itemFailed = (error: unknown): void => {
      if (isFatalSyncError(error, signal)) throw error
      counters.errors++
      firstItemError ??= error
      counters.errorMessage ??= describeError(error)
    }
    const context: RunContext = {
      ...options,
      runId,
      kind,
      checkpoint,
      counters,
      tracker,
      itemFailed,
      iso,
      concurrency: Math.max(1, options.concurrency ?? client.limiter?.concurrency ?? 4),
      spaces: [],
      previewQueue: new PreviewDownloads(library, previewDownloads(options), iso, signal),
    }

    try {
      await listCollections(context)
      await syncPeopleAndSources(context)
      await listReports(context)
      updateRun(library, runId, syncCounters())
      await fetchQueries(context)
      updateRun(library, runId, syncCounters())
      tracker.phase('access')
      await syncAccess(context, context.spaces)
      await updateKnowledgeAfterSync(library, { signal, now: clock(), limits: options.historyLimits })
      if (options.includeCharts) await fetchCharts(context)
      if (options.content) await fetchReportContent(context, options.content)
      await context.previewQueue.drain()
      tracker.phase('finishing')
      library.transaction(() => {
        clearCheckpoint(library)
        // A complete full sync has rebuilt the library: no more need for one, nor for the damaged-copy notice.
        if (kind === 'full' && counters.errors === 0) for (const key of ['needs_full_sync', DAMAGED_COPY_KEY]) library.setMeta(key, null)
      })
      const run = finishRun(library, runId, counters.errors === 0 ? 'success' : 'partial', syncCounters(), iso())
      tracker.emit(true)
      return { run, error: firstItemError === null ? null : toAppError(firstItemError) }
    } catch (error) {
      const cancelled = signal?.aborted === true || errorCode(error) === 'cancelled'
      const failure = isLibraryBusy(error) ? libraryBusyError(error) : error
      counters.errorMessage = cancelled ? 'Cancelled' : describeError(failure)
      const run = finishRun(library, runId, cancelled ? 'cancelled' : 'failed', syncCounters(), iso())
      const appError = cancelled
        ? { code: 'cancelled' as const, message: 'The sync was cancelled.' }
        : toAppError(failure)
      return { run, error: appError }
    }
  } finally {
    library.truncateWal() // a fast sync can grow the log far beyond the database while readers hold snapshots
    lock.release()
  }
}

function previewDownloads(options: SyncWorkspaceOptions): PreviewDownloadOptions | null {
  const capBytes = options.content?.previewCapBytes
  return options.previews && typeof capBytes === 'number' ? { ...options.previews, capBytes } : null
}
