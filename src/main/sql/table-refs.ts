// Which tables a piece of SQL reads (and writes): "which reports read analytics.fct_orders?" is answered from
// these. A single pass over the tokens of `sql-tokenizer.ts` with a stack of parenthesis frames — enough SQL
// structure to know where a table name may appear (FROM, JOIN, comma joins, INSERT/UPDATE/MERGE/CREATE …
// targets) and what is not a table there (CTE names, sub-queries, table functions, UNNEST, LATERAL, VALUES,
// Liquid definitions). It never throws: SQL it cannot follow yields fewer references, not an error.
import { readDottedName } from './dotted-name.ts'
import { newFrame, newStatement, settleStatement, type Frame, type Statement } from './scanner-state.ts'
import { CREATE_MODIFIERS, ENDS_FROM, RESERVED, TEMP_MODIFIERS } from './sql-keywords.ts'
import { tokenizeSql, type SqlToken } from './sql-tokenizer.ts'

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

    const { parts, dynamic, next: k } = readDottedName(this.toks, j)
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
    settleStatement(this.stmt, this.reads, this.writes, this.allTemps)
    this.stmt = newStatement()
  }
}
