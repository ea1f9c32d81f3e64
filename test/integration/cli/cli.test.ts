// The CLI as a user runs it: a child process on Node 24 against the Mode simulator, checking exit codes,
// what is printed, --json shapes and the files written. One workspace, synced, searched, exported, changed
// in the simulator, synced again incrementally and exported again.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../../src/sim/server.ts'
import { cli } from './cli-process.ts'

let sim: Simulator
let dataDir: string
let exportDir: string
let resultsDir: string
let creds: Record<string, string>

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 11, reports: 45, rate: { requests: 2000, perMs: 1000 }, latencyMs: 0 })
  dataDir = await mkdtemp(join(tmpdir(), 'mc-cli-data-'))
  exportDir = await mkdtemp(join(tmpdir(), 'mc-cli-export-'))
  resultsDir = await mkdtemp(join(tmpdir(), 'mc-cli-results-'))
  creds = { MODE_TOKEN: sim.token, MODE_PASSWORD: sim.password }
})

afterAll(async () => {
  await sim?.close()
  await rm(dataDir, { recursive: true, force: true })
  await rm(exportDir, { recursive: true, force: true })
  await rm(resultsDir, { recursive: true, force: true })
})

const syncArgs = () => ['sync', '--api-base', sim.url, '--workspace', sim.workspace, '--data-dir', dataDir, '--rate', '1000/1']

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1).split('\\').join('/')).sort()
}

describe('mode-companion CLI against the simulator', () => {
  it('syncs, searches, exports, then syncs incrementally after changes in Mode', { timeout: 180_000 }, async () => {
    const truth = sim.truth()
    // Mode Datasets are kept (and exported) like reports: they are reports of type DatasetReport.
    const listed = truth.reports.length + truth.datasets.length
    const allQueries = [...truth.reports, ...truth.datasets].reduce((n, r) => n + r.queries.length, 0)

    // Full sync, JSON summary on stdout, progress lines on stderr.
    const first = await cli([...syncArgs(), '--json'], creds)
    expect(first.stderr).not.toContain('Error')
    expect(first.code).toBe(0)
    const summary = JSON.parse(first.stdout)
    expect(Object.keys(summary)).toEqual(expect.arrayContaining(['kind', 'reports', 'queries', 'collections', 'members', 'requests', 'rateLimited', 'durationMs']))
    expect(summary).toMatchObject({
      kind: 'full',
      reports: listed,
      queries: allQueries,
      members: truth.members.length,
      rateLimited: 0,
    })
    expect(summary.requests).toBeGreaterThan(truth.reports.length)
    expect(first.stderr).toMatch(/Fetching SQL: \d+\/\d+, \d+ requests/)

    // Search: a report's own name finds it first, human and JSON.
    const target = truth.reports.find((r) => r.name && !r.archived && r.name.split(' ').length >= 3)!
    const words = target.name!.split(' ').slice(0, 3).join(' ')
    const human = await cli(['search', words, '--data-dir', dataDir])
    expect(human.code).toBe(0)
    expect(human.stdout).toContain(target.name!)
    expect(human.stdout).toMatch(/«[^»]+»/)
    const json = await cli(['search', words, '--json', '--limit', '5', '--data-dir', dataDir])
    expect(json.code).toBe(0)
    const hits = JSON.parse(json.stdout) as Record<string, unknown>[]
    expect(hits.length).toBeGreaterThan(0)
    expect(hits.length).toBeLessThanOrEqual(5)
    expect(Object.keys(hits[0]!).sort()).toEqual(['archived', 'author', 'collection', 'name', 'score', 'snippet', 'statuses', 'token', 'updatedAt'])
    expect(hits.map((h) => h.token)).toContain(target.token)
    expect(hits.find((h) => h.token === target.token)!.snippet).toMatch(/«/)

    // Export: one file per query in a folder per collection, a manifest with every report.
    const exported = await cli(['export', exportDir, '--data-dir', dataDir])
    expect(exported.code).toBe(0)
    expect(exported.stdout).toMatch(/Exported \d+ reports/)
    const manifest = JSON.parse(await readFile(join(exportDir, 'manifest.json'), 'utf8'))
    expect(manifest.reports).toHaveLength(listed)
    const targetEntry = manifest.reports.find((r: { token: string }) => r.token === target.token)
    expect(targetEntry.webUrl).toBe(target.web_url)
    const firstFile: string = targetEntry.queries[0].file
    const sql = await readFile(join(exportDir, firstFile), 'utf8')
    expect(sql).toContain(`-- Link:       ${target.web_url}`)
    expect(sql).toContain(target.queries[0]!.raw_query.trim().slice(0, 40))
    const filesBefore = await listFiles(exportDir)
    expect(filesBefore).toHaveLength(allQueries + 1)

    // export --results: each query's cached last results as a .csv beside its .sql; none for a purged result.
    const withResults = await cli(['export', resultsDir, '--results', '--json', '--data-dir', dataDir])
    expect(withResults.code).toBe(0)
    const resultsManifest = JSON.parse(await readFile(join(resultsDir, 'manifest.json'), 'utf8'))
    const queryEntries = new Map<string, { file: string; results?: { file: string; rows: number; totalRows: number } }>(
      resultsManifest.reports.flatMap((r: { queries: { token: string }[] }) => r.queries.map((q) => [q.token, q])),
    )
    const withRows = truth.reports.flatMap((r) => r.queries).filter((q) => q.result && q.result.fault !== 'purged' && q.result.fault !== 'malformed_csv' && q.result.fault !== 'huge')
    expect(withRows.length).toBeGreaterThan(5)
    for (const q of withRows) {
      const entry = queryEntries.get(q.token)!
      expect(entry.results?.file).toBe(entry.file.replace(/\.sql$/, '.csv'))
      const csv = await readFile(join(resultsDir, entry.results!.file), 'utf8')
      const lines = csv.split('\r\n')
      expect(lines[0]).toBe(q.result!.columns.map((c) => c.name).join(','))
      expect(lines.length - 2).toBe(Math.min(2_000, q.result!.row_count))
      expect(entry.results).toMatchObject({ rows: Math.min(2_000, q.result!.row_count), totalRows: q.result!.row_count })
    }
    for (const q of truth.reports.flatMap((r) => r.queries).filter((q) => q.result?.fault === 'purged')) expect(queryEntries.get(q.token)!.results).toBeUndefined()
    expect((await listFiles(resultsDir)).filter((f) => f.endsWith('.csv')).length).toBeGreaterThanOrEqual(withRows.length)

    // Change the workspace in "Mode": rename one report, delete another, add a new one.
    const doomed = truth.reports.find((r) => r.token !== target.token && r.queries.length > 0)!
    const doomedFiles = manifest.reports.find((r: { token: string }) => r.token === doomed.token).queries.map((q: { file: string }) => q.file)
    const space = truth.spaces.find((s) => s.space_type === 'custom')!
    sim.mutate([
      { kind: 'editReport', token: target.token, name: 'Zanzibar shipping forecast' },
      { kind: 'deleteReport', token: doomed.token },
      { kind: 'createReport', space_token: space.token, name: 'Quokka cohort audit', queries: [{ name: 'Cohorts', raw_query: 'select * from analytics.quokka_cohorts' }] },
    ])

    const second = await cli([...syncArgs(), '--json'], creds)
    expect(second.code).toBe(0)
    const incremental = JSON.parse(second.stdout)
    expect(incremental).toMatchObject({ kind: 'incremental', reports: listed, reportsChanged: expect.any(Number) })
    expect(incremental.queriesFetched).toBeLessThanOrEqual(3) // only what changed, not every report again
    expect(incremental.requests).toBeLessThan(summary.requests)

    const renamed = await cli(['search', 'zanzibar', '--json', '--data-dir', dataDir])
    expect(JSON.parse(renamed.stdout).map((h: { token: string }) => h.token)).toEqual([target.token])
    const created = await cli(['search', 'table:analytics.quokka_cohorts', '--data-dir', dataDir])
    expect(created.stdout).toContain('Quokka cohort audit')

    const reexport = await cli(['export', exportDir, '--json', '--data-dir', dataDir])
    expect(reexport.code).toBe(0)
    expect(JSON.parse(reexport.stdout)).toMatchObject({ reports: listed, removed: expect.any(Number) })
    const filesAfter = await listFiles(exportDir)
    for (const gone of doomedFiles) expect(filesAfter).not.toContain(gone)
    expect(filesAfter.some((f) => f.includes('Quokka cohort audit - Cohorts.sql'))).toBe(true)
    expect(filesAfter.some((f) => f.includes('Zanzibar shipping forecast'))).toBe(true)

    // Status and people read the same library.
    const status = await cli(['status', '--json', '--data-dir', dataDir])
    expect(status.code).toBe(0)
    const s = JSON.parse(status.stdout)
    expect(s).toMatchObject({ workspace: sim.workspace, stats: { reports: listed }, lastRun: { kind: 'incremental', outcome: 'success' } })
    expect(Date.parse(s.nextNightlyAt)).toBeGreaterThan(Date.now())
    const statusText = await cli(['status', '--data-dir', dataDir])
    expect(statusText.stdout).toMatch(/Cached results\s+\d+(\.\d)? (KB|MB) \(\d+ quer(y|ies); previews \d+(\.\d)? (B|KB|MB), \d+ pictures?\)/)
    expect(s.cachedContent.resultQueries).toBeGreaterThan(5)
    expect(statusText.stdout).toMatch(/Last sync\s+.*incremental · success/)
    expect(statusText.stdout).toMatch(/Next nightly\s+\d{4}-\d\d-\d\d 03:00/)
    const people = await cli(['people', '--json', '--data-dir', dataDir])
    const list = JSON.parse(people.stdout)
    expect(list.members).toHaveLength(truth.members.length)
    const firstNonAdmin = list.members.findIndex((m: { isAdmin: boolean }) => !m.isAdmin)
    expect(list.members.slice(firstNonAdmin).every((m: { isAdmin: boolean }) => !m.isAdmin)).toBe(true)
  })

  it('wrong credentials: exit 1, one clear line, no secret in the output', async () => {
    const wrongPassword = 'definitely-not-the-password-1234'
    const run = await cli(syncArgs(), { MODE_TOKEN: sim.token, MODE_PASSWORD: wrongPassword })
    expect(run.code).toBe(1)
    const errorLines = run.stderr.split('\n').filter((l) => l.startsWith('Error:'))
    expect(errorLines).toHaveLength(1)
    expect(errorLines[0]).toMatch(/did not accept the API token and password/)
    const verbose = await cli([...syncArgs(), '--verbose'], { MODE_TOKEN: sim.token, MODE_PASSWORD: wrongPassword })
    expect(verbose.code).toBe(1)
    expect(verbose.stderr).toMatch(/HTTP status: 401/)
    expect(verbose.stderr).toMatch(/Mode error id: unauthorized/)
    for (const output of [run.stdout, run.stderr, verbose.stdout, verbose.stderr]) {
      expect(output).not.toContain(wrongPassword)
      expect(output).not.toContain(sim.token)
      expect(output).not.toContain(Buffer.from(`${sim.token}:${wrongPassword}`).toString('base64'))
    }
  })

  it('an unreachable API: exit 1 with the offline message', async () => {
    const port = await closedPort()
    const run = await cli(['sync', '--api-base', `http://127.0.0.1:${port}`, '--workspace', 'acme', '--data-dir', dataDir], creds, 60_000)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^Error: Mode could not be reached: the network may be down\. Check your internet connection/m)
  })

  it('usage errors exit 2 and print usage; --help exits 0', async () => {
    const unknown = await cli(['frobnicate'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('Unknown command "frobnicate".')
    expect(unknown.stderr).toContain('Usage: mode-companion <command> [options]')
    const badFlag = await cli(['search', 'x', '--limt', '3'])
    expect(badFlag.code).toBe(2)
    expect(badFlag.stderr).toContain('Unknown option "--limt".')
    expect(badFlag.stderr).toContain('Usage: mode-companion search QUERY [options]')
    expect((await cli(['search', '--data-dir', dataDir])).code).toBe(2)
    expect((await cli(['search', 'x', '--limit', 'lots', '--data-dir', dataDir])).code).toBe(2)
    const noCreds = await cli(syncArgs())
    expect(noCreds.code).toBe(2)
    expect(noCreds.stderr).toContain('Set MODE_TOKEN and MODE_PASSWORD')
    const commands = ['sync', 'search', 'status', 'export', 'people', 'demo']
    const helps = await Promise.all(commands.map((command) => cli([command, '--help'])))
    helps.forEach((help, i) => {
      expect(help.code).toBe(0)
      expect(help.stdout).toContain(`Usage: mode-companion ${commands[i]}`)
    })
    const noLibrary = await cli(['status', '--data-dir', join(dataDir, 'nothing-here')])
    expect(noLibrary.code).toBe(1)
    expect(noLibrary.stderr).toMatch(/^Error: No library in .*run "mode-companion sync"/m)
  })
})

/** A port nothing listens on: bind one, note it, close it. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}
