// npm run bench:knowledge — what SQL history, tombstones, the change feed and duplicate detection add to a sync
// of a large workspace (default 100,000 reports; BENCH_KNOWLEDGE_REPORTS overrides), simulator rate limit off.
// Printed for a first full sync, a full re-sync (every report's SQL fetched and compared again) and a no-change
// sync: the sync's wall time; the time of the knowledge step at its end (re-run alone with the same work to
// do: every query described and matched after a first sync, nothing after a no-change one); the time the
// history recorders add inside the SQL writes (re-run alone over every report in a rolled-back transaction);
// and the disk the knowledge tables take (SQLite's dbstat) against the whole library. Then 1% of the queries
// are edited and the history's growth is printed. Last, what report status and related reports cost to read:
// every report's statuses (what an is:stale search pays once per library change) and the related reports of
// 50 reports (what opening a report page pays).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { updateKnowledgeAfterSync } from '../../src/main/knowledge/after-sync.ts'
import { recordSqlVersions } from '../../src/main/knowledge/record-changes.ts'
import { openLibrary, type Library } from '../../src/main/library/open-library.ts'
import { createModeClient } from '../../src/main/mode/client.ts'
import { RateLimiter } from '../../src/main/mode/rate-limiter.ts'
import { syncWorkspace } from '../../src/main/sync/sync-workspace.ts'
import { disk, mb, printReadCosts, s } from './knowledge-measures.ts'
import { startSimProcess } from './sim-process.ts'

const REPORTS = Number(process.env.BENCH_KNOWLEDGE_REPORTS ?? 100_000)

type Row = Record<string, unknown>



/** The recorders' cost in a full re-sync: every report's stored SQL compared with the same SQL fetched again. */
function recorderCost(library: Library): number {
  const reports = library.db.prepare('SELECT DISTINCT report_token AS r FROM queries').all() as Row[]
  const queriesOf = library.db.prepare('SELECT token, name, raw_query FROM queries WHERE report_token = ?')
  library.db.exec('BEGIN')
  const started = performance.now()
  for (const { r } of reports) {
    const queries = (queriesOf.all(String(r)) as Row[]).map((q) => ({ token: String(q.token), name: q.name === null ? null : String(q.name), rawQuery: String(q.raw_query) }))
    recordSqlVersions(library, String(r), queries)
  }
  const ms = performance.now() - started
  library.db.exec('ROLLBACK')
  return ms
}

async function knowledgeStep(library: Library, redo: boolean): Promise<{ ms: number; described: number; nearPairs: number }> {
  if (redo) library.db.exec('DELETE FROM query_shapes')
  const started = performance.now()
  const result = await updateKnowledgeAfterSync(library, { now: new Date() })
  return { ms: performance.now() - started, described: result.described, nearPairs: result.nearPairs }
}

const sim = await startSimProcess({ seed: 77, reports: REPORTS, rate: null, latencyMs: 0 })
const dataDir = mkdtempSync(join(tmpdir(), 'mc-bench-knowledge-'))
const library = openLibrary({ dataDir, workspace: sim.workspace, backgroundCheckpoints: false })
const client = createModeClient({ baseUrl: sim.url, token: sim.token, password: sim.password, workspace: sim.workspace, limiter: new RateLimiter({ requests: 1_000_000, perMs: 1000, concurrency: 8 }) })
try {
  console.log(`Knowledge repository at ${REPORTS.toLocaleString('en-US')} reports (simulator, rate limit off)`)
  for (const [label, kind] of [['first full sync', 'full'], ['full re-sync', 'full'], ['no-change sync', 'incremental']] as const) {
    const started = performance.now()
    const result = await syncWorkspace({ library, client, kind, trigger: 'bench' })
    const wall = performance.now() - started
    const step = await knowledgeStep(library, label === 'first full sync')
    const recorders = kind === 'full' && label !== 'first full sync' ? recorderCost(library) : 0
    const d = disk(library)
    const extra = step.ms + recorders
    console.log(`\n  ${label}: ${result.run.outcome}, ${result.run.queriesFetched.toLocaleString('en-US')} reports' SQL fetched, wall ${s(wall)}`)
    console.log(`    knowledge step       ${s(step.ms)}  (${step.described.toLocaleString('en-US')} queries described, ${step.nearPairs.toLocaleString('en-US')} near-duplicate pairs)`)
    console.log(`    history recorders    ${s(recorders)}  ${label === 'first full sync' ? '(nothing to compare on a first sync)' : kind === 'full' ? '(every query compared with its stored SQL)' : '(no SQL fetched)'}`)
    console.log(`    extra time           ${s(extra)} = ${((extra / Math.max(1, wall - extra)) * 100).toFixed(1)}% of the rest of the sync`)
    console.log(`    disk                 knowledge ${mb(d.knowledge)} of ${mb(d.total)} (${((d.knowledge / d.total) * 100).toFixed(1)}%): ${d.byTable}`)
  }
  const queries = Number((library.db.prepare('SELECT count(*) AS n FROM queries').get() as Row).n)
  await fetch(`${sim.url}/__sim/mutate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ randomOps: { seed: 5, count: Math.round(queries / 100) } }) })
  const started = performance.now()
  await syncWorkspace({ library, client, trigger: 'bench' })
  const d = disk(library)
  const versions = library.db.prepare('SELECT count(*) AS n, coalesce(sum(length(CAST(raw_query AS BLOB))), 0) AS bytes FROM sql_versions').get() as Row
  const changes = Number((library.db.prepare('SELECT count(*) AS n FROM report_changes').get() as Row).n)
  console.log(`\n  after ${Math.round(queries / 100).toLocaleString('en-US')} random changes (1% of ${queries.toLocaleString('en-US')} queries) and a sync (${s(performance.now() - started)}):`)
  console.log(`    ${Number(versions.n).toLocaleString('en-US')} SQL versions (${mb(Number(versions.bytes))} of SQL), ${changes.toLocaleString('en-US')} change records; knowledge ${mb(d.knowledge)} of ${mb(d.total)}`)
  printReadCosts(library)
} finally {
  await library.close()
  sim.stop()
  rmSync(dataDir, { recursive: true, force: true })
}
