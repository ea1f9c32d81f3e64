// A 1,000-report collection listed through every pagination style the simulator serves (bare pages, next_page
// links, a mix), with the page past the end repeating the last page or coming back empty: every report
// exactly once. And a caller's AbortSignal stops a listing between pages.
import { afterEach, describe, expect, it } from 'vitest'
import { generateWorkspace } from '../../../src/sim/generator.ts'
import { startSimulator, type PaginationStyle, type Simulator } from '../../../src/sim/server.ts'
import type { Truth } from '../../../src/sim/truth.ts'
import { clientFor } from './sim-client.ts'

const REPORTS = 1_000

/** A generated workspace with all of its reports moved into one collection. */
function oneBigCollection(): { truth: Truth; space: string } {
  const truth = generateWorkspace({ seed: 11, reports: REPORTS })
  const space = truth.spaces.find((s) => s.space_type === 'custom')!.token
  for (const r of truth.reports) r.space_token = space
  return { truth, space }
}

let sim: Simulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

describe('pagination of a 1,000-report collection', () => {
  const cases: [PaginationStyle, boolean][] = [
    ['bare', true],
    ['links', true],
    ['mixed', true],
    ['bare', false],
  ]
  it.each(cases)('style %s, last page repeated past the end: %s → no duplicates, nothing missed', async (style, repeatLastPage) => {
    const { truth, space } = oneBigCollection()
    sim = await startSimulator({ truth, rate: null, latencyMs: 0, paginationStyle: style, repeatLastPage })
    const client = clientFor(sim)
    const pages: number[] = []
    const reports = await client.listSpaceReports(space, { onPage: (items) => void pages.push(items.length) })
    const tokens = reports.map((r) => r.token)
    expect(tokens).toHaveLength(REPORTS)
    expect(new Set(tokens).size).toBe(REPORTS)
    expect([...tokens].sort()).toEqual(truth.reports.map((r) => r.token).sort())
    // 34 pages of ≤ 30, then exactly one request past the end.
    expect(pages).toHaveLength(Math.ceil(REPORTS / 30))
    expect(sim.stats().routes.space_reports).toBe(Math.ceil(REPORTS / 30) + 1)
  })

  it('an AbortSignal cancels mid-pagination: the call fails as cancelled and no further page is requested', async () => {
    const { truth, space } = oneBigCollection()
    sim = await startSimulator({ truth, rate: null, latencyMs: 20 })
    const client = clientFor(sim)
    const controller = new AbortController()
    const received: number[] = []
    const listing = client.listSpaceReports(space, {
      signal: controller.signal,
      onPage: (_items, page) => {
        received.push(page)
        if (page === 3) setTimeout(() => controller.abort(), 5) // lands while page 4 is in flight
      },
    })
    await expect(listing).rejects.toMatchObject({ code: 'cancelled' })
    expect(received).toEqual([1, 2, 3])
    await new Promise((r) => setTimeout(r, 60))
    expect(sim.stats().routes.space_reports).toBe(4)
  })
})
