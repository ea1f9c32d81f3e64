// What the table-reference scanner (table-refs.ts) keeps track of: a frame per open parenthesis, and the table
// names the current statement mentioned, settled once the statement ends (its own CTE names, aliases —
// `alias.column` paths — and temporary tables are not tables the report reads).

export interface Frame {
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



export const newFrame = (kind: Frame['kind']): Frame => ({
  kind,
  sawSelect: false,
  inFrom: false,
  lastIntro: 'other',
  inWith: false,
  expectCteName: false,
  tableAtStart: false,
})

export interface Ref {
  parts: string[]
  write: boolean
}

export interface Statement {
  kind: string
  ctes: Set<string>
  aliases: Set<string>
  temps: Set<string>
  refs: Ref[]
}

export const newStatement = (): Statement => ({ kind: '', ctes: new Set(), aliases: new Set(), temps: new Set(), refs: [] })

/**
 * Appends the statement's real tables to `reads`/`writes` and its temporary ones to `temps`. Linear in the
 * number of names: one statement of a multi-megabyte report can name tens of thousands of them.
 */
export function settleStatement(s: Statement, reads: string[], writes: string[], temps: Set<string>): void {
  // Unqualified names the statement reads from: `FROM t, t.items` is t's column, not a schema `t`.
  const bareNames = new Set<string>()
  for (const r of s.refs) if (r.parts.length === 1) bareNames.add(r.parts[0]!)
  for (const ref of s.refs) {
    const name = ref.parts.join('.')
    // An unqualified name that is a CTE of this statement is not a table.
    if (ref.parts.length === 1 && s.ctes.has(name)) continue
    // alias.column (BigQuery's implicit UNNEST: FROM events e, e.params), not schema.table.
    const head = ref.parts[0] ?? ''
    if (ref.parts.length >= 2 && !ref.write && (s.aliases.has(head) || bareNames.has(head))) continue
    if (head.startsWith('#')) {
      temps.add(name)
      continue
    }
    ;(ref.write ? writes : reads).push(name)
  }
  for (const t of s.temps) temps.add(t)
}
