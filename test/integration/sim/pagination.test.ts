import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../src/sim/server.ts'
import type { Truth } from '../../../src/sim/truth.ts'
import { apiGet, walkSpaceReports } from './sim-http.ts'

let sim: Simulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

async function start(options: SimulatorOptions): Promise<Simulator> {
  sim = await startSimulator({ seed: 4, reports: 400, rate: null, ...options })
  return sim
}

function biggestSpace(truth: Truth): { token: string; reportTokens: string[] } {
  const counts = new Map<string, string[]>()
  for (const r of truth.reports) counts.set(r.space_token, [...(counts.get(r.space_token) ?? []), r.token])
  const [token, reportTokens] = [...counts.entries()].sort((a, b) => b[1].length - a[1].length)[0]!
  return { token, reportTokens }
}

describe('space report pagination', () => {
  it('bare style: ~30 per page, no next_page or pagination, and a page past the end repeats the last page', async () => {
    const s = await start({ paginationStyle: 'bare' })
    const space = biggestSpace(s.truth())
    expect(space.reportTokens.length).toBeGreaterThan(60)
    const first = await apiGet(s, `/${s.workspace}/spaces/${space.token}/reports?page=1`)
    expect(first.json._embedded.reports).toHaveLength(30)
    expect(first.json).not.toHaveProperty('pagination')
    expect(first.json._links).not.toHaveProperty('next_page')
    const lastPage = Math.ceil(space.reportTokens.length / 30)
    const last = await apiGet(s, `/${s.workspace}/spaces/${space.token}/reports?page=${lastPage}`)
    const past = await apiGet(s, `/${s.workspace}/spaces/${space.token}/reports?page=${lastPage + 1}`)
    expect(past.json._embedded.reports.map((r: { token: string }) => r.token)).toEqual(last.json._embedded.reports.map((r: { token: string }) => r.token))
    const walked = await walkSpaceReports(s, space.token)
    expect(new Set(walked.tokens)).toEqual(new Set(space.reportTokens))
    expect(walked.tokens).toHaveLength(space.reportTokens.length)
    expect(walked.pages).toBe(lastPage + 1)
  })

  it('without repeatLastPage a page past the end is empty', async () => {
    const s = await start({ repeatLastPage: false, pageSize: 7 })
    const space = biggestSpace(s.truth())
    const past = await apiGet(s, `/${s.workspace}/spaces/${space.token}/reports?page=${Math.ceil(space.reportTokens.length / 7) + 1}`)
    expect(past.status).toBe(200)
    expect(past.json._embedded.reports).toEqual([])
    const walked = await walkSpaceReports(s, space.token)
    expect(new Set(walked.tokens)).toEqual(new Set(space.reportTokens))
  })

  it('links style: next_page and pagination on every page, following next_page reaches every report', async () => {
    const s = await start({ paginationStyle: 'links', pageSize: 25 })
    const space = biggestSpace(s.truth())
    const seen: string[] = []
    let href: string | undefined = `/api/${s.workspace}/spaces/${space.token}/reports?page=1`
    for (let guard = 0; href && guard < 100; guard++) {
      const res = await apiGet(s, href.replace(/^\/api/, ''))
      expect(res.json.pagination).toMatchObject({ per_page: 25, total_count: space.reportTokens.length })
      seen.push(...res.json._embedded.reports.map((r: { token: string }) => r.token))
      href = res.json._links.next_page?.href
    }
    expect(seen.sort()).toEqual([...space.reportTokens].sort())
  })

  it('mixed style: next_page appears on some responses and not on others', async () => {
    const s = await start({ paginationStyle: 'mixed', pageSize: 5 })
    const space = biggestSpace(s.truth())
    let withLinks = 0
    let without = 0
    for (let page = 1; page <= 12; page++) {
      const res = await apiGet(s, `/${s.workspace}/spaces/${space.token}/reports?page=${page}`)
      if (res.json.pagination) withLinks++
      else without++
    }
    expect(withLinks).toBeGreaterThan(0)
    expect(without).toBeGreaterThan(0)
  })

  it('orders by created_at or updated_at, asc or desc, and filters with updated_at.gt.<ISO>', async () => {
    const s = await start({ pageSize: 1000 })
    const space = biggestSpace(s.truth())
    const list = async (q: string) => (await apiGet(s, `/${s.workspace}/spaces/${space.token}/reports?page=1${q}`)).json._embedded.reports as
      { token: string; created_at: string; updated_at: string }[]
    const byUpdatedAsc = await list('&order=asc&order_by=updated_at')
    const times = byUpdatedAsc.map((r) => r.updated_at)
    expect(times).toEqual([...times].sort())
    const byCreatedDesc = await list('&order=desc&order_by=created_at')
    expect(byCreatedDesc.map((r) => r.created_at)).toEqual(byCreatedDesc.map((r) => r.created_at).sort().reverse())
    const cut = times[Math.floor(times.length / 2)]!
    const newer = await list(`&order=asc&order_by=updated_at&filter=updated_at.gt.${cut}`)
    expect(newer.length).toBe(times.filter((t) => t > cut).length)
    expect(newer.every((r) => r.updated_at > cut)).toBe(true)
    // A timestamp without milliseconds compares as an instant, not as text.
    const noMillis = new Date(Date.parse(cut)).toISOString().replace(/\.\d{3}Z$/, 'Z')
    const newer2 = await list(`&order_by=created_at&filter=updated_at.gt.${noMillis}`)
    expect(newer2.length).toBe(times.filter((t) => Date.parse(t) > Date.parse(noMillis)).length)
    const bad = await apiGet(s, `/${s.workspace}/spaces/${space.token}/reports?filter=updated_at.gt.yesterday`)
    expect(bad.status).toBe(400)
    expect(bad.json.id).toBe('bad_request')
  })
})
