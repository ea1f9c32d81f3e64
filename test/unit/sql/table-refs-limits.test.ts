// Table-reference extraction on very large SQL: a whole mebibyte of one statement naming thousands of tables
// (or half of one of unclosed brackets) is read in about a second — the quadratic scans this replaces took
// about 10 s and hours for the same text — and only the first MAX_PARSED_SQL_CHARS characters are read.
import { describe, expect, it } from 'vitest'
import { MAX_PARSED_SQL_CHARS, extractTableRefs } from '../../../src/main/sql/table-refs.ts'

const unions = (n: number): string =>
  Array.from({ length: n }, (_, i) => `select a from s.t${i} x${i} join s.u${i} u on u.id = x${i}.id`).join(' union all ')

/** CPU ms for one run (not wall time, which other processes on a loaded machine inflate); the bound below is
 * several times the linear scan's CPU time and well under the quadratic scans'. */
function timed(fn: () => void): number {
  const t = process.cpuUsage()
  fn()
  const used = process.cpuUsage(t)
  return (used.user + used.system) / 1000
}
const BOUND_MS = 4000

describe('extractTableRefs on huge SQL', () => {
  it('finds every table of one statement that names thousands', () => {
    const sql = unions(14_000) // 1 MB, 28,000 tables in one statement
    expect(sql.length).toBeLessThan(MAX_PARSED_SQL_CHARS)
    let refs: string[] = []
    const ms = timed(() => (refs = extractTableRefs(sql)))
    expect(refs).toHaveLength(28_000)
    expect(ms).toBeLessThan(BOUND_MS)
  }, 30_000)

  it('reads 512 KiB of unclosed brackets in one pass', () => {
    const sql = 'select * from t where a = ' + '['.repeat(512 * 1024)
    let refs: string[] = []
    const ms = timed(() => (refs = extractTableRefs(sql)))
    expect(refs).toEqual(['t'])
    expect(ms).toBeLessThan(BOUND_MS)
  }, 30_000)

  it('reads tables only from the first MAX_PARSED_SQL_CHARS characters', () => {
    const head = 'select * from early.orders;\n'
    const filler = `-- ${'z'.repeat(MAX_PARSED_SQL_CHARS)}\n`
    expect(extractTableRefs(head + filler + 'select * from late.orders')).toEqual(['early.orders'])
  })
})
