// `changes`: after a sync that saw a rename, an SQL edit and a deletion, the CLI lists exactly those, as text
// and as JSON, and rejects a --since it cannot read.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../../src/sim/server.ts'
import { cli } from './cli-process.ts'

let sim: Simulator
let dataDir: string
beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 23, reports: 20, rate: null, latencyMs: 0 })
  dataDir = await mkdtemp(join(tmpdir(), 'mc-cli-changes-'))
})
afterAll(async () => {
  await sim?.close()
  await rm(dataDir, { recursive: true, force: true })
})

describe('mode-companion changes', () => {
  it('prints what the last sync changed, and the same as JSON', async () => {
    const env = { MODE_TOKEN: sim.token, MODE_PASSWORD: sim.password }
    const sync = () => cli(['sync', '--api-base', sim.url, '--workspace', sim.workspace, '--data-dir', dataDir, '--rate', '1000/1'], env)
    expect((await sync()).code).toBe(0)
    const [a, b, c] = sim.truth().reports
    sim.mutate({ ops: [
      { kind: 'editReport', token: a!.token, name: 'Net revenue \u001b[31mretention' },
      { kind: 'editQuery', report_token: b!.token, raw_query: 'SELECT 42 AS answer' },
      { kind: 'deleteReport', token: c!.token },
    ] })
    expect((await sync()).code).toBe(0)

    const json = await cli(['changes', '--json', '--workspace', sim.workspace, '--data-dir', dataDir])
    expect(json.code).toBe(0)
    const feed = JSON.parse(json.stdout) as { lastSyncChanges: { kind: string; reportToken: string; versionId: number | null }[] }
    expect(feed.lastSyncChanges.map((ch) => `${ch.kind}:${ch.reportToken}`).sort())
      .toEqual([`deleted:${c!.token}`, `renamed:${a!.token}`, `sql_edited:${b!.token}`].sort())
    expect(feed.lastSyncChanges.find((ch) => ch.kind === 'sql_edited')!.versionId).toBeGreaterThan(0)

    const text = await cli(['changes', '--workspace', sim.workspace, '--data-dir', dataDir])
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(/Last sync/)
    expect(text.stdout).toContain('SQL edited')
    expect(text.stdout).toContain('Net revenue [31mretention')
    expect(text.stdout).not.toContain('\u001b[31m')

    const since = await cli(['changes', '--since', '2999-01-01', '--json', '--workspace', sim.workspace, '--data-dir', dataDir])
    expect(JSON.parse(since.stdout).changes).toEqual([])
    const bad = await cli(['changes', '--since', 'last tuesday', '--workspace', sim.workspace, '--data-dir', dataDir])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--since')
    // Six CLI processes and two syncs: well past the default on a busy machine.
  }, 240_000)
})
