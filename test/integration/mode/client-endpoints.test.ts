// Every client endpoint against the real simulator, compared with the simulator's truth: what the sync will
// store is exactly what the workspace holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createModeClient } from '../../../src/main/mode/client.ts'
import { startSimulator, type Simulator } from '../../../src/sim/server.ts'
import type { Truth } from '../../../src/sim/truth.ts'
import { clientFor } from './sim-client.ts'

let sim: Simulator
let truth: Truth

beforeAll(async () => {
  sim = await startSimulator({ seed: 7, reports: 150, rate: null, latencyMs: 0, paginationStyle: 'mixed' })
  truth = sim.truth()
})
afterAll(async () => {
  await sim?.close()
})

describe('Mode client against the simulator', () => {
  it('verify, account and workspace identify the token and workspace', async () => {
    const client = clientFor(sim)
    expect(await client.verify()).toMatchObject({ workspace: sim.workspace })
    expect(await client.account()).toMatchObject({ username: sim.accountUsername })
    expect(await client.workspace()).toMatchObject({ username: truth.workspace.username, name: truth.workspace.name })
  })

  it('listSpaces sees every collection with filter=all, and no personal ones with custom', async () => {
    const client = clientFor(sim)
    const all = await client.listSpaces()
    expect(all.map((s) => s.token).sort()).toEqual(truth.spaces.map((s) => s.token).sort())
    for (const space of all) {
      const t = truth.spaces.find((s) => s.token === space.token)
      expect(space).toMatchObject({ name: t?.name, isPersonal: t?.space_type === 'private', spaceType: t?.space_type })
    }
    const custom = await client.listSpaces({ filter: 'custom' })
    expect(custom.some((s) => s.isPersonal)).toBe(false)
    expect(custom.length).toBeLessThan(all.length)
  })

  it('every collection’s reports, paged, equal the truth field by field', async () => {
    const client = clientFor(sim)
    const spaces = await client.listSpaces()
    const listed = (await Promise.all(spaces.map((s) => client.listSpaceReports(s.token)))).flat()
    expect(listed.map((r) => r.token).sort()).toEqual(truth.reports.map((r) => r.token).sort())
    for (const r of listed) {
      const t = truth.reports.find((x) => x.token === r.token)!
      expect(r).toMatchObject({
        name: t.name,
        spaceToken: t.space_token,
        archived: t.archived,
        createdAt: t.created_at,
        updatedAt: t.updated_at,
        editedAt: t.edited_at,
        lastRunAt: t.last_run_at,
        viewCount: t.view_count,
        creatorUsername: t.creator_username,
        webUrl: t.web_url,
      })
    }
    expect(listed.some((r) => r.archived)).toBe(true)
  })

  it('updatedAfter and order select and sort by updated_at', async () => {
    const client = clientFor(sim)
    const space = [...truth.spaces].sort(
      (a, b) => truth.reports.filter((r) => r.space_token === b.token).length - truth.reports.filter((r) => r.space_token === a.token).length,
    )[0]!
    const inSpace = truth.reports.filter((r) => r.space_token === space.token).sort((a, b) => a.updated_at.localeCompare(b.updated_at))
    const cutoff = inSpace[Math.floor(inSpace.length / 2)]!.updated_at
    const newer = await client.listSpaceReports(space.token, { updatedAfter: cutoff, order: 'asc', orderBy: 'updated_at' })
    expect(newer.map((r) => r.token)).toEqual(inSpace.filter((r) => r.updated_at > cutoff).map((r) => r.token))
  })

  it('getReport, listQueries and listCharts return the report, its SQL and chart titles', async () => {
    const client = clientFor(sim)
    const withCharts = truth.reports.filter((r) => r.queries.some((q) => q.charts.length > 0)).slice(0, 3)
    expect(withCharts.length).toBeGreaterThan(0)
    for (const t of withCharts) {
      expect(await client.getReport(t.token)).toMatchObject({ token: t.token, name: t.name, creatorUsername: t.creator_username })
      const queries = await client.listQueries(t.token)
      expect(queries.map((q) => ({ token: q.token, rawQuery: q.rawQuery, dataSourceId: q.dataSourceId }))).toEqual(
        t.queries.map((q) => ({ token: q.token, rawQuery: q.raw_query, dataSourceId: String(q.data_source_id) })),
      )
      for (const q of t.queries) {
        const charts = await client.listCharts(t.token, q.token)
        expect(charts.map((c) => ({ token: c.token, title: c.title, type: c.chartType }))).toEqual(
          q.charts.map((c) => ({ token: c.token, title: c.title, type: c.chart_type })),
        )
      }
    }
  })

  it('data sources, memberships, groups, group memberships and users', async () => {
    const client = clientFor(sim)
    const sources = await client.listDataSources()
    expect(sources.map((d) => ({ token: d.token, adapter: d.adapter }))).toEqual(truth.data_sources.map((d) => ({ token: d.token, adapter: d.adapter })))

    const members = await client.listMemberships()
    expect(members.map((m) => ({ username: m.username, admin: m.admin, state: m.state }))).toEqual(
      truth.members.map((m) => ({ username: m.username, admin: m.admin, state: m.state })),
    )

    const groups = await client.listGroups()
    expect(groups.map((g) => g.name)).toEqual(truth.groups.map((g) => g.name))
    for (const g of truth.groups.slice(0, 3)) {
      const memberships = await client.listGroupMemberships(g.token)
      expect(memberships.map((m) => m.username).sort()).toEqual([...g.member_usernames].sort())
    }
  })

  it('wrong credentials → bad_credentials; unknown workspace → not_found; missing report → not_found', async () => {
    await expect(clientFor(sim, { password: 'wrong' }).verify()).rejects.toMatchObject({ code: 'bad_credentials', status: 401 })
    const nowhere = clientFor(sim, { workspace: 'no-such-workspace' })
    const error = await nowhere.listSpaces().catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'not_found', status: 404 })
    expect((error as { userMessage: string }).userMessage).toContain('"no-such-workspace"')
    await expect(clientFor(sim).getReport('000000000000')).rejects.toMatchObject({ code: 'not_found' })
  })

  it('an unreachable port → offline', async () => {
    const closed = await startSimulator({ seed: 1, reports: 1, rate: null })
    const url = closed.url
    await closed.close()
    const client = createModeClient({ baseUrl: url, token: 't', password: 'p', workspace: 'w', maxAttempts: 2, baseBackoffMs: 1 })
    await expect(client.verify()).rejects.toMatchObject({ code: 'offline', status: null })
  })
})
