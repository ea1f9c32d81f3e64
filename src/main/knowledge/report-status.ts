// Which reports to trust, from what Mode's report listing already says (no extra request): popular, failing,
// stale, scheduled, never run. The one place these rules live; search filters, result rows, the report page
// and the CLI all ask here. Every input is untrusted: a missing, null or garbage value (a date that does not
// parse, a count that is not a number) means "not known", and an unknown fact never earns a status.
import type { ReportStatus } from '../../shared/model.ts'

/** What the listing said about one report, as stored (strings and numbers straight from the library). */
export interface StatusFacts {
  viewCount: unknown
  lastRunAt: unknown
  lastSuccessfullyRunAt: unknown
  /** Whether the listing carried last_successfully_run_at at all (a null included). */
  successListed: unknown
  schedulesCount: unknown
  archived: unknown
  /** Last edit (edited, else last saved, else updated: reports.last_edited_at). */
  lastEditedAt: unknown
}

export interface StatusPolicy {
  nowMs: number
  /** Not run and not edited for this many days: stale. */
  staleDays: number
  /** Views a report needs to be popular in this workspace (popularMinViews below); Infinity: none is. */
  popularMinViews: number
}

export const DEFAULT_STALE_DAYS = 180
export const MIN_STALE_DAYS = 7
export const MAX_STALE_DAYS = 3650
/** Popular = in the top 5% of the workspace's live reports by views … */
export const POPULAR_SHARE = 0.05
/** … and viewed at least this often, so a workspace where nothing is read has no "popular" report. */
export const POPULAR_FLOOR_VIEWS = 10

const DAY_MS = 86_400_000

/** A time Mode sent, or null when it is absent or does not parse. */
export function timeOf(value: unknown): number | null {
  if (typeof value !== 'string' || value === '') return null
  const ms = Date.parse(value)
  return Number.isFinite(ms) ? ms : null
}

/** A count, or null when it is absent, negative or not a number. */
export function countOf(value: unknown): number | null {
  const n = typeof value === 'bigint' ? Number(value) : typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN
  return Number.isFinite(n) && n >= 0 ? n : null
}

/**
 * The views a report needs to be popular, given every live report's view count: the count of the report
 * ranked at the top 5% (at least the first), ties included, and never below POPULAR_FLOOR_VIEWS.
 * `viewsAtRank(k)` answers the k-th highest (1-based) view count among live reports.
 */
export function popularMinViews(liveReports: number, viewsAtRank: (rank: number) => number | null): number {
  if (liveReports <= 0) return Infinity
  const rank = Math.max(1, Math.ceil(liveReports * POPULAR_SHARE))
  const atRank = viewsAtRank(Math.min(rank, liveReports))
  return Math.max(POPULAR_FLOOR_VIEWS, atRank ?? Infinity)
}

/**
 * The statuses of one report, most pressing first (a narrow result row shows only the first that fit):
 * failing, stale, popular, scheduled, never run.
 */
export function statusesOf(f: StatusFacts, policy: StatusPolicy): ReportStatus[] {
  const out: ReportStatus[] = []
  const lastRun = timeOf(f.lastRunAt)
  const lastSuccess = timeOf(f.lastSuccessfullyRunAt)
  if (isFailing(f, lastRun, lastSuccess)) out.push('failing')
  const lastActivity = Math.max(lastRun ?? -Infinity, lastSuccess ?? -Infinity, timeOf(f.lastEditedAt) ?? -Infinity)
  // Nothing known about when it was last touched: not called stale. A time in the future is not stale either.
  if (Number.isFinite(lastActivity) && policy.nowMs - lastActivity > policy.staleDays * DAY_MS) out.push('stale')
  const views = countOf(f.viewCount)
  const archived = f.archived === 1 || f.archived === true || f.archived === 1n
  if (!archived && views !== null && views >= policy.popularMinViews) out.push('popular')
  const schedules = countOf(f.schedulesCount)
  if (schedules !== null && schedules > 0) out.push('scheduled')
  // Never run: Mode has no time of any run. A report whose last_run_at is garbage is not known to be unrun.
  const absent = (v: unknown): boolean => v === null || v === undefined
  if (absent(f.lastRunAt) && absent(f.lastSuccessfullyRunAt)) out.push('never-run')
  return out
}

/**
 * Failing: the last run began after the last success. Assumptions, unconfirmed by Mode's documentation:
 * - last_run_at is when the latest run (manual or scheduled: Mode does not say which it counts) started, and
 *   last_successfully_run_at when the latest successful one started or finished. The one real listing we have
 *   shows success 2 s after the run's start for a run that succeeded, so "after" must be strict: a success
 *   stamped at or after the run's start means that run succeeded.
 * - A run still in progress looks the same as a failed one (nothing in the listing tells them apart): it
 *   shows as failing until a sync sees it succeed.
 * - last_successfully_run_at null, listed, with a last run: the report ran and never succeeded — failing.
 *   Not listed at all (an older or different API): nothing is known, so no report is failing.
 */
function isFailing(f: StatusFacts, lastRun: number | null, lastSuccess: number | null): boolean {
  if (lastRun === null) return false
  const listed = f.successListed === 1 || f.successListed === true || f.successListed === 1n
  if (!listed) return false
  if (f.lastSuccessfullyRunAt === null || f.lastSuccessfullyRunAt === undefined) return true
  // A success time that does not parse says nothing either way.
  return lastSuccess !== null && lastRun > lastSuccess
}
