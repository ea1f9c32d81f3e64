// The table-reference scanner behind table-refs.ts: a single pass over SQL tokens with a stack of parenthesis
// frames — enough SQL structure to know where a table name may appear (FROM, JOIN, comma joins,
// INSERT/UPDATE/MERGE/CREATE … targets, every branch of a Liquid {% if %}) and what is not a table there (CTE
// names, sub-queries, table functions, UNNEST, LATERAL and LATERAL VIEW, VALUES, Liquid definitions, variables).
import { declaredNames, intoVariables, opensCteBody, skipLateralView, skipParens, skipTableHints } from './dialect-clauses.ts'
import { readDottedName } from './dotted-name.ts'
import { LiquidBranches } from './liquid-branches.ts'
import { newFrame, newStatement, settleStatement, type Frame, type Statement } from './scanner-state.ts'
import { CREATE_MODIFIERS, ENDS_FROM, RESERVED, TEMP_MODIFIERS } from './sql-keywords.ts'
import type { SqlToken } from './sql-tokenizer.ts'
import type { TableRefs } from './table-refs.ts'

/** MySQL's INSERT [LOW_PRIORITY | DELAYED | HIGH_PRIORITY] [IGNORE] [INTO] t. */
const INSERT_MODIFIERS = new Set(['LOW_PRIORITY', 'DELAYED', 'HIGH_PRIORITY', 'IGNORE'])

export class TableRefScanner {
  private readonly toks: SqlToken[]
  private frames: Frame[] = [newFrame('root')]
  private stmt: Statement = newStatement()
  private readonly reads: string[] = []
  private readonly writes: string[] = []
  private readonly allTemps = new Set<string>()
  /** Variables the SQL declares (SELECT … INTO one of them writes no table). */
  private readonly declared = new Set<string>()
  /** Inside a DECLARE section (Snowflake: `DECLARE a INT; b INT; BEGIN …`): each statement names a variable. */
  private declaring = false
  private readonly liquid = new LiquidBranches()

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
    if (t.kind === 'liquid-tag') return this.liquidTag(i, null)

    if (t.kind === 'punct') {
      if (t.text === ';') {
        this.finishStatement()
        this.frames = [newFrame('root')]
        return i + 1
      }
      if (t.text === '(' && frame.tableAtStart) {
        // A nested parenthesised join: ((a JOIN b ON …) JOIN c ON …) starts with a table too.
        frame.tableAtStart = false
        return this.readTableItem(i, false)
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
    if (this.stmt.kind === '') {
      this.stmt.kind = K
      if (K === 'BEGIN') this.declaring = false
      else if (this.declaring && K !== 'DECLARE') this.declared.add(t.text.toLowerCase())
    }
    // A statement after its CTEs: WITH s AS (…) UPDATE t …, MERGE t USING s …, INSERT t SELECT …
    const afterWith = this.stmt.kind === 'WITH' && frame.kind === 'root' && !frame.sawSelect

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
        if (frame.sawSelect && intoVariables(this.toks, i + 1, this.declared)) return i + 1
        let j = i + 1
        if (next === 'TABLE') j++
        return this.readTableItem(j, true)
      }
      case 'OVERWRITE': // INSERT OVERWRITE [TABLE] t
        if (this.kw(i - 1) === 'INSERT') return this.readTableItem(this.kw(i + 1) === 'TABLE' ? i + 2 : i + 1, true)
        return i + 1
      case 'UPDATE': {
        // MERGE … WHEN MATCHED THEN UPDATE SET: no target here.
        if (afterWith && this.kw(i - 1) !== 'FOR') this.stmt.kind = 'UPDATE'
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
      case 'INSERT':
      case 'MERGE':
        // INSERT t SELECT … and MERGE t USING … (no INTO: SQL Server, BigQuery); with INTO, INTO reads the target.
        if (afterWith) this.stmt.kind = K
        if (this.stmt.kind !== K || frame.kind !== 'root') return i + 1
        return this.readStatementTarget(i + 1)
      case 'DECLARE':
        this.declaring = true
        for (const name of declaredNames(this.toks, i)) this.declared.add(name)
        return i + 1
      case 'LATERAL':
        return skipLateralView(this.toks, i, this.stmt.aliases) ?? i + 1
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
    if (this.isPunct(j, '(') && !opensCteBody(this.toks, j)) j = skipParens(this.toks, j)
    if (this.kw(j) === 'AS') j++
    while (this.kw(j) === 'NOT' || this.kw(j) === 'MATERIALIZED') j++
    if (this.isPunct(j, '(')) {
      this.frames.push(newFrame('cte-body'))
      return j + 1
    }
    frame.inWith = false
    return j
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
    if (t.kind === 'liquid-tag') return this.liquidTag(j, write)
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

    const name = readDottedName(this.toks, j)
    const { parts, dynamic } = name
    if (parts.length === 0) return j + 1
    const k = skipTableHints(this.toks, name.next) ?? name.next
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

  /** The target right after INSERT/MERGE when it has no INTO (modifiers such as MySQL's IGNORE skipped). */
  private readStatementTarget(j: number): number {
    while (INSERT_MODIFIERS.has(this.kw(j))) j++
    const t = this.toks[j]
    if (t === undefined || (t.kind !== 'word' && t.kind !== 'qident') || RESERVED.has(this.kw(j))) return j
    return this.readTableItem(j, true)
  }

  /** A Liquid branching tag at i; `write` non-null where a table is expected (the block's branches start there). */
  private liquidTag(i: number, write: boolean | null): number {
    const role = this.toks[i]!.text
    if (role === 'close') this.liquid.leave()
    if (role === 'open') this.liquid.enter(this.frames, write)
    const expect = role === 'open' ? write : role === 'branch' ? this.liquid.branch(this.frames) : null
    return expect === null ? i + 1 : this.readTableItem(i + 1, expect)
  }

  private finishStatement(): void {
    settleStatement(this.stmt, this.reads, this.writes, this.allTemps)
    this.stmt = newStatement()
  }
}
