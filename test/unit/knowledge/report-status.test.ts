// The status rules on what a listing can really hold: a success stamped just after the run began (Mode's own
// fixture), a run after the last success, a never-successful report, fields absent, null or garbage, times in
// the future, and the popularity bar of small and large workspaces.
import { describe, expect, it } from 'vitest'
import { popularMinViews, statusesOf, type StatusFacts } from '../../../src/main/knowledge/report-status.ts'

const NOW = Date.parse('2026-06-01T00:00:00Z')
const policy = { nowMs: NOW, staleDays: 180, popularMinViews: 100 }
const daysAgo = (n: number): string => new Date(NOW - n * 86_400_000).toISOString()
const base: StatusFacts = {
  viewCount: 5, lastRunAt: daysAgo(3), lastSuccessfullyRunAt: daysAgo(3), successListed: 1, schedulesCount: 0, archived: 0, lastEditedAt: daysAgo(30),
}
const of = (over: Partial<StatusFacts>) => statusesOf({ ...base, ...over }, policy)

describe('report statuses', () => {
  it('a success stamped two seconds after the run began is a run that succeeded (the real fixture)', () => {
    expect(of({ lastRunAt: '2021-12-10T23:12:51.490Z', lastSuccessfullyRunAt: '2021-12-10T23:12:53.142Z', lastEditedAt: '2021-12-10T23:12:51.156Z' })).toEqual(['stale'])
    expect(of({})).toEqual([])
  })

  it('a run after the last success is failing; a run that never succeeded too, but only when the field was listed', () => {
    expect(of({ lastRunAt: daysAgo(1), lastSuccessfullyRunAt: daysAgo(9) })).toEqual(['failing'])
    expect(of({ lastSuccessfullyRunAt: null })).toEqual(['failing'])
    // The listing did not carry the field at all (another API, an older Mode): nothing is known.
    expect(of({ lastSuccessfullyRunAt: null, successListed: 0 })).toEqual([])
    // A success time that does not parse says nothing either way.
    expect(of({ lastSuccessfullyRunAt: 'yesterday-ish' })).toEqual([])
    expect(of({ lastRunAt: 'not a date', lastSuccessfullyRunAt: null })).toEqual([])
  })

  it('never run: no time of any run; garbage in last_run_at is not "never"', () => {
    expect(of({ lastRunAt: null, lastSuccessfullyRunAt: null })).toEqual(['never-run'])
    expect(of({ lastRunAt: undefined, lastSuccessfullyRunAt: undefined, successListed: undefined })).toEqual(['never-run'])
    expect(of({ lastRunAt: 12345, lastSuccessfullyRunAt: null })).not.toContain('never-run')
  })

  it('stale: not run and not edited for longer than the setting; a recent run or edit keeps it fresh', () => {
    expect(of({ lastRunAt: daysAgo(200), lastSuccessfullyRunAt: daysAgo(200), lastEditedAt: daysAgo(400) })).toEqual(['stale'])
    expect(of({ lastRunAt: daysAgo(200), lastSuccessfullyRunAt: daysAgo(200), lastEditedAt: daysAgo(10) })).toEqual([])
    expect(of({ lastRunAt: daysAgo(179), lastSuccessfullyRunAt: daysAgo(179), lastEditedAt: daysAgo(400) })).toEqual([])
    expect(statusesOf({ ...base, lastRunAt: daysAgo(100), lastSuccessfullyRunAt: daysAgo(100), lastEditedAt: daysAgo(100) }, { ...policy, staleDays: 90 })).toEqual(['stale'])
    // Never run and never edited for a year: both.
    expect(of({ lastRunAt: null, lastSuccessfullyRunAt: null, lastEditedAt: daysAgo(365) })).toEqual(['stale', 'never-run'])
    // Nothing known, or a time in the future: not stale.
    expect(of({ lastRunAt: null, lastSuccessfullyRunAt: null, lastEditedAt: 'garbage' })).toEqual(['never-run'])
    expect(of({ lastRunAt: null, lastSuccessfullyRunAt: null, lastEditedAt: '2999-01-01T00:00:00Z' })).toEqual(['never-run'])
  })

  it('popular at the workspace bar, never when archived; counts arrive as strings, bigints or garbage', () => {
    expect(of({ viewCount: 100 })).toEqual(['popular'])
    expect(of({ viewCount: '250' })).toEqual(['popular'])
    expect(of({ viewCount: 250n })).toEqual(['popular'])
    expect(of({ viewCount: 99 })).toEqual([])
    expect(of({ viewCount: 'lots' })).toEqual([])
    expect(of({ viewCount: 1e9, archived: 1 })).toEqual([])
  })

  it('scheduled when the listing counts a schedule', () => {
    expect(of({ schedulesCount: 2 })).toEqual(['scheduled'])
    expect(of({ schedulesCount: '1' })).toEqual(['scheduled'])
    for (const junk of [0, -3, 'x', null, undefined, Number.NaN]) expect(of({ schedulesCount: junk })).toEqual([])
  })

  it('the popularity bar: the top 5% of live reports, ties included, never under 10 views, none in an empty library', () => {
    const views = Array.from({ length: 200 }, (_, i) => 1000 - i) // 1000, 999, …, 801
    const at = (rank: number) => views[rank - 1] ?? null
    expect(popularMinViews(200, at)).toBe(991) // rank 10 of 200
    expect(popularMinViews(3, (rank) => [40, 30, 5][rank - 1] ?? null)).toBe(40) // rank 1: the most viewed
    expect(popularMinViews(50, () => 2)).toBe(10) // a workspace nobody reads has no popular report
    expect(popularMinViews(0, () => 1000)).toBe(Infinity)
  })
})
