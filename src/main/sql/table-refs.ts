// Which tables a piece of SQL reads (and writes): "which reports read analytics.fct_orders?" is answered from
// these, by one pass of table-ref-scanner.ts over the tokens of sql-tokenizer.ts. It never throws: SQL it cannot
// follow yields fewer references, not an error.
import { TableRefScanner } from './table-ref-scanner.ts'
import { tokenizeSql } from './sql-tokenizer.ts'

export interface TableRefs {
  /** Tables read (FROM, JOIN, USING of MERGE/DELETE, sub-queries of INSERT … SELECT). */
  reads: string[]
  /** Tables written (INSERT/UPDATE/DELETE/MERGE targets, CREATE TABLE/VIEW, DROP, TRUNCATE, COPY, SELECT INTO). */
  writes: string[]
}

/**
 * Every table the SQL reads or writes, lowercased, quotes removed, parts joined by dots
 * (`schema.table`, `db.schema.table`, `project.dataset.table`), in order of first appearance.
 * CTE names, temporary tables created by the same SQL, Liquid `{{ @definition }}` references, table
 * functions and unresolvable Liquid names (`{{ schema }}.orders`) are not tables and are left out.
 */
export function extractTableRefs(sql: string): string[] {
  const { reads, writes } = analyzeTableRefs(sql)
  return [...new Set([...reads, ...writes])]
}

/**
 * How much of one query's SQL is read for table names. The whole SQL is stored and shown; only its first
 * mebibyte is parsed (about 0.1 s), so one generated multi-megabyte report cannot stall a sync. Tables first
 * named past that point are not listed.
 */
export const MAX_PARSED_SQL_CHARS = 1 << 20

export function analyzeTableRefs(sql: string): TableRefs {
  try {
    return new TableRefScanner(tokenizeSql(String(sql ?? '').slice(0, MAX_PARSED_SQL_CHARS))).scan()
  } catch {
    // Defensive only: the scanner is written not to throw, but a search index must never fail on odd SQL.
    return { reads: [], writes: [] }
  }
}
