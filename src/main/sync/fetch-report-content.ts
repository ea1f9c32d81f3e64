// The sync's report-content phases: preview pictures downloaded as each listing page lands (their URLs expire
// in about two minutes), then for each in-scope report whose last successful run changed its query runs and each
// query's results (exactly 1 + queries requests), then schedules of scheduled reports. A bad item (an expired or
// redirected preview, a body that is not an image, a purged or malformed result) becomes a note on that item;
// nothing else is lost and the sync goes on.
import { AppFailure } from '../../shared/errors.ts'
import type { Library } from '../library/open-library.ts'
import {
  enforcePreviewCap,
  pendingResultReports,
  pendingScheduleReports,
  previewWanted,
  removePreviews,
  saveListedRunInfo,
  savePreview,
  saveReportResults,
  saveSchedules,
  type ResultsScope,
  type StoredQueryResult,
} from '../library/writes/report-content-writes.ts'
import type { ModeReport } from '../mode/schemas.ts'
import { MalformedCsvError } from '../report-content/csv-rows.ts'
import { fetchPreviewImage } from '../report-content/preview-fetch.ts'
import { checkPreviewUrl, type PreviewOrigins } from '../report-content/preview-url.ts'
import { captureCsvResult, DEFAULT_RESULT_CAPS, type ResultCaps } from '../report-content/result-capture.ts'
import type { ProgressTracker } from './progress.ts'
import { runPool } from './run-pool.ts'
import type { SyncClient } from './sync-client.ts'
import { errorCode } from './sync-errors.ts'

export interface ReportContentOptions {
  /** Which reports get their last results: none; opened in the app + the `topViewed` most viewed (default); all. */
  resultsScope: ResultsScope
  topViewed: number
  caps: ResultCaps
  /** Fetch schedules of reports that have any. */
  schedules: boolean
  /** Disk cap for stored preview pictures (default 500 MB); null: no preview downloads. */
  previewCapBytes: number | null
}

/** How previews are downloaded (not plain data, so apart from ReportContentOptions, which crosses to the sync worker). */
export interface PreviewTransport {
  /** Never Mode's authenticated client: previews go to a storage host with nothing but their signed URL. */
  fetch: typeof globalThis.fetch
  origins: PreviewOrigins
  concurrency?: number
}

export interface PreviewDownloadOptions extends PreviewTransport {
  capBytes: number
}

export const DEFAULT_REPORT_CONTENT: ReportContentOptions = {
  resultsScope: 'opened',
  topViewed: 200,
  caps: DEFAULT_RESULT_CAPS,
  schedules: true,
  previewCapBytes: 500 * 1024 * 1024,
}

/** The content phases as the user's settings ask for them. */
export function reportContentOptions(settings: { resultsScope: ResultsScope; previewDiskLimitMb: number }): ReportContentOptions {
  return {
    ...DEFAULT_REPORT_CONTENT,
    resultsScope: settings.resultsScope,
    previewCapBytes: settings.previewDiskLimitMb > 0 ? settings.previewDiskLimitMb * 1024 * 1024 : null,
  }
}

export interface ContentContext {
  library: Library
  client: SyncClient
  signal?: AbortSignal
  concurrency: number
  iso: () => string
  itemFailed: (error: unknown) => void
  tracker: Pick<ProgressTracker, 'phase' | 'advance'>
}

/** Last results of in-scope reports whose run changed, then schedules: after names and SQL, never before them. */
export async function fetchReportContent(ctx: ContentContext, content: ReportContentOptions): Promise<void> {
  const pendingResults = pendingResultReports(ctx.library, content.resultsScope, content.topViewed)
  ctx.tracker.phase('results', pendingResults.length)
  await fetchReportResults(ctx, content, pendingResults)
  throwIfAborted(ctx.signal)
  if (!content.schedules) return
  const pendingSchedules = pendingScheduleReports(ctx.library)
  ctx.tracker.phase('schedules', pendingSchedules.length)
  await fetchReportSchedules(ctx, pendingSchedules)
  throwIfAborted(ctx.signal)
}

/**
 * A collection's Mode Datasets, each page to `onPage` like the reports listing. Assumption: a Mode that answers
 * 404 or 403 here (a plan or role without datasets; DataHub treats both as soft) has none this account can list;
 * that must not hold back the collection's reports listing, which counts as complete only with this one.
 */
export async function listSpaceDatasets(client: SyncClient, spaceToken: string, call: Parameters<SyncClient['listSpaceDatasets']>[1]): Promise<void> {
  try {
    await client.listSpaceDatasets(spaceToken, call)
  } catch (error) {
    const code = errorCode(error)
    if ((code !== 'not_found' && code !== 'no_access') || call?.signal?.aborted) throw error
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppFailure('cancelled', 'The sync was cancelled.')
}

/**
 * Preview downloads running beside the listing: `onListingPage` stores each page's run info and queues the
 * pictures whose run changed; `drain` waits for the queue (before the sync ends) and applies the disk cap.
 */
export class PreviewDownloads {
  private readonly queue: { token: string; runToken: string | null; url: URL }[] = []
  private readonly running = new Set<Promise<void>>()
  private readonly library: Library
  private readonly options: PreviewDownloadOptions | null
  private readonly iso: () => string
  private readonly signal: AbortSignal | undefined
  readonly counts = { downloaded: 0, skipped: 0, refused: 0 }

  constructor(library: Library, options: PreviewDownloadOptions | null, iso: () => string, signal?: AbortSignal) {
    this.library = library
    this.options = options
    this.iso = iso
    this.signal = signal
  }

  onListingPage(reports: ModeReport[]): void {
    saveListedRunInfo(this.library, reports)
    if (!this.options) return
    // A last run without a picture: an older run's picture would show something the report no longer shows.
    removePreviews(this.library, reports.filter((r) => !r.webPreviewImage).map((r) => r.token))
    for (const r of reports) {
      if (!r.webPreviewImage) continue
      const check = checkPreviewUrl(r.webPreviewImage, this.options.origins)
      const runToken = check.ok ? (check.runToken ?? r.lastSuccessfulRunToken) : r.lastSuccessfulRunToken
      if (!previewWanted(this.library, r.token, runToken)) {
        this.counts.skipped++
        continue
      }
      if (!check.ok) {
        this.counts.refused++
        savePreview(this.library, r.token, runToken, { note: check.note }, this.iso())
        continue
      }
      this.queue.push({ token: r.token, runToken, url: check.url })
    }
    this.pump()
  }

  private pump(): void {
    const limit = Math.max(1, this.options?.concurrency ?? 3)
    while (this.running.size < limit && this.queue.length > 0 && !this.signal?.aborted) {
      const item = this.queue.shift()!
      const task = this.download(item).finally(() => {
        this.running.delete(task)
        this.pump()
      })
      this.running.add(task)
    }
  }

  private async download(item: { token: string; runToken: string | null; url: URL }): Promise<void> {
    try {
      const result = await fetchPreviewImage(item.url, { fetch: this.options!.fetch, origins: this.options!.origins, signal: this.signal })
      if (result.ok) this.counts.downloaded++
      else this.counts.refused++
      savePreview(this.library, item.token, item.runToken, result.ok ? { bytes: result.bytes, mime: result.mime } : { note: result.note }, this.iso())
    } catch {
      // Cancelled: the sync is ending; the next sync downloads what is missing.
    }
  }

  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.race(this.running)
    if (this.options) enforcePreviewCap(this.library, this.options.capBytes)
  }
}

const PURGED_NOTE = 'Mode no longer has these results: it deletes result data after the workspace’s retention period.'

/** Results of every in-scope report whose last successful run is not the stored one: 1 + queries requests each. */
export async function fetchReportResults(ctx: ContentContext, options: ReportContentOptions, pending = pendingResultReports(ctx.library, options.resultsScope, options.topViewed)): Promise<number> {
  let fetched = 0
  await runPool(
    pending,
    ctx.concurrency,
    async (report) => {
      try {
        if (await fetchOneReportResults(ctx, options, report.token, report.runToken)) fetched++
      } catch (error) {
        // A deleted report, or a run Mode no longer knows: recorded so the next sync does not ask again.
        if (errorCode(error) === 'not_found' && !ctx.signal?.aborted) saveReportResults(ctx.library, report.token, report.runToken, keptResults(ctx.library, report.token, []), PURGED_NOTE, ctx.iso())
        else ctx.itemFailed(error)
      }
      ctx.tracker.advance()
    },
    ctx.signal,
  )
  return fetched
}

async function fetchOneReportResults(ctx: ContentContext, options: ReportContentOptions, reportToken: string, runToken: string): Promise<boolean> {
  const { client, signal } = ctx
  const queryRuns = await client.listQueryRuns(reportToken, runToken, { signal })
  const results: StoredQueryResult[] = []
  for (const qr of queryRuns) {
    const base = { queryToken: qr.queryToken ?? qr.token, queryName: qr.queryName, queryRunToken: qr.token }
    try {
      const captured = await client.readQueryRunResults(reportToken, runToken, qr.token, (body) => captureCsvResult(body, options.caps), { signal })
      const partial = captured.totalRows > captured.rows.length
      results.push({
        ...base, columns: captured.columns, rows: captured.rows, totalRows: captured.totalRows, totalExact: captured.totalExact, byteSize: captured.keptBytes,
        note: !captured.totalExact
          ? `A very large result: the first ${captured.rows.length.toLocaleString('en-US')} rows are kept; Mode’s total was not counted to the end.`
          : partial ? `The first ${captured.rows.length.toLocaleString('en-US')} of ${captured.totalRows.toLocaleString('en-US')} rows are kept (the results cap).` : null,
      })
    } catch (error) {
      if (error instanceof MalformedCsvError) {
        results.push({ ...base, columns: [], rows: [], totalRows: 0, totalExact: false, byteSize: 0, note: `These results could not be read: ${error.message}.` })
      } else if (errorCode(error) === 'not_found' && !signal?.aborted) {
        results.push({ ...base, columns: [], rows: [], totalRows: 0, totalExact: false, byteSize: 0, note: PURGED_NOTE })
      } else {
        throw error
      }
    }
  }
  return saveReportResults(ctx.library, reportToken, runToken, keptResults(ctx.library, reportToken, results), null, ctx.iso())
}

/** A query whose new results are gone keeps the ones stored from an earlier run (what Mode itself cannot give back). */
function keptResults(library: Library, reportToken: string, fresh: StoredQueryResult[]): StoredQueryResult[] {
  const stored = library
    .prepare('SELECT query_token, query_name, query_run_token, columns_json, rows_json, total_rows, total_exact, byte_size FROM query_results WHERE report_token = ?')
    .all(reportToken) as Record<string, unknown>[]
  const byQuery = new Map(stored.map((r) => [String(r.query_token), r]))
  const out = fresh.map((r) => {
    const old = byQuery.get(r.queryToken)
    if (r.note !== PURGED_NOTE || !old || r.rows.length > 0) return r
    return {
      ...r, queryRunToken: old.query_run_token as string | null, columns: JSON.parse(String(old.columns_json)) as string[],
      rows: JSON.parse(String(old.rows_json)) as string[][], totalRows: Number(old.total_rows), totalExact: old.total_exact === 1,
      byteSize: Number(old.byte_size), note: `${PURGED_NOTE} These are the results of an earlier run.`,
    }
  })
  if (fresh.length === 0) {
    for (const old of byQuery.values()) {
      out.push({
        queryToken: String(old.query_token), queryName: old.query_name as string | null, queryRunToken: old.query_run_token as string | null,
        columns: JSON.parse(String(old.columns_json)) as string[], rows: JSON.parse(String(old.rows_json)) as string[][], totalRows: Number(old.total_rows),
        totalExact: old.total_exact === 1, byteSize: Number(old.byte_size), note: `${PURGED_NOTE} These are the results of an earlier run.`,
      })
    }
  }
  return out
}

/** Schedules of reports whose schedules count or last run changed: one request each. */
export async function fetchReportSchedules(ctx: ContentContext, pending = pendingScheduleReports(ctx.library)): Promise<void> {
  await runPool(
    pending,
    ctx.concurrency,
    async (report) => {
      try {
        saveSchedules(ctx.library, report.token, report.version, await ctx.client.listSchedules(report.token, { signal: ctx.signal }))
      } catch (error) {
        if (errorCode(error) !== 'not_found' || ctx.signal?.aborted) ctx.itemFailed(error)
      }
      ctx.tracker.advance()
    },
    ctx.signal,
  )
}
