// What the UI and CLI read after a sync, validated against the IPC contract's schemas and checked against the
// simulator's truth: a report with its SQL, tables and data source; collections with counts; stats; people
// with admins first and report counts; the sync history; chart titles fetched on demand when a report opens.
import { beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { getReportDetail, getStats, listCollections, listPeople, listSyncRuns } from '../../../src/main/library/index.ts'
import { fetchReportCharts } from '../../../src/main/sync/fetch-report-charts.ts'
import { syncWorkspace } from '../../../src/main/sync/sync-workspace.ts'
import { CollectionSummary, LibraryStats, PeopleList, ReportDetail, SyncRun } from '../../../src/shared/model.ts'
import { fastClient } from './sync-harness.ts'
import { suiteLibrary } from './suite-fixtures.ts'

describe('read models over a synced library', () => {
  const suite = suiteLibrary({ seed: 5150, reports: 50 })
  beforeAll(async () => {
    const { sim, library } = suite
    await syncWorkspace({ library, client: fastClient(sim), trigger: 'test' })
  })

  it('getReportDetail returns the report with its SQL, tables and data source; null for an unknown token', () => {
    const { sim, library } = suite
    const truth = sim.truth()
    const report = truth.reports.find((r) => r.queries.length > 1 && r.description) ?? truth.reports[0]!
    const detail = ReportDetail.parse(getReportDetail(library, report.token))
    expect(detail).toMatchObject({ token: report.token, archived: report.archived, viewCount: report.view_count, webUrl: report.web_url, queriesSynced: true, chartsFetchedAt: null })
    expect(detail.collection?.name).toBe(truth.spaces.find((s) => s.token === report.space_token)!.name)
    expect(detail.author?.username).toBe(report.creator_username)
    expect(detail.author?.name).toBeNull() // memberships carry no names; the UI shows the username
    expect(detail.queries.map((q) => q.sql)).toEqual(report.queries.map((q) => q.raw_query))
    const source = truth.data_sources.find((d) => d.id === report.queries[0]!.data_source_id)!
    expect(detail.queries[0]!.dataSource).toEqual({ id: String(source.id), name: source.name, adapter: source.adapter })
    expect(detail.queries.some((q) => q.tables.length > 0)).toBe(true)
    expect(getReportDetail(library, 'nope')).toBeNull()
  })

  it('listCollections counts reports per collection; getStats sums the library', () => {
    const { sim, library } = suite
    const truth = sim.truth()
    const collections = z.array(CollectionSummary).parse(listCollections(library))
    expect(collections).toHaveLength(truth.spaces.length)
    // One rule: the count is the live reports (what a click lists), archived ones beside it.
    for (const c of collections) {
      expect(c.reportCount).toBe(truth.reports.filter((r) => r.space_token === c.token && !r.archived).length)
      expect(c.archivedCount).toBe(truth.reports.filter((r) => r.space_token === c.token && r.archived).length)
    }
    expect(collections.some((c) => c.archivedCount > 0)).toBe(true)
    expect(collections.filter((c) => c.isPersonal).length).toBe(truth.spaces.filter((s) => s.space_type === 'private').length)
    // Every personal collection is named "Personal" in Mode; its label says whose it is, shared ones keep their name.
    for (const space of truth.spaces) {
      const c = collections.find((x) => x.token === space.token)
      const expected = space.space_type === 'private' && space.personal_owner_username ? `${space.name} — ${space.personal_owner_username}` : space.name
      expect(c?.label).toBe(expected)
    }
    const stats = LibraryStats.parse(getStats(library))
    expect(stats).toMatchObject({
      workspace: sim.workspace,
      reports: truth.reports.length,
      archivedReports: truth.reports.filter((r) => r.archived).length,
      queries: truth.reports.reduce((n, r) => n + r.queries.length, 0),
      reportsWithSql: truth.reports.length,
      collections: truth.spaces.length,
      members: truth.members.length,
      groups: truth.groups.length,
      dataSources: truth.data_sources.length,
    })
    expect(stats.lastSyncedAt).not.toBeNull()
  })

  it('listPeople puts admins first with report counts, and groups with their members', () => {
    const { sim, library } = suite
    const truth = sim.truth()
    const people = PeopleList.parse(listPeople(library))
    const admins = people.members.filter((m) => m.isAdmin).length
    expect(admins).toBeGreaterThan(0)
    expect(people.members.slice(0, admins).every((m) => m.isAdmin)).toBe(true)
    for (const m of people.members) {
      expect(m.reportCount).toBe(truth.reports.filter((r) => r.creator_username === m.username && !r.archived).length)
      expect(m.archivedReportCount).toBe(truth.reports.filter((r) => r.creator_username === m.username && r.archived).length)
    }
    for (const g of truth.groups) {
      expect(people.groups.find((x) => x.token === g.token)!.members.map((m) => m.username).sort()).toEqual([...new Set(g.member_usernames)].sort())
    }
  })

  it('listSyncRuns lists runs newest first with their counters', async () => {
    const { sim, library } = suite
    await syncWorkspace({ library, client: fastClient(sim), trigger: 'nightly' })
    const runs = z.array(SyncRun).parse(listSyncRuns(library, 10))
    expect(runs.map((r) => [r.kind, r.trigger, r.outcome])).toEqual([['incremental', 'nightly', 'success'], ['full', 'test', 'success']])
    expect(runs[1]!.queriesFetched).toBe(sim.truth().reports.length)
    expect(runs[0]!.queriesFetched).toBe(0)
    expect(runs[0]!.requests).toBeGreaterThan(0)
  })

  it('fetchReportCharts caches chart titles when a report is opened', async () => {
    const { sim, library } = suite
    const report = sim.truth().reports.find((r) => r.queries.some((q) => q.charts.some((c) => c.title)))!
    const detail = ReportDetail.parse(await fetchReportCharts({ library, client: fastClient(sim), token: report.token }))
    expect(detail.chartsFetchedAt).not.toBeNull()
    expect(detail.queries.map((q) => q.charts.map((c) => c.title))).toEqual(report.queries.map((q) => q.charts.map((c) => c.title)))
    // Cached: reading the report again offline shows the same titles.
    expect(getReportDetail(library, report.token)!.queries).toEqual(detail.queries)
  })
})
