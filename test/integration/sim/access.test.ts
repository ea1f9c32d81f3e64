// The simulator's access endpoints: collection permissions and Discovery-like member activity for an admin
// token, 403 for a member token; and the access-review workspace really holds every case it promises.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateAccessReviewWorkspace, type AccessReviewCases } from '../../../src/sim/access-data.ts'
import { startSimulator, type Simulator } from '../../../src/sim/server.ts'
import { apiGet, authHeader } from './sim-http.ts'

const REFERENCE = Date.parse('2026-11-20T12:00:00.000Z')
let sim: Simulator
let cases: AccessReviewCases

beforeAll(async () => {
  const generated = generateAccessReviewWorkspace({ seed: 33, reports: 300, referenceMs: REFERENCE })
  cases = generated.cases
  sim = await startSimulator({ truth: generated.truth, rate: null, batchPageSize: 7 })
})
afterAll(() => sim.close())

const asMember = () => authHeader(sim.memberToken, sim.memberPassword)

async function batchGet(path: string, auth: string) {
  const res = await fetch(`${sim.url}/batch/${sim.workspace}${path}`, { headers: { Authorization: auth } })
  return { status: res.status, json: (await res.json()) as Record<string, unknown> }
}

describe('simulator access data', () => {
  it('serves each collection\'s permissions to the admin token and 403 to a member token', async () => {
    const truth = sim.truth()
    const board = truth.spaces.find((s) => s.token === cases.restrictedCollection)!
    const res = await apiGet(sim, `/${sim.workspace}/spaces/${board.token}/permissions`)
    expect(res.status).toBe(200)
    const listed = res.json._embedded.permissions as { accessor_type: string; accessor_token: string; action: string }[]
    expect(listed.map((p) => [p.accessor_type, p.accessor_token, p.action])).toEqual(board.permissions!.map((p) => [p.accessor_type, p.accessor_token, p.action]))
    expect(listed.some((p) => p.accessor_token === cases.unknownAccessorToken)).toBe(true)

    const space = await apiGet(sim, `/${sim.workspace}/spaces`, { auth: asMember() })
    const rendered = (space.json._embedded.spaces as { token: string; restricted: boolean; default_access_level: string }[]).find((s) => s.token === board.token)!
    // Like Mode at times: the flag says false, the access level says restricted.
    expect(rendered).toMatchObject({ restricted: false, default_access_level: 'restricted' })

    const denied = await apiGet(sim, `/${sim.workspace}/spaces/${board.token}/permissions`, { auth: asMember() })
    expect(denied.status).toBe(403)
    expect(denied.json.id).toBe('forbidden')
    for (const path of ['/groups', `/groups/${truth.groups[0]!.token}/memberships`]) {
      expect((await apiGet(sim, `/${sim.workspace}${path}`, { auth: asMember() })).status).toBe(403)
    }
    expect((await apiGet(sim, `/${sim.workspace}/memberships`, { auth: asMember() })).status).toBe(200)
    expect((await apiGet(sim, '/account', { auth: asMember() })).json.username).toBe(sim.memberUsername)
  })

  it('pages member activity like the Discovery API, admin token only', async () => {
    const truth = sim.truth()
    const seen: { username: string; last_day_engaged: string | null }[] = []
    let pages = 0
    for (let page = 1; page <= 100; page++) {
      const { status, json } = await batchGet(`/members?page=${page}`, authHeader(sim.token, sim.password))
      expect(status).toBe(200)
      pages++
      seen.push(...(json.members as typeof seen))
      if (!(json._links as { next_page?: unknown }).next_page) break
    }
    expect(pages).toBe(Math.ceil(truth.members.length / 7))
    expect(seen.map((m) => m.username)).toEqual(truth.members.map((m) => m.username))
    expect(seen.find((m) => m.username === cases.inactiveAdmin)!.last_day_engaged).toBe('2025-10-16')
    expect((await batchGet('/members', asMember())).status).toBe(403)
  })

  it('plants every review case', () => {
    const truth = sim.truth()
    const member = (u: string) => truth.members.find((m) => m.username === u)!
    expect(member(cases.inactiveAdmin).admin).toBe(true)
    expect(member(cases.deactivatedOwner).state).toBe('deactivated')
    expect(truth.reports.some((r) => r.creator_username === cases.deactivatedOwner)).toBe(true)
    expect(truth.groups.some((g) => g.member_usernames.includes(cases.deactivatedOwner))).toBe(true)
    expect(truth.spaces.some((s) => s.personal_owner_username === cases.deactivatedOwner)).toBe(true)
    expect(truth.groups.find((g) => g.token === cases.emptyGroup)!.member_usernames).toEqual([])
    const granted = new Set(truth.spaces.flatMap((s) => s.permissions ?? []).map((p) => p.accessor_token))
    expect(granted.has(cases.noAccessGroup)).toBe(false)
    expect(truth.groups.find((g) => g.token === cases.noAccessGroup)!.member_usernames.length).toBeGreaterThan(0)
    expect(member(sim.memberUsername).admin).toBe(false)
  })
})
