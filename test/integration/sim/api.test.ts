import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../../src/sim/server.ts'
import { apiGet, authHeader } from './sim-http.ts'

let sim: Simulator
let ws: string

beforeAll(async () => {
  sim = await startSimulator({
    seed: 21, reports: 250, rate: null,
    workspaces: [{ workspace: 'globex', reports: 20 }, { workspace: 'initech', reports: 5, member: false }],
  })
  ws = sim.workspace
})
afterAll(() => sim.close())

describe('Mode simulator API', () => {
  it('listens on 127.0.0.1 and answers HAL+JSON', async () => {
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const res = await apiGet(sim, '/verify')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/hal+json')
    expect(res.json).toEqual({ workspace: ws, workspace_token: expect.stringMatching(/^[0-9a-f]{12}$/), _links: { self: { href: `/api/${ws}` } } })
  })

  it('refuses missing or wrong credentials with 401 unauthorized, without echoing them', async () => {
    for (const auth of [null, authHeader(sim.token, 'wrong-secret'), authHeader('000000000000', sim.password)]) {
      const res = await apiGet(sim, `/${ws}/spaces`, { auth })
      expect(res.status).toBe(401)
      expect(res.json.id).toBe('unauthorized')
      expect(typeof res.json.message).toBe('string')
      expect(res.text).not.toContain(sim.password)
    }
  })

  it('serves the account, the workspace, and 404/403 for unknown or foreign workspaces', async () => {
    const account = await apiGet(sim, '/account')
    expect(account.json.username).toBe(sim.accountUsername)
    const workspace = await apiGet(sim, `/${ws}`)
    expect(workspace.json).toMatchObject({ username: ws, name: 'Acme Analytics' })
    expect(workspace.json._links.spaces.href).toBe(`/api/${ws}/collections`)
    const unknown = await apiGet(sim, '/no-such-workspace/spaces')
    expect(unknown.status).toBe(404)
    expect(unknown.json.id).toBe('not_found')
    expect((await apiGet(sim, '/no-such-workspace')).status).toBe(404)
    const foreign = await apiGet(sim, '/initech/spaces?filter=all')
    expect(foreign.status).toBe(403)
    expect(foreign.json.id).toBe('forbidden')
    const other = await apiGet(sim, '/globex/spaces?filter=all')
    expect(other.status).toBe(200)
    expect(other.json._embedded.spaces.length).toBe(sim.truth('globex').spaces.length)
  })

  it('hides other users\' personal collections unless filter=all, and all personal ones with filter=custom', async () => {
    const truth = sim.truth()
    const all = (await apiGet(sim, `/${ws}/spaces?filter=all`)).json._embedded.spaces
    const plain = (await apiGet(sim, `/${ws}/spaces`)).json._embedded.spaces
    const custom = (await apiGet(sim, `/${ws}/collections?filter=custom`)).json._embedded.spaces
    expect(all.length).toBe(truth.spaces.length)
    const othersPersonal = truth.spaces.filter((s) => s.personal_owner_username && s.personal_owner_username !== truth.account_username)
    expect(othersPersonal.length).toBeGreaterThan(0)
    expect(plain.length).toBe(truth.spaces.length - othersPersonal.length)
    expect(plain.some((s: { space_type: string }) => s.space_type === 'private')).toBe(true)
    expect(custom.every((s: { space_type: string }) => s.space_type !== 'private')).toBe(true)
    const sample = all[0]
    expect(Object.keys(sample)).toEqual(expect.arrayContaining(['token', 'id', 'space_type', 'name', 'description', 'state', 'restricted', 'free_default', 'viewable?', 'default_access_level', '_links']))
    expect(sample._links.self.href).toBe(`/api/${ws}/collections/${sample.token}`)
    expect(sample._links.creator.href).toMatch(/^\/api\/[a-z0-9]+$/)
  })

  it('serves a collection under both /spaces and /collections', async () => {
    const s = sim.truth().spaces[0]!
    const a = await apiGet(sim, `/${ws}/spaces/${s.token}`)
    const b = await apiGet(sim, `/${ws}/collections/${s.token}`)
    expect(a.json).toEqual(b.json)
    expect(a.json.name).toBe(s.name)
    expect((await apiGet(sim, `/${ws}/spaces/ffffffffffff`)).status).toBe(404)
  })

  it('serves a report, its queries and their charts as in the truth', async () => {
    const truth = sim.truth()
    const r = truth.reports.find((x) => x.queries.some((q) => q.charts.length > 0))!
    const report = (await apiGet(sim, `/${ws}/reports/${r.token}`)).json
    expect(report).toMatchObject({ token: r.token, id: r.id, name: r.name, space_token: r.space_token, archived: r.archived,
      created_at: r.created_at, updated_at: r.updated_at, view_count: r.view_count, query_count: r.queries.length })
    expect(report._links.creator.href).toBe(`/api/${r.creator_username}`)
    expect(report._links.web.href).toBe(r.web_url)
    expect(report._links.space.href).toBe(`/api/${ws}/collections/${r.space_token}`)
    expect(report).not.toHaveProperty('creator_username')
    const queries = (await apiGet(sim, `/${ws}/reports/${r.token}/queries`)).json._embedded.queries
    expect(queries.map((q: { token: string; raw_query: string }) => [q.token, q.raw_query])).toEqual(r.queries.map((q) => [q.token, q.raw_query]))
    const q = r.queries.find((x) => x.charts.length > 0)!
    const charts = (await apiGet(sim, `/${ws}/reports/${r.token}/queries/${q.token}/charts`)).json._embedded.charts
    expect(charts.map((c: { token: string; view_vegas: { title?: string | null; chartType?: string | null } }) =>
      [c.token, c.view_vegas.title ?? null, c.view_vegas.chartType ?? null])).toEqual(q.charts.map((c) => [c.token, c.title, c.chart_type]))
    expect((await apiGet(sim, `/${ws}/reports/ffffffffffff`)).status).toBe(404)
    expect((await apiGet(sim, `/${ws}/reports/${r.token}/queries/ffffffffffff/charts`)).status).toBe(404)
  })

  it('serves data sources, memberships, groups, group memberships and users', async () => {
    const truth = sim.truth()
    const ds = (await apiGet(sim, `/${ws}/data_sources`)).json._embedded.data_sources
    expect(ds.map((d: { id: number; adapter: string }) => [d.id, d.adapter])).toEqual(truth.data_sources.map((d) => [d.id, d.adapter]))
    const members = (await apiGet(sim, `/${ws}/memberships`)).json._embedded.memberships
    expect(members.map((m: { member_username: string; admin: boolean; state: string }) => [m.member_username, m.admin, m.state]))
      .toEqual(truth.members.map((m) => [m.username, m.admin, m.state]))
    expect(members[0]._links.user.href).toBe(`/api/${truth.members[0]!.username}`)
    const groups = (await apiGet(sim, `/${ws}/groups`)).json._embedded.groups
    expect(groups.map((g: { token: string; name: string }) => [g.token, g.name])).toEqual(truth.groups.map((g) => [g.token, g.name]))
    const g = truth.groups[1]!
    const gm = (await apiGet(sim, `/${ws}/groups/${g.token}/memberships`)).json._embedded.group_memberships
    expect(gm.map((m: { _links: { member: { href: string } } }) => m._links.member.href)).toEqual(g.member_usernames.map((u) => `/api/${u}`))
    const someone = truth.members[3]!
    const user = (await apiGet(sim, `/${someone.username}`)).json
    expect(user).toMatchObject({ username: someone.username, name: someone.name, email: someone.email })
  })

  it('answers 403 for a collection deleted since it was listed, and drops its reports', async () => {
    const truth = sim.truth()
    const victim = truth.spaces.find((s) => s.space_type === 'custom' && truth.reports.some((r) => r.space_token === s.token))!
    const aReport = truth.reports.find((r) => r.space_token === victim.token)!
    sim.mutate([{ kind: 'deleteCollection', token: victim.token }])
    const res = await apiGet(sim, `/${ws}/spaces/${victim.token}`)
    expect(res.status).toBe(403)
    expect(res.json.id).toBe('forbidden')
    expect((await apiGet(sim, `/${ws}/spaces/${victim.token}/reports`)).status).toBe(403)
    expect((await apiGet(sim, `/${ws}/reports/${aReport.token}`)).status).toBe(404)
    const all = (await apiGet(sim, `/${ws}/spaces?filter=all`)).json._embedded.spaces
    expect(all.some((s: { token: string }) => s.token === victim.token)).toBe(false)
  })

  it('counts requests per route in stats', async () => {
    sim.resetStats()
    await apiGet(sim, '/verify')
    await apiGet(sim, `/${ws}/data_sources`)
    await apiGet(sim, `/${ws}/data_sources`)
    const stats = await (await fetch(`${sim.url}/__sim/stats`)).json()
    expect(stats).toMatchObject({ total: 3, routes: { verify: 1, data_sources: 2 }, rate_limited: 0 })
    await fetch(`${sim.url}/__sim/stats/reset`, { method: 'POST' })
    expect(sim.stats().total).toBe(0)
  })
})
