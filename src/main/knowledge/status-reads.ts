// Report statuses read from the library: the workspace's popularity bar, the statuses of a page of reports
// (result rows), every report with a status (search filters), and one report's statuses in words (its page).
// The rules themselves are in report-status.ts.
import type { DatabaseSync } from 'node:sqlite'
import type { ReportStatus, SearchHit } from '../../shared/model.ts'
import type { ReportStatusReason } from '../../shared/knowledge-model.ts'
import { libraryState } from '../library/library-state.ts'
import { prepareCached } from '../library/statement-cache.ts'
import { countOf, DEFAULT_STALE_DAYS, MAX_STALE_DAYS, MIN_STALE_DAYS, POPULAR_FLOOR_VIEWS, POPULAR_SHARE, popularMinViews, statusesOf, timeOf, type StatusFacts, type StatusPolicy } from './report-status.ts'

const FACTS = `r.token, r.view_count, r.last_run_at, i.last_successfully_run_at, i.success_listed, i.schedules_count, r.archived, r.last_edited_at
  FROM reports r LEFT JOIN report_run_info i ON i.report_token = r.token`

type FactRow = [token: string, views: unknown, lastRun: unknown, lastSuccess: unknown, listed: unknown, schedules: unknown, archived: unknown, edited: unknown]

const factsOf = (row: FactRow): StatusFacts => ({
  viewCount: row[1], lastRunAt: row[2], lastSuccessfullyRunAt: row[3], successListed: row[4], schedulesCount: row[5], archived: row[6], lastEditedAt: row[7],
})

/** A stale setting outside its bounds (hand-edited settings, a hostile caller) falls back to the default. */
export function clampStaleDays(days: unknown): number {
  return typeof days === 'number' && Number.isInteger(days) && days >= MIN_STALE_DAYS && days <= MAX_STALE_DAYS ? days : DEFAULT_STALE_DAYS
}

const popularCache = new WeakMap<DatabaseSync, { state: string; views: number }>()

/** The views a live report needs to count as popular in this library (report-status.ts: popularMinViews). */
export function workspacePopularViews(db: DatabaseSync): number {
  const state = libraryState(db)
  const cached = popularCache.get(db)
  if (cached?.state === state) return cached.views
  const live = Number((prepareCached(db, 'SELECT count(*) AS n FROM reports WHERE archived = 0').get() as { n: number }).n)
  const at = prepareCached(db, 'SELECT view_count AS v FROM reports WHERE archived = 0 ORDER BY view_count DESC LIMIT 1 OFFSET ?')
  const views = popularMinViews(live, (rank) => countOf((at.get(rank - 1) as { v: unknown } | undefined)?.v))
  popularCache.set(db, { state, views })
  return views
}

export function statusPolicy(db: DatabaseSync, nowMs: number, staleDays: unknown): StatusPolicy {
  return { nowMs, staleDays: clampStaleDays(staleDays), popularMinViews: workspacePopularViews(db) }
}

/** Statuses of the given reports (a page of hits); reports without any are left out. */
export function statusesOfReports(db: DatabaseSync, tokens: string[], policy: StatusPolicy): Map<string, ReportStatus[]> {
  // One statement for the page (the tokens as a JSON array): a statement per report cost more than the rules.
  const select = prepareCached(db, `SELECT ${FACTS} WHERE r.token IN (SELECT value FROM json_each(?))`)
  select.setReturnArrays(true)
  const out = new Map<string, ReportStatus[]>()
  for (const row of select.all(JSON.stringify(tokens)) as unknown as FactRow[]) {
    const statuses = statusesOf(factsOf(row), policy)
    if (statuses.length > 0) out.set(row[0], statuses)
  }
  return out
}

/** The hits with their statuses (a result row's badges). */
export function withStatuses(db: DatabaseSync, hits: SearchHit[], policy: StatusPolicy): SearchHit[] {
  if (hits.length === 0) return hits
  const statuses = statusesOfReports(db, hits.map((h) => h.token), policy)
  return hits.map((h) => (statuses.has(h.token) ? { ...h, statuses: statuses.get(h.token)! } : h))
}

const setsCache = new WeakMap<DatabaseSync, { key: string; sets: Map<ReportStatus, Set<string>> }>()

/**
 * Every report with each status (is:stale, is:failing, …): one pass over the reports, kept until the library
 * or the policy (stale days, the day) changes — about 0.1 s at 100,000 reports, once per sync commit at most.
 */
export function reportsByStatus(db: DatabaseSync, policy: StatusPolicy): Map<ReportStatus, Set<string>> {
  const key = `${libraryState(db)}|${policy.staleDays}|${Math.floor(policy.nowMs / 3_600_000)}|${policy.popularMinViews}`
  const cached = setsCache.get(db)
  if (cached?.key === key) return cached.sets
  const sets = new Map<ReportStatus, Set<string>>()
  const all = prepareCached(db, `SELECT ${FACTS}`)
  all.setReturnArrays(true)
  for (const row of all.iterate() as Iterable<unknown> as Iterable<FactRow>) {
    for (const status of statusesOf(factsOf(row), policy)) {
      let set = sets.get(status)
      if (!set) sets.set(status, (set = new Set()))
      set.add(String(row[0]))
    }
  }
  setsCache.set(db, { key, sets })
  return sets
}

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10)
const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`

/** One report's statuses, each with the facts behind it (the report page). Empty for an unknown report. */
export function reportStatusReasons(db: DatabaseSync, token: string, policy: StatusPolicy): ReportStatusReason[] {
  const select = prepareCached(db, `SELECT ${FACTS} WHERE r.token = ?`)
  select.setReturnArrays(true)
  const row = select.get(token) as unknown as FactRow | undefined
  if (!row) return []
  const f = factsOf(row)
  const lastRun = timeOf(f.lastRunAt)
  const lastSuccess = timeOf(f.lastSuccessfullyRunAt)
  const edited = timeOf(f.lastEditedAt)
  return statusesOf(f, policy).map((status): ReportStatusReason => {
    switch (status) {
      case 'popular':
        return { status, reason: `Viewed ${plural(countOf(f.viewCount) ?? 0, 'time')}: among the top ${POPULAR_SHARE * 100}% of this workspace's reports (${plural(policy.popularMinViews, 'view')} or more; at least ${POPULAR_FLOOR_VIEWS}).` }
      case 'failing':
        return { status, reason: lastSuccess === null
          ? `Last run ${day(lastRun!)} and never succeeded (or the run is still going).`
          : `Last run ${day(lastRun!)} did not succeed (or is still going); the last success was ${day(lastSuccess)}.` }
      case 'stale': {
        const last = Math.max(lastRun ?? -Infinity, lastSuccess ?? -Infinity, edited ?? -Infinity)
        const days = Math.floor((policy.nowMs - last) / 86_400_000)
        return { status, reason: `Not run or edited for ${plural(days, 'day')} (since ${day(last)}; stale after ${policy.staleDays}).` }
      }
      case 'scheduled':
        return { status, reason: `Runs on ${plural(countOf(f.schedulesCount) ?? 0, 'schedule')}.` }
      case 'never-run':
      default:
        return { status, reason: 'Mode has no run of this report.' }
    }
  })
}
