// `npm run demo` as a user runs it: the whole job in one command — the simulated workspace synced, searched,
// changed a day later and synced again, with what changed and the duplicate it created printed.
import { rm } from 'node:fs/promises'
import { afterAll, expect, it } from 'vitest'
import { cli } from './cli-process.ts'

let dataDir: string | null = null
afterAll(async () => { if (dataDir) await rm(dataDir, { recursive: true, force: true }) })

it('syncs the sample, searches it, then shows the next sync\'s changes and the copy it found', async () => {
  const run = await cli(['demo'], {}, 240_000)
  dataDir = /--data-dir (\S+)/.exec(run.stdout)?.[1] ?? null
  expect(run.code, run.stderr).toBe(0)
  expect(run.stdout).toMatch(/Full sync of sample-analytics finished/)
  expect(run.stdout).toMatch(/Incremental sync of sample-analytics finished/)
  const changes = run.stdout.slice(run.stdout.indexOf('changes   —'), run.stdout.indexOf('duplicates   —'))
  for (const kind of ['SQL edited', 'renamed', 'archived', 'deleted', 'new']) expect(changes).toContain(kind)
  const duplicates = run.stdout.slice(run.stdout.indexOf('duplicates   —'), run.stdout.indexOf('Keep exploring'))
  expect(duplicates).toContain('likely original')
  expect(duplicates).toMatch(/\(copy for the board\).*exact copy/)
}, 300_000)
