// A server that sends unreadable items (no usable token, junk where an item belongs) among normal ones: the
// sync leaves them out and says how many, in its summary, its JSON and the run history `status` shows, and
// never prints what those items held.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../../src/sim/server.ts'
import { cli } from './cli-process.ts'

let sim: Simulator
let dataDir: string
beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 41, reports: 40, rate: { requests: 2000, perMs: 1000 }, latencyMs: 0, pageSize: 9, hostile: { seed: 3, share: 0.3 } })
  dataDir = await mkdtemp(join(tmpdir(), 'mc-cli-skipped-'))
})
afterAll(async () => {
  await sim?.close()
  await rm(dataDir, { recursive: true, force: true })
})

const env = () => ({ MODE_TOKEN: sim.token, MODE_PASSWORD: sim.password })
const syncArgs = () => ['sync', '--api-base', sim.url, '--workspace', sim.workspace, '--data-dir', dataDir, '--rate', '1000/1']

describe('unreadable items from Mode', () => {
  it('are counted in the sync summary, its JSON and status, as a number only', { timeout: 120_000 }, async () => {
    const json = await cli([...syncArgs(), '--full', '--json'], env())
    const summary = JSON.parse(json.stdout) as { itemsSkipped: number; outcome: string }
    // Every item the server destroyed was served at least once; junk entries come on top.
    const destroyed = Object.values(sim.hostileLog().unreadable).reduce((n, tokens) => n + tokens.length, 0)
    expect(destroyed).toBeGreaterThan(0)
    expect(summary.itemsSkipped).toBeGreaterThanOrEqual(destroyed)

    const plain = await cli([...syncArgs(), '--full'], env())
    const skipped = /Skipped\s+(\d+) items? Mode listed could not be read and (?:was|were) left out/.exec(plain.stdout)
    expect(skipped, plain.stdout + plain.stderr).not.toBeNull()
    // A second full sync reads less than the first (what the first fetched once is not fetched again), so its
    // count is its own; status shows the last run's.
    const lastCount = Number(skipped![1])
    expect(lastCount).toBeGreaterThan(0)

    const status = await cli(['status', '--data-dir', dataDir])
    expect(status.stdout).toContain(`${lastCount} items Mode listed could not be read`)
    // The items' own content (the server's junk) never reaches the output.
    for (const out of [plain.stdout + plain.stderr, status.stdout + status.stderr]) {
      expect(out).not.toContain('not an item')
      expect(out).not.toContain('nested')
    }
  })
})
