import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../../src/sim/server.ts'
import type { Truth } from '../../../src/sim/truth.ts'
import { adminPost, apiGet, walkSpaceReports } from './sim-http.ts'

let sims: Simulator[] = []
afterEach(async () => {
  await Promise.all(sims.map((s) => s.close()))
  sims = []
})

async function start(seed = 31, reports = 120): Promise<Simulator> {
  const sim = await startSimulator({ seed, reports, rate: null, pageSize: 1000, now: () => Date.parse('2026-10-01T00:00:00.000Z') })
  sims.push(sim)
  return sim
}

const tokensOf = (res: { json: { _embedded: Record<string, { token: string }[]> } }, key: string): string[] =>
  res.json._embedded[key]!.map((x) => x.token)

describe('mutations', () => {
  it('reports created, edited, moved, archived and deleted show in listings, single reads and the truth', async () => {
    const sim = await start()
    const ws = sim.workspace
    const [a, b] = sim.truth().spaces.filter((s) => s.space_type === 'custom')
    const maxUpdated = sim.truth().reports.map((r) => r.updated_at).sort().at(-1)!

    const created = await adminPost(sim, '/__sim/mutate', { ops: [{ kind: 'createReport', space_token: a!.token, name: 'Brand New Funnel',
      queries: [{ name: 'Main', raw_query: 'SELECT 42 AS answer' }] }] })
    expect(created.status).toBe(200)
    const token: string = created.json.results[0].token
    expect(tokensOf(await apiGet(sim, `/${ws}/spaces/${a!.token}/reports`), 'reports')).toContain(token)
    expect((await apiGet(sim, `/${ws}/reports/${token}/queries`)).json._embedded.queries[0].raw_query).toBe('SELECT 42 AS answer')

    const victim = sim.truth().reports.find((r) => r.space_token === a!.token && r.token !== token)!
    sim.mutate([{ kind: 'editReport', token: victim.token, name: 'Renamed report', description: 'new words' }])
    const edited = (await apiGet(sim, `/${ws}/reports/${victim.token}`)).json
    expect(edited).toMatchObject({ name: 'Renamed report', description: 'new words' })
    expect(edited.updated_at > maxUpdated).toBe(true)
    expect(edited.edited_at).toBe(edited.updated_at)
    const changed = await apiGet(sim, `/${ws}/spaces/${a!.token}/reports?order=asc&order_by=updated_at&filter=updated_at.gt.${maxUpdated}`)
    expect(tokensOf(changed, 'reports')).toEqual([token, victim.token])

    const q = victim.queries[0]!
    sim.mutate([{ kind: 'editQuery', report_token: victim.token, query_token: q.token, raw_query: 'SELECT 2' }])
    expect((await apiGet(sim, `/${ws}/reports/${victim.token}/queries`)).json._embedded.queries[0].raw_query).toBe('SELECT 2')
    const afterQueryEdit = (await apiGet(sim, `/${ws}/reports/${victim.token}`)).json
    expect(afterQueryEdit.last_saved_at).toBe(afterQueryEdit.updated_at)
    expect(afterQueryEdit.updated_at > edited.updated_at).toBe(true)

    sim.mutate([{ kind: 'moveReport', token: victim.token, space_token: b!.token }, { kind: 'archiveReport', token: victim.token }])
    expect(tokensOf(await apiGet(sim, `/${ws}/spaces/${a!.token}/reports`), 'reports')).not.toContain(victim.token)
    const inB = (await apiGet(sim, `/${ws}/spaces/${b!.token}/reports`)).json._embedded.reports.find((r: { token: string }) => r.token === victim.token)
    expect(inB).toMatchObject({ space_token: b!.token, archived: true })
    sim.mutate([{ kind: 'unarchiveReport', token: victim.token }])
    expect((await apiGet(sim, `/${ws}/reports/${victim.token}`)).json.archived).toBe(false)

    sim.mutate([{ kind: 'deleteReport', token: token }])
    expect((await apiGet(sim, `/${ws}/reports/${token}`)).status).toBe(404)
    expect(tokensOf(await apiGet(sim, `/${ws}/spaces/${a!.token}/reports`), 'reports')).not.toContain(token)
    const truth = (await (await fetch(`${sim.url}/__sim/truth`)).json()) as Truth
    expect(truth.reports.some((r) => r.token === token)).toBe(false)
    expect(truth.reports.find((r) => r.token === victim.token)!.space_token).toBe(b!.token)
  })

  it('collections, members and groups change in their listings', async () => {
    const sim = await start()
    const ws = sim.workspace
    const [res] = sim.mutate([{ kind: 'createCollection', name: 'Pricing Council' }])
    const spaces = async () => (await apiGet(sim, `/${ws}/spaces?filter=all`)).json._embedded.spaces as { token: string; name: string; space_type: string }[]
    expect((await spaces()).find((s) => s.token === res!.token)?.name).toBe('Pricing Council')
    sim.mutate([{ kind: 'renameCollection', token: res!.token!, name: 'Pricing' }])
    expect((await spaces()).find((s) => s.token === res!.token)?.name).toBe('Pricing')

    const [added] = sim.mutate([{ kind: 'addMember', username: 'newperson', name: 'New Person', email: 'new@acme.com' }])
    const members = async () => (await apiGet(sim, `/${ws}/memberships`)).json._embedded.memberships.map((m: { member_username: string }) => m.member_username)
    expect(await members()).toContain('newperson')
    expect((await spaces()).some((s) => s.token === added!.space_token && s.space_type === 'private')).toBe(true)
    expect((await apiGet(sim, '/newperson')).json.email).toBe('new@acme.com')
    sim.mutate([{ kind: 'removeMember', username: 'newperson' }])
    expect(await members()).not.toContain('newperson')

    const [group] = sim.mutate([{ kind: 'addGroup', name: 'Pricing Squad', member_usernames: [sim.accountUsername] }])
    const groups = async () => tokensOf(await apiGet(sim, `/${ws}/groups`), 'groups')
    expect(await groups()).toContain(group!.token)
    const gm = await apiGet(sim, `/${ws}/groups/${group!.token}/memberships`)
    expect(gm.json._embedded.group_memberships[0]._links.member.href).toBe(`/api/${sim.accountUsername}`)
    sim.mutate([{ kind: 'removeGroup', token: group!.token! }])
    expect(await groups()).not.toContain(group!.token)
  })

  it('rejects an invalid op with 400 and a reason', async () => {
    const sim = await start()
    const res = await adminPost(sim, '/__sim/mutate', { ops: [{ kind: 'editReport', token: 'ffffffffffff', name: 'x' }] })
    expect(res.status).toBe(400)
    expect(res.json.error).toContain('ffffffffffff')
    const unknown = await adminPost(sim, '/__sim/mutate', { ops: [{ kind: 'explode' }] })
    expect(unknown.status).toBe(400)
  })

  it('randomOps applies N valid mutations, the same for the same seed, and listings stay consistent with the truth', async () => {
    const one = await start(5, 150)
    const two = await start(5, 150)
    const r1 = await adminPost(one, '/__sim/mutate', { randomOps: { seed: 77, count: 60 } })
    const r2 = two.mutate({ randomOps: { seed: 77, count: 60 } })
    expect(r1.json.results).toHaveLength(60)
    expect(new Set(r2.map((r) => r.kind)).size).toBeGreaterThan(6)
    const digest = (sim: Simulator): string => createHash('sha256').update(JSON.stringify(sim.truth())).digest('hex')
    expect(digest(one)).toBe(digest(two))

    const truth = one.truth()
    const listed = (await apiGet(one, `/${one.workspace}/spaces?filter=all`)).json._embedded.spaces.map((s: { token: string }) => s.token)
    expect(listed.sort()).toEqual(truth.spaces.map((s) => s.token).sort())
    const walked: string[] = []
    for (const s of truth.spaces) walked.push(...(await walkSpaceReports(one, s.token)).tokens)
    expect(walked.sort()).toEqual(truth.reports.map((r) => r.token).sort())
  })
})
