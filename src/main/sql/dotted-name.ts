// A possibly qualified, possibly quoted table name in SQL tokens: `schema.table`, `"db"."s"."t"`, BigQuery's
// `my-project.dataset.events_*` (or `events$20240101`, a partition), Snowflake's and SQL Server's `db..table`, or
// one with Liquid inside (`{{ schema }}.orders`, `sales_{{ region }}.orders`).
import type { SqlToken } from './sql-tokenizer.ts'

export interface DottedName {
  /** The name's parts as written (quotes removed; '?' stands for a Liquid variable). */
  parts: string[]
  /** Part of the name is a Liquid variable: the table is unknowable until run time. */
  dynamic: boolean
  /** Index of the first token after the name. */
  next: number
}

const isPunct = (toks: SqlToken[], i: number, p: string): boolean => {
  const t = toks[i]
  return t !== undefined && t.kind === 'punct' && t.text === p
}

/** Reads the name starting at token j (no parts when no name starts there). */
export function readDottedName(toks: SqlToken[], j: number): DottedName {
  const parts: string[] = []
  let dynamic = false
  let k = j
  for (;;) {
    const p = toks[k]
    if (p === undefined) break
    if (p.kind === 'word') {
      let text = p.text
      let last: SqlToken = p
      // BigQuery allows hyphens in unquoted project names: my-project.dataset.table.
      for (;;) {
        const dash = toks[k + 1]
        const after = toks[k + 2]
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
    // A part built around a Liquid variable (`sales_{{ region }}.orders`, `events_{{ day }}`) is one unknowable
    // part, not the truncated `sales_`.
    for (;;) {
      const last = toks[k]!
      const glued = toks[k + 1]
      if (glued === undefined || glued.start !== last.end) break
      const liquid = glued.kind === 'liquid-var' || last.kind === 'liquid-var'
      if (!liquid || (glued.kind !== 'word' && glued.kind !== 'number' && glued.kind !== 'liquid-var')) break
      dynamic = true
      k++
    }
    k++
    // BigQuery wildcard tables: dataset.events_*
    const star = toks[k]
    if (star !== undefined && star.text === '*' && star.start === toks[k - 1]?.end) {
      parts[parts.length - 1] += '*'
      k++
    }
    if (!isPunct(toks, k, '.')) break
    k++
    // Snowflake db..table (default schema): skip the empty part.
    while (isPunct(toks, k, '.')) k++
  }
  // BigQuery partition decorators (`events$20240101`, `events$__UNPARTITIONED__`) name a partition of the table.
  const last = parts.length - 1
  if (last >= 0) parts[last] = parts[last]!.replace(/(.)\$(?:\d+|__[A-Za-z_]+__)$/, '$1')
  return { parts, dynamic, next: k }
}
