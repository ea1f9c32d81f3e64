// What the knowledge benchmarks measure alike: the disk the knowledge tables take, and what reading report
// statuses and related reports costs in a built library.
import { statSync } from 'node:fs'
import { loadavg } from 'node:os'
import { relatedReports } from '../../src/main/knowledge/related-reports.ts'
import { reportsByStatus, statusPolicy } from '../../src/main/knowledge/status-reads.ts'
import type { Library } from '../../src/main/library/open-library.ts'

export const KNOWLEDGE_TABLES = ['sql_versions', 'deleted_reports', 'report_changes', 'query_shapes', 'near_duplicates', 'query_definitions']
type Row = Record<string, unknown>
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`
export const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`
/** The machine's load average, printed next to every timing (the benchmark shares its CPUs). */
export const load = (): string => `load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`

/** Bytes of the knowledge tables and their indexes (dbstat), and of the whole database. */
export function disk(library: Library): { knowledge: number; total: number; byTable: string } {
  library.db.exec('PRAGMA wal_checkpoint(TRUNCATE)')
  const rows = library.db.prepare('SELECT tbl_name AS t, sum(pgsize) AS bytes FROM dbstat JOIN sqlite_master ON sqlite_master.name = dbstat.name GROUP BY tbl_name').all() as Row[]
  const of = new Map(rows.map((r) => [String(r.t), Number(r.bytes)]))
  const knowledge = KNOWLEDGE_TABLES.reduce((sum, t) => sum + (of.get(t) ?? 0), 0)
  return { knowledge, total: statSync(library.path).size, byTable: KNOWLEDGE_TABLES.map((t) => `${t} ${mb(of.get(t) ?? 0)}`).join(', ') }
}

/**
 * Every report's status (what an is:stale search pays once per library change) and the related reports of 50
 * reports (what opening a report page pays), printed.
 */
export function printReadCosts(library: Library): void {
  let t = performance.now()
  const sets = reportsByStatus(library.db, statusPolicy(library.db, Date.now(), 180))
  console.log(`\n  report status of every report: ${s(performance.now() - t)} (${[...sets].map(([k, v]) => `${k} ${v.size.toLocaleString('en-US')}`).join(', ')})`)
  const count = Number((library.db.prepare('SELECT count(*) AS n FROM reports').get() as Row).n)
  const sample = (library.db.prepare('SELECT token FROM reports ORDER BY token LIMIT 50 OFFSET ?').all(Math.max(0, Math.min(1000, count - 50))) as Row[]).map((r) => String(r.token))
  const times = sample.map((token) => {
    t = performance.now()
    relatedReports(library, token)
    return performance.now() - t
  }).sort((a, b) => a - b)
  console.log(`  related reports of ${times.length} reports: p50 ${times[Math.floor(times.length / 2)]?.toFixed(1)} ms, p95 ${times[Math.floor(times.length * 0.95)]?.toFixed(1)} ms, max ${times.at(-1)?.toFixed(1)} ms   (${load()})`)
}
