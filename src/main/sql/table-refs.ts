// Which tables a piece of SQL reads (and writes): "which reports read analytics.fct_orders?" is answered from
// these. A single pass over the tokens of `sql-tokens.ts` with a stack of parenthesis frames — enough SQL
// structure to know where a table name may appear (FROM, JOIN, comma joins, INSERT/UPDATE/MERGE/CREATE …
// targets) and what is not a table there (CTE names, sub-queries, table functions, UNNEST, LATERAL, VALUES,
// Liquid definitions). It never throws: SQL it cannot follow yields fewer references, not an error.
import { tokenizeSql, type SqlToken } from './sql-tokens.ts'

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

export function analyzeTableRefs(sql: string): TableRefs {
  try {
    return new TableRefScanner(tokenizeSql(String(sql ?? ''))).scan()
  } catch {
    // Defensive only: the scanner is written not to throw, but a search index must never fail on odd SQL.
    return { reads: [], writes: [] }
  }
}

/** Words that can never be a table name or an alias where one is expected. */
const RESERVED = new Set([
  'SELECT', 'WITH', 'VALUES', 'WHERE', 'GROUP', 'ORDER', 'HAVING', 'LIMIT', 'OFFSET', 'FETCH', 'ON', 'USING',
  'JOIN', 'LEFT', 'RIGHT', 'INNER', 'OUTER', 'FULL', 'CROSS', 'NATURAL', 'STRAIGHT_JOIN', 'UNION', 'EXCEPT',
  'INTERSECT', 'MINUS', 'SET', 'AS', 'AND', 'OR', 'NOT', 'IN', 'IS', 'NULL', 'CASE', 'WHEN', 'THEN', 'ELSE',
  'END', 'WINDOW', 'QUALIFY', 'RETURNING', 'LATERAL', 'UNNEST', 'ONLY', 'INTO', 'FROM', 'BY', 'DISTINCT',
  'ALL', 'ANY', 'SOME', 'EXISTS', 'BETWEEN', 'LIKE', 'ILIKE', 'TABLESAMPLE', 'PIVOT', 'UNPIVOT',
  'MATCH_RECOGNIZE', 'FOR', 'APPLY', 'OUTER', 'SAMPLE', 'AT', 'BEFORE', 'CHANGES', 'CONNECT', 'START',
  'PARTITION', 'OVER', 'FINAL', 'PREWHERE', 'FORCE', 'USE', 'IGNORE', 'LOCK', 'DELETE', 'UPDATE', 'INSERT',
  'MERGE', 'CREATE', 'DROP', 'ALTER', 'TRUNCATE', 'DEFAULT', 'TRUE', 'FALSE', 'ASC', 'DESC', 'TOP',
])

/** Words that end a FROM list at the depth where they appear (a following comma is not a comma join). */
const ENDS_FROM = new Set([
  'WHERE', 'GROUP', 'ORDER', 'HAVING', 'LIMIT', 'OFFSET', 'FETCH', 'UNION', 'EXCEPT', 'INTERSECT', 'MINUS',
  'QUALIFY', 'WINDOW', 'SET', 'RETURNING', 'VALUES', 'SELECT', 'WHEN', 'CONNECT', 'START', 'INTO',
])

/** Modifiers between CREATE/DROP/ALTER and the object kind. */
const CREATE_MODIFIERS = new Set([
  'OR', 'REPLACE', 'TEMP', 'TEMPORARY', 'TRANSIENT', 'VOLATILE', 'LOCAL', 'GLOBAL', 'UNLOGGED', 'EXTERNAL',
  'MATERIALIZED', 'SECURE', 'RECURSIVE', 'MULTISET', 'SET', 'HYBRID', 'DYNAMIC', 'ICEBERG', 'FOREIGN',
])

const TEMP_MODIFIERS = new Set(['TEMP', 'TEMPORARY', 'VOLATILE'])

interface Frame {
  /** `call`: the parentheses of a function call (FROM inside EXTRACT(… FROM …) is not a table clause). */
  kind: 'root' | 'call' | 'paren' | 'cte-body'
  sawSelect: boolean
  /** Inside a FROM list, where a comma introduces another table. */
  inFrom: boolean
  /** The last thing that introduced a table here: tells JOIN … USING (cols) from MERGE … USING src. */
  lastIntro: 'from' | 'join' | 'other'
  /** Inside a WITH list: after a CTE body, a comma introduces another CTE name. */
  inWith: boolean
  expectCteName: boolean
  /** Opened where a table was expected: the first word inside is a table (a parenthesised join). */
  tableAtStart: boolean
}

interface Ref {
  parts: string[]
  write: boolean
}

interface Statement {
  kind: string
  ctes: Set<string>
  aliases: Set<string>
  temps: Set<string>
  refs: Ref[]
}

const newFrame = (kind: Frame['kind']): Frame => ({
  kind,
  sawSelect: false,
  inFrom: false,
  lastIntro: 'other',
  inWith: false,
  expectCteName: false,
  tableAtStart: false,
})

const newStatement = (): Statement => ({ kind: '', ctes: new Set(), aliases: new Set(), temps: new Set(), refs: [] })

class TableRefScanner {
  private readonly toks: SqlToken[]
  private frames: Frame[] = [newFrame('root')]
  private stmt: Statement = newStatement()
  private readonly reads: string[] = []
  private readonly writes: string[] = []
  private readonly allTemps = new Set<string>()

  constructor(tokens: SqlToken[]) {
    this.toks = tokens
  }

  private kw(i: number): string {
    const t = this.toks[i]
    return t !== undefined && t.kind === 'word' ? t.text.toUpperCase() : ''
  }

  private isPunct(i: number, p: string): boolean {
    const t = this.toks[i]
    return t !== undefined && t.kind === 'punct' && t.text === p
  }

  private get frame(): Frame {
    // The root frame is never popped, so the stack is never empty.
    return this.frames[this.frames.length - 1] ?? newFrame('root')
  }

  scan(): TableRefs {
    const toks = this.toks
    // Bounded: every iteration advances i by at least one.
    for (let i = 0; i < toks.length; ) {
      i = Math.max(i + 1, this.step(i))
    }
    this.finishStatement()
    const reads = [...new Set(this.reads)].filter((r) => !this.allTemps.has(r))
    const writes = [...new Set(this.writes)].filter((r) => !this.allTemps.has(r))
    return { reads, writes }
  }

  /** Handles the token at i; returns the index of the next token to look at. */
  private step(i: number): number {
    const t = this.toks[i]
    if (t === undefined) return i + 1
    const frame = this.frame
    const K = this.kw(i)

    if (t.kind === 'punct') {
      if (t.text === ';') {
        this.finishStatement()
        this.frames = [newFrame('root')]
        return i + 1
      }
      if (t.text === '(') return this.openParen(i)
      if (t.text === ')') return this.closeParen(i)
      if (t.text === ',' && frame.inFrom && !frame.inWith) return this.readTableItem(i + 1, false)
      return i + 1
    }

    if (frame.tableAtStart) {
      frame.tableAtStart = false
      if (t.kind !== 'word' || !RESERVED.has(K)) {
        frame.inFrom = true
        frame.lastIntro = 'from'
        return this.readTableItem(i, false)
      }
    }

    if (frame.expectCteName && (t.kind === 'word' || t.kind === 'qident')) {
      if (K === 'RECURSIVE') return i + 1
      return this.readCte(i)
    }

    if (t.kind !== 'word') return i + 1
    if (this.stmt.kind === '') this.stmt.kind = K

    switch (K) {
      case 'WITH': {
        // `WITH (NOLOCK)` table hints and `WITH ORDINALITY` are not CTE lists.
        if (this.isPunct(i + 1, '(') || this.kw(i + 1) === 'ORDINALITY') return i + 1
        frame.inWith = true
        frame.expectCteName = true
        return i + 1
      }
      case 'SELECT':
        frame.sawSelect = true
        frame.inFrom = false
        frame.inWith = false
        return i + 1
      case 'FROM': {
        if (frame.kind === 'call' && !frame.sawSelect) return i + 1 // EXTRACT(YEAR FROM d), TRIM(… FROM s)
        const prev = this.kw(i - 1)
        if (prev === 'DISTINCT') return i + 1 // IS [NOT] DISTINCT FROM
        frame.inFrom = true
        frame.lastIntro = 'from'
        frame.inWith = false
        if (prev === 'DELETE') return this.readTableItem(i + 1, true)
        if (this.stmt.kind === 'COPY') return i + 1 // COPY t FROM 's3://…'
        return this.readTableItem(i + 1, false)
      }
      case 'JOIN':
      case 'STRAIGHT_JOIN':
      case 'APPLY':
        frame.inFrom = true
        frame.lastIntro = 'join'
        return this.readTableItem(i + 1, false)
      case 'USING':
        if (frame.lastIntro !== 'join' && (this.stmt.kind === 'MERGE' || this.stmt.kind === 'DELETE')) {
          frame.lastIntro = 'from'
          return this.readTableItem(i + 1, false)
        }
        return i + 1
      case 'INTO': {
        frame.inFrom = false
        const next = this.kw(i + 1)
        if (next === 'OUTFILE' || next === 'DUMPFILE' || this.toks[i + 1]?.text === '@') return i + 1
        let j = i + 1
        if (next === 'TABLE') j++
        return this.readTableItem(j, true)
      }
      case 'OVERWRITE': // INSERT OVERWRITE [TABLE] t
        if (this.kw(i - 1) === 'INSERT') return this.readTableItem(this.kw(i + 1) === 'TABLE' ? i + 2 : i + 1, true)
        return i + 1
      case 'UPDATE': {
        // MERGE … WHEN MATCHED THEN UPDATE SET: no target here.
        if (this.kw(i + 1) === 'SET' || this.stmt.kind !== 'UPDATE') return i + 1
        frame.inFrom = true // MySQL: UPDATE a JOIN b ON … SET / UPDATE a, b SET
        frame.lastIntro = 'from'
        return this.readTableItem(i + 1, true)
      }
      case 'CREATE':
      case 'DROP':
      case 'ALTER':
      case 'TRUNCATE':
        if (i === 0 || this.isStatementStart(i)) return this.readDdlTarget(i)
        return i + 1
      case 'COPY':
        if (this.isStatementStart(i)) return this.readTableItem(this.kw(i + 1) === 'INTO' ? i + 2 : i + 1, true)
        return i + 1
      default:
        if (ENDS_FROM.has(K)) frame.inFrom = false
        return i + 1
    }
  }

  private isStatementStart(i: number): boolean {
    const p = this.toks[i - 1]
    return p === undefined || (p.kind === 'punct' && p.text === ';')
  }

  private openParen(i: number): number {
    const prev = this.toks[i - 1]
    const prevKw = this.kw(i - 1)
    const isCall =
      prev !== undefined &&
      ((prev.kind === 'word' && !RESERVED.has(prevKw)) || prev.kind === 'qident' || prevKw === 'UNNEST')
    this.frames.push(newFrame(isCall ? 'call' : 'paren'))
    return i + 1
  }

  private closeParen(i: number): number {
    if (this.frames.length > 1) {
      const closed = this.frames.pop()!
      if (closed.kind === 'cte-body' && this.frame.inWith) {
        if (this.isPunct(i + 1, ',')) {
          this.frame.expectCteName = true
          return i + 2
        }
        this.frame.inWith = false
      }
    }
    return i + 1
  }

  /** `name [(cols)] AS [NOT] [MATERIALIZED] (body)`: records the name and opens the body. */
  private readCte(i: number): number {
    const frame = this.frame
    frame.expectCteName = false
    const t = this.toks[i]
    if (t === undefined) return i + 1
    this.stmt.ctes.add(t.text.toLowerCase())
    let j = i + 1
    if (this.isPunct(j, '(')) j = this.skipParens(j)
    if (this.kw(j) === 'AS') j++
    while (this.kw(j) === 'NOT' || this.kw(j) === 'MATERIALIZED') j++
    if (this.isPunct(j, '(')) {
      this.frames.push(newFrame('cte-body'))
      return j + 1
    }
    frame.inWith = false
    return j
  }

  /** Index just past the parenthesis that closes the one at i. */
  private skipParens(i: number): number {
    let depth = 0
    for (let j = i; j < this.toks.length; j++) {
      const t = this.toks[j]
      if (t === undefined || t.kind !== 'punct') continue
      if (t.text === '(') depth++
      else if (t.text === ')' && --depth === 0) return j + 1
    }
    return this.toks.length
  }

  /** CREATE [modifiers] TABLE|VIEW [IF NOT EXISTS] name …, DROP TABLE [IF EXISTS] a, b, TRUNCATE [TABLE] t. */
  private readDdlTarget(i: number): number {
    const verb = this.kw(i)
    let j = i + 1
    let temp = false
    while (CREATE_MODIFIERS.has(this.kw(j))) {
      if (TEMP_MODIFIERS.has(this.kw(j))) temp = true
      j++
    }
    const object = this.kw(j)
    if (object === 'TABLE' || object === 'VIEW') j++
    else if (verb !== 'TRUNCATE') return j // CREATE FUNCTION / INDEX / SCHEMA …: no table target
    if (this.kw(j) === 'IF') j++
    if (this.kw(j) === 'NOT') j++
    if (this.kw(j) === 'EXISTS') j++
    const before = this.stmt.refs.length
    let next = this.readTableItem(j, true)
    const created = this.stmt.refs.slice(before)
    if (temp || created.some((r) => r.parts[0]?.startsWith('#'))) {
      for (const r of created) this.stmt.temps.add(r.parts.join('.'))
    }
    if (verb === 'DROP') {
      while (this.isPunct(next, ',')) next = this.readTableItem(next + 1, true)
    }
    // CREATE TABLE t LIKE src / CLONE src: src is read.
    const k = this.kw(next)
    if (verb === 'CREATE' && (k === 'LIKE' || k === 'CLONE')) return this.readTableItem(next + 1, false)
    return next
  }

  /**
   * Reads one table item at j where a table may appear: a (possibly qualified, quoted) name with its alias,
   * or skips what is not a table (a sub-query or parenthesised join is left for the main loop to open).
   */
  private readTableItem(j: number, write: boolean): number {
    let lateral = false
    while (this.kw(j) === 'ONLY' || this.kw(j) === 'LATERAL' || (this.kw(j) === 'TABLE' && !this.isPunct(j + 1, '('))) {
      if (this.kw(j) === 'LATERAL') lateral = true
      j++
    }
    const t = this.toks[j]
    if (t === undefined) return j
    if (t.kind === 'punct' && t.text === '(') {
      // A sub-query or a parenthesised join. A sub-query in a write target position (INSERT INTO t (cols))
      // never reaches here because the target name is read first.
      const next = this.openParen(j)
      if (!lateral) this.frame.kind = 'paren'
      this.frame.tableAtStart = !write
      return next
    }
    if (t.kind === 'liquid-def') {
      if (t.alias) this.stmt.aliases.add(t.alias.toLowerCase())
      return j + 1
    }
    if (t.kind === 'word' && RESERVED.has(t.text.toUpperCase()) && !this.isPunct(j + 1, '.')) return j
    if (t.kind !== 'word' && t.kind !== 'qident' && t.kind !== 'liquid-var') return j

    // The dotted name. `dynamic` when part of it is a Liquid variable ({{ schema }}.orders): unknowable.
    const parts: string[] = []
    let dynamic = false
    let k = j
    for (;;) {
      const p = this.toks[k]
      if (p === undefined) break
      if (p.kind === 'word') {
        let text = p.text
        let last: SqlToken = p
        // BigQuery allows hyphens in unquoted project names: my-project.dataset.table.
        for (;;) {
          const dash = this.toks[k + 1]
          const after = this.toks[k + 2]
          if (dash === undefined || after === undefined || dash.text !== '-' || dash.start !== last.end) break
          if (after.start !== dash.end || (after.kind !== 'word' && after.kind !== 'number')) break
          text += '-' + after.text
          last = after
          k += 2
        }
        parts.push(text)
      } else if (p.kind === 'qident') parts.push(...(p.parts ?? [p.text]))
      else if (p.kind === 'liquid-var') {
        dynamic = true
        parts.push('?')
      } else break
      k++
      // BigQuery wildcard tables: dataset.events_*
      const star = this.toks[k]
      if (star !== undefined && star.text === '*' && star.start === this.toks[k - 1]?.end) {
        parts[parts.length - 1] += '*'
        k++
      }
      if (!this.isPunct(k, '.')) break
      k++
      // Snowflake db..table (default schema): skip the empty part.
      while (this.isPunct(k, '.')) k++
    }
    if (parts.length === 0) return j + 1
    // A name followed by "(" is a table function (generate_series(…), FLATTEN(…), json_table(…)).
    if (this.isPunct(k, '(') && !write) return k
    if (!dynamic && !lateral) {
      const clean = parts.map((p) => p.trim()).filter((p) => p !== '')
      if (clean.length > 0) this.stmt.refs.push({ parts: clean.map((p) => p.toLowerCase()), write })
    }
    // The alias: AS x, or a bare word that is not a keyword. Remembered so `alias.column` paths (BigQuery's
    // implicit UNNEST: FROM t, t.items) are not taken for tables.
    let a = k
    if (this.kw(a) === 'AS') a++
    const at = this.toks[a]
    if (at !== undefined && (at.kind === 'qident' || (at.kind === 'word' && !RESERVED.has(at.text.toUpperCase())))) {
      if (!write || this.stmt.kind === 'MERGE' || this.stmt.kind === 'UPDATE' || this.stmt.kind === 'DELETE') {
        this.stmt.aliases.add(at.text.toLowerCase())
        return a + 1
      }
    }
    return k
  }

  private finishStatement(): void {
    const s = this.stmt
    for (const ref of s.refs) {
      const name = ref.parts.join('.')
      // An unqualified name that is a CTE of this statement is not a table.
      if (ref.parts.length === 1 && s.ctes.has(name)) continue
      // alias.column (BigQuery's implicit UNNEST: FROM events e, e.params), not schema.table.
      const head = ref.parts[0] ?? ''
      if (
        ref.parts.length >= 2 &&
        !ref.write &&
        (s.aliases.has(head) || s.refs.some((r) => r !== ref && r.parts.length === 1 && r.parts[0] === head))
      ) {
        continue
      }
      if (head.startsWith('#')) {
        this.allTemps.add(name)
        continue
      }
      ;(ref.write ? this.writes : this.reads).push(name)
    }
    for (const t of s.temps) this.allTemps.add(t)
    this.stmt = newStatement()
  }
}
