// npm run bench:knowledge-scale — what SQL history, tombstones, the change feed and duplicate detection add to
// a sync of 100,000 reports (BENCH_KNOWLEDGE_REPORTS overrides), without HTTP: a generated workspace is written
// into a library by the sync's own write functions (listing pages, run info, each report's SQL, with the
// history recorders inside them), parsed from the simulator's own Mode-shaped JSON. A sync over HTTP at this
// size takes hours on a shared machine (bench:knowledge does it at any size, with the sync's wall time); the
// knowledge work does not depend on how the JSON arrived, so this measures it at full size.
// Printed, against the writes of the same sync without it: a first full sync (every query described and
// matched), a full re-sync (every query's SQL compared with the stored text; nothing to describe), a no-change
// sync (nothing fetched; the step's two indexed queries), 1% of the queries edited, and the disk the knowledge
// tables take. Then the reads added on top: every report's status (what an is:stale search pays once per
// library change) and the related reports of 50 reports (what opening a report page pays).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { updateKnowledgeAfterSync } from '../../src/main/knowledge/after-sync.ts'
import { recordSqlVersions } from '../../src/main/knowledge/record-changes.ts'
import { openLibrary } from '../../src/main/library/open-library.ts'
import { saveReportQueries } from '../../src/main/library/writes/content-writes.ts'
import { changeSignature, saveCollections, saveReportsPage } from '../../src/main/library/writes/listing-writes.ts'
import { saveListedRunInfo } from '../../src/main/library/writes/report-content-writes.ts'
import { ModeQuery, ModeReport, ModeSpace } from '../../src/main/mode/schemas.ts'
import { extractTableRefs } from '../../src/main/sql/table-refs.ts'
import { generateWorkspace } from '../../src/sim/generator.ts'
import { renderQuery, renderReport, renderSpace } from '../../src/sim/hal.ts'
import { WorkspaceState } from '../../src/sim/workspace-state.ts'
import { disk, load, mb, printReadCosts, s } from './knowledge-measures.ts'

const REPORTS = Number(process.env.BENCH_KNOWLEDGE_REPORTS ?? 100_000)
type Row = Record<string, unknown>
const now = new Date().toISOString()


let t = performance.now()
const truth = generateWorkspace({ seed: 77, reports: REPORTS })
const ws = new WorkspaceState(truth)
console.log(`Knowledge repository at ${REPORTS.toLocaleString('en-US')} reports, written without HTTP (generated in ${s(performance.now() - t)}; ${load()})`)
const dataDir = mkdtempSync(join(tmpdir(), 'mc-bench-knowledge-scale-'))
const library = openLibrary({ dataDir, workspace: truth.workspace.username, backgroundCheckpoints: false })

const listed = truth.reports.map((r) => ModeReport.parse(renderReport(ws, r)))
const queriesOf = new Map(truth.reports.map((r) => [r.token, r.queries.map((q) => ModeQuery.parse(renderQuery(ws, r, q)))]))
try {
  t = performance.now()
  saveCollections(library, truth.spaces.map((sp) => ModeSpace.parse(renderSpace(ws, sp))), 1)
  for (let i = 0; i < listed.length; i += 30) {
    const page = listed.slice(i, i + 30)
    const bySpace = new Map<string, ModeReport[]>()
    for (const r of page) (bySpace.get(r.spaceToken ?? '') ?? bySpace.set(r.spaceToken ?? '', []).get(r.spaceToken ?? '')!).push(r)
    for (const [space, reports] of bySpace) saveReportsPage(library, space, reports, 1, now)
    saveListedRunInfo(library, page)
  }
  const listingMs = performance.now() - t
  const writeSql = (runId: number): number => {
    const started = performance.now()
    for (const r of listed) saveReportQueries(library, r.token, changeSignature(r), queriesOf.get(r.token)!, extractTableRefs, now, runId)
    return performance.now() - started
  }
  const sqlMs = writeSql(1)
  const queries = Number((library.db.prepare('SELECT count(*) AS n FROM queries').get() as Row).n)
  console.log(`  the sync's own writes: listing ${s(listingMs)}, ${queries.toLocaleString('en-US')} queries' SQL ${s(sqlMs)} (${load()})`)

  t = performance.now()
  const first = await updateKnowledgeAfterSync(library, { now: new Date() })
  const firstMs = performance.now() - t
  let d = disk(library)
  console.log(`\n  first full sync: knowledge step ${s(firstMs)} (${first.described.toLocaleString('en-US')} queries described, ${first.nearPairs.toLocaleString('en-US')} near-duplicate pairs)`)
  console.log(`    extra time  ${s(firstMs)} = ${((firstMs / (listingMs + sqlMs)) * 100).toFixed(1)}% of the sync's writes (history recorders: nothing to compare on a first sync)`)
  console.log(`    disk        knowledge ${mb(d.knowledge)} of ${mb(d.total)} (${((d.knowledge / d.total) * 100).toFixed(1)}%): ${d.byTable}   (${load()})`)

  // A full re-sync writes every report's SQL again: the recorders compare each query with its stored text.
  const resyncMs = writeSql(2)
  library.db.exec('BEGIN')
  t = performance.now()
  for (const r of listed) recordSqlVersions(library, r.token, queriesOf.get(r.token)!.map((q) => ({ token: q.token, name: q.name, rawQuery: q.rawQuery })))
  const recordersMs = performance.now() - t
  library.db.exec('ROLLBACK')
  t = performance.now()
  const again = await updateKnowledgeAfterSync(library, { now: new Date() })
  const stepMs = performance.now() - t
  console.log(`\n  full re-sync: SQL writes ${s(resyncMs)}, of which history recorders ${s(recordersMs)} (every query compared); knowledge step ${s(stepMs)} (${again.described} described)`)
  console.log(`    extra time  ${s(recordersMs + stepMs)} = ${(((recordersMs + stepMs) / (listingMs + resyncMs - recordersMs)) * 100).toFixed(1)}% of the rest of the sync's writes   (${load()})`)

  t = performance.now()
  await updateKnowledgeAfterSync(library, { now: new Date() })
  const noChangeMs = performance.now() - t
  console.log(`\n  no-change sync: knowledge step ${(noChangeMs).toFixed(1)} ms, history recorders 0 (no SQL fetched); disk unchanged`)

  // 1% of the queries edited, then written as the next sync would.
  const edited = listed.filter((_, i) => i % 100 === 0)
  t = performance.now()
  for (const r of edited) {
    const qs = queriesOf.get(r.token)!.map((q, i) => (i === 0 ? { ...q, rawQuery: `${q.rawQuery}\n-- reviewed\nLIMIT 1000` } : q))
    saveReportQueries(library, r.token, `${changeSignature(r)}|edited`, qs, extractTableRefs, now, 3)
  }
  const editMs = performance.now() - t
  t = performance.now()
  const after = await updateKnowledgeAfterSync(library, { now: new Date() })
  const editStepMs = performance.now() - t
  d = disk(library)
  const versions = library.db.prepare('SELECT count(*) AS n, coalesce(sum(length(CAST(raw_query AS BLOB))), 0) AS bytes FROM sql_versions').get() as Row
  console.log(`\n  ${edited.length.toLocaleString('en-US')} reports edited: SQL writes ${s(editMs)}, knowledge step ${s(editStepMs)} (${after.described} described, ${after.nearPairs} pairs)`)
  console.log(`    ${Number(versions.n).toLocaleString('en-US')} SQL versions (${mb(Number(versions.bytes))}); knowledge ${mb(d.knowledge)} of ${mb(d.total)}   (${load()})`)

  printReadCosts(library)
} finally {
  await library.close()
  rmSync(dataDir, { recursive: true, force: true })
}
