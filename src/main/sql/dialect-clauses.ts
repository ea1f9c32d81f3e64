// Dialect clauses the table-reference scanner (table-refs.ts) steps over or reads specially: Hive/Databricks
// LATERAL VIEW, SQL Server table hints, CTE bodies written without AS (Databricks), and the variables a
// procedural block declares (so SELECT … INTO v_count is not taken for a new table).
import type { SqlToken } from './sql-tokenizer.ts'
import { RESERVED } from './sql-keywords.ts'

const word = (toks: SqlToken[], i: number): string => {
  const t = toks[i]
  return t !== undefined && t.kind === 'word' ? t.text.toUpperCase() : ''
}
const punct = (toks: SqlToken[], i: number, p: string): boolean => {
  const t = toks[i]
  return t !== undefined && t.kind === 'punct' && t.text === p
}
/** A bare name where an alias may stand: a word that is not a keyword, or a quoted identifier. */
const aliasAt = (toks: SqlToken[], i: number): boolean => {
  const t = toks[i]
  return t !== undefined && (t.kind === 'qident' || (t.kind === 'word' && !RESERVED.has(t.text.toUpperCase())))
}

/** Index just past the parenthesis that closes the one at i (the end when it never closes). */
export function skipParens(toks: SqlToken[], i: number): number {
  let depth = 0
  for (let j = i; j < toks.length; j++) {
    const t = toks[j]
    if (t === undefined || t.kind !== 'punct') continue
    if (t.text === '(') depth++
    else if (t.text === ')' && --depth === 0) return j + 1
  }
  return toks.length
}

/**
 * `LATERAL VIEW [OUTER] explode(x) t [AS c1, c2]` at i (the LATERAL): the table alias goes to `aliases`
 * (t.c1 is a column path) and the column aliases are skipped, so `AS pos, val` is not a comma join of `val`.
 * Returns the index after the clause, or null when i is not a LATERAL VIEW.
 */
export function skipLateralView(toks: SqlToken[], i: number, aliases: Set<string>): number | null {
  if (word(toks, i) !== 'LATERAL' || word(toks, i + 1) !== 'VIEW') return null
  let j = i + 2
  if (word(toks, j) === 'OUTER') j++
  // The generator: a (possibly qualified) function name and its arguments.
  while (toks[j] !== undefined && (toks[j]!.kind === 'word' || punct(toks, j, '.')) && !punct(toks, j, '(')) j++
  if (punct(toks, j, '(')) j = skipParens(toks, j)
  if (aliasAt(toks, j) && word(toks, j) !== 'AS') aliases.add(toks[j++]!.text.toLowerCase())
  if (word(toks, j) !== 'AS') return j
  j++
  // Column aliases: bare names separated by commas (a qualified name after a comma is a table again).
  while (aliasAt(toks, j) && !punct(toks, j + 1, '.')) {
    j++
    if (!punct(toks, j, ',') || !aliasAt(toks, j + 1) || punct(toks, j + 2, '.')) break
    j++
  }
  return j
}

/** SQL Server table hints: `FROM dbo.orders (NOLOCK)`, `WITH (NOLOCK, INDEX(ix))`. */
const TABLE_HINTS = new Set([
  'NOLOCK', 'READUNCOMMITTED', 'READCOMMITTED', 'READCOMMITTEDLOCK', 'REPEATABLEREAD', 'SERIALIZABLE', 'SNAPSHOT',
  'HOLDLOCK', 'UPDLOCK', 'XLOCK', 'ROWLOCK', 'PAGLOCK', 'TABLOCK', 'TABLOCKX', 'NOWAIT', 'READPAST', 'INDEX',
  'FORCESEEK', 'FORCESCAN', 'NOEXPAND', 'KEEPIDENTITY', 'KEEPDEFAULTS', 'IGNORE_CONSTRAINTS', 'IGNORE_TRIGGERS',
])

/** When the parenthesis at i holds table hints, the index after it; otherwise null. */
export function skipTableHints(toks: SqlToken[], i: number): number | null {
  if (!punct(toks, i, '(') || !TABLE_HINTS.has(word(toks, i + 1))) return null
  const after = toks[i + 2]
  if (after === undefined || after.kind !== 'punct' || (after.text !== ')' && after.text !== ',' && after.text !== '(')) return null
  return skipParens(toks, i)
}

/** Whether the parenthesis at i opens a CTE's body (`WITH x (SELECT …)`, Databricks) rather than its column list. */
export function opensCteBody(toks: SqlToken[], i: number): boolean {
  if (!punct(toks, i, '(')) return false
  const first = word(toks, i + 1)
  return first === 'SELECT' || first === 'WITH' || first === 'VALUES' || first === 'FROM' || punct(toks, i + 1, '(')
}

/**
 * The names a `DECLARE` at i introduces (`DECLARE v_count INT`, BigQuery's `DECLARE a, b INT64`), lowercased.
 * SQL Server's `@name` variables need no declaring: `INTO @n` is recognised by its `@`.
 */
export function declaredNames(toks: SqlToken[], i: number): string[] {
  const names: string[] = []
  let j = i + 1
  while (toks[j]?.kind === 'word' && !RESERVED.has(word(toks, j)) && names.length < 100) {
    names.push(toks[j]!.text.toLowerCase())
    if (!punct(toks, j + 1, ',')) break
    j += 2
  }
  return names
}

/**
 * Whether SELECT … INTO at j (the token after INTO) fills variables rather than creating a table: PL/pgSQL's
 * STRICT, Snowflake's `:name`, several targets, or a name the SQL declared. `SELECT * INTO archive FROM t`
 * (Postgres, Redshift, SQL Server) does create a table, so an undeclared single name stays a write.
 */
export function intoVariables(toks: SqlToken[], j: number, declared: Set<string>): boolean {
  const t = toks[j]
  if (t === undefined) return false
  if (word(toks, j) === 'STRICT' || t.text === ':') return true
  if (t.kind === 'word' && punct(toks, j + 1, ',')) return true
  return t.kind === 'word' && !punct(toks, j + 1, '.') && declared.has(t.text.toLowerCase())
}
