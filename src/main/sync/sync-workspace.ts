// One sync of one workspace, in this order: the collections listing; people and data sources (a handful of
// requests, so reports are indexed with their authors' names from the start); every collection's reports page
// by page (names searchable as soon as each page lands); each changed report's SQL, most recently edited
// first; the access data (who can see each collection, member activity); then (optionally) chart titles. Every write is its own transaction; deletions follow only from
// listings that completed; a checkpoint plus per-report query versions let an interrupted sync resume
// without refetching what it already has.
import { AppFailure, toAppError } from '../../shared/errors.ts'
import { updateKnowledgeAfterSync } from '../knowledge/after-sync.ts'
import type { HistoryLimits } from '../knowledge/history-limits.ts'
import { DAMAGED_COPY_KEY, type Library } from '../library/open-library.ts'
import type { ModeChart, ModeReport, ModeSpace } from '../mode/schemas.ts'
import { extractTableRefs } from '../sql/table-refs.ts'
import type { AppError, SyncKind, SyncProgress, SyncRun } from '../../shared/model.ts'
import { markCollectionListed, removeUnlistedReports, removeVanishedCollections, saveCollections, saveReportsPage, saveWorkspace } from '../library/writes/listing-writes.ts'
import { pendingChartReports, pendingQueryReports, reindexInChunks, saveReportCharts, saveReportQueries } from '../library/writes/content-writes.ts'
import { saveDataSources, savePeople } from '../library/writes/people-writes.ts'
import { saveChartFields } from '../library/writes/report-content-writes.ts'
import { fetchReportContent, listSpaceDatasets, PreviewDownloads, type PreviewDownloadOptions, type PreviewTransport, type ReportContentOptions } from './fetch-report-content.ts'
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
import type { RunCounters, SyncCheckpoint } from '../library/sync-records.ts'
import { runPool } from './run-pool.ts'
import { listPeopleAndGroups, syncAccess } from './sync-access.ts'
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

interface RunContext extends SyncWorkspaceOptions {
  /** This run's id: stamped on what it fetches, so a later full sync can tell what is older than itself. */
  runId: number
  kind: SyncKind
  checkpoint: SyncCheckpoint
  counters: RunCounters
  tracker: ProgressTracker
  itemFailed: (error: unknown) => void
  iso: () => string
  concurrency: number
  /** The complete collections listing of this run. */
  spaces: ModeSpace[]
  /** Preview pictures downloaded beside the listing, as each page lands. */
  previewQueue: PreviewDownloads
}

async function listCollections(ctx: RunContext): Promise<void> {
  const { library, client, signal, tracker, checkpoint } = ctx
  tracker.phase('collections')
  const hasWorkspace = library.prepare('SELECT 1 FROM workspace LIMIT 1').get() !== undefined
  if (ctx.kind === 'full' || !hasWorkspace) {
    try {
      saveWorkspace(library, await client.workspace({ signal }), ctx.iso())
    } catch (error) {
      ctx.itemFailed(error)
    }
  }
  // Without a complete collections listing nothing can be decided: this failure ends the run.
  const spaces = await client.listSpaces({ filter: ctx.includePersonalCollections === false ? 'custom' : 'all', signal })
  ctx.spaces = spaces
  await reindexInChunks(library, saveCollections(library, spaces, checkpoint.gen))
}

async function listReports(ctx: RunContext): Promise<void> {
  const { library, client, signal, tracker, checkpoint, counters } = ctx
  const spaces = ctx.spaces
  const listedAlready = new Set(
    (library.prepare('SELECT token FROM collections WHERE reports_listed_gen = ?').all(checkpoint.gen) as { token: string }[]).map((r) => r.token),
  )
  const toList = spaces.filter((s) => !listedAlready.has(s.token))
  tracker.phase('listing', spaces.length)
  tracker.advance(spaces.length - toList.length)
  await runPool(
    toList,
    ctx.concurrency,
    async (space) => {
      try {
        const onPage = (reports: ModeReport[]): void => {
          const written = saveReportsPage(library, space.token, reports, checkpoint.gen, ctx.iso())
          counters.reportsChanged += written.changed.length
          if (written.changed.length > 0) ctx.onLibraryChanged?.({ reports: written.changed.length })
          ctx.previewQueue.onListingPage(reports)
          tracker.emit(false)
        }
        await client.listSpaceReports(space.token, { signal, order: 'asc', orderBy: 'created_at', onPage })
        // Datasets are reports of type DatasetReport, listed apart: the collection counts as listed only with both.
        if (ctx.content) await listSpaceDatasets(client, space.token, { signal, order: 'asc', orderBy: 'created_at', onPage })
        // Only a listing that reached its end may delete anything (decided below, once all listings are in).
        markCollectionListed(library, space.token, checkpoint.gen)
      } catch (error) {
        ctx.itemFailed(error)
      }
      tracker.advance()
    },
    signal,
  )
  throwIfAborted(signal)
  const removed = removeUnlistedReports(library, checkpoint.gen) + removeVanishedCollections(library, checkpoint.gen)
  counters.reportsChanged += removed
  if (removed > 0) ctx.onLibraryChanged?.({ reports: removed })
}

async function syncPeopleAndSources(ctx: RunContext): Promise<void> {
  const { library, client, signal, tracker, checkpoint } = ctx
  tracker.phase('people', 2)
  if (!checkpoint.peopleDone) {
    try {
      await reindexInChunks(library, savePeople(library, await listPeopleAndGroups(ctx)))
      checkpoint.peopleDone = true
      writeCheckpoint(library, checkpoint, ctx.iso())
    } catch (error) {
      ctx.itemFailed(error)
    }
  }
  tracker.advance()
  if (!checkpoint.dataSourcesDone) {
    try {
      await reindexInChunks(library, saveDataSources(library, await client.listDataSources({ signal })))
      checkpoint.dataSourcesDone = true
      writeCheckpoint(library, checkpoint, ctx.iso())
    } catch (error) {
      ctx.itemFailed(error)
    }
  }
  tracker.advance()
}

async function fetchQueries(ctx: RunContext): Promise<void> {
  const { library, client, signal, tracker, counters, checkpoint } = ctx
  const pending = pendingQueryReports(library, checkpoint.refetchBeforeRun)
  tracker.phase('queries', pending.length)
  await runPool(
    pending,
    ctx.concurrency,
    async (report) => {
      try {
        const queries = await client.listQueries(report.token, { signal })
        if (saveReportQueries(library, report.token, report.signature, queries, extractTableRefs, ctx.iso(), ctx.runId)) {
          counters.queriesFetched++
          ctx.onLibraryChanged?.({ reports: 1 })
        }
      } catch (error) {
        // A report deleted since it was listed: the next listing removes it; nothing to count.
        if (errorCode(error) !== 'not_found' || signal?.aborted) ctx.itemFailed(error)
      }
      tracker.advance()
    },
    signal,
  )
  throwIfAborted(signal)
}

async function fetchCharts(ctx: RunContext): Promise<void> {
  const { library, client, signal, tracker, checkpoint } = ctx
  const pending = pendingChartReports(library, checkpoint.refetchBeforeRun)
  tracker.phase('charts', pending.length)
  await runPool(
    pending,
    ctx.concurrency,
    async (report) => {
      try {
        const byQuery = new Map<string, ModeChart[]>()
        for (const queryToken of report.queryTokens) byQuery.set(queryToken, await client.listCharts(report.token, queryToken, { signal }))
        if (saveReportCharts(library, report.token, byQuery, ctx.iso(), ctx.runId)) ctx.onLibraryChanged?.({ reports: 1 })
        saveChartFields(library, byQuery)
      } catch (error) {
        if (errorCode(error) !== 'not_found' || signal?.aborted) ctx.itemFailed(error)
      }
      tracker.advance()
    },
    signal,
  )
  throwIfAborted(signal)
}

function previewDownloads(options: SyncWorkspaceOptions): PreviewDownloadOptions | null {
  const capBytes = options.content?.previewCapBytes
  return options.previews && typeof capBytes === 'number' ? { ...options.previews, capBytes } : null
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppFailure('cancelled', 'The sync was cancelled.')
}
