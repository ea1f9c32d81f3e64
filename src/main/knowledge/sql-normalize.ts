// SQL reduced to what makes two queries "the same query": the token stream of sql-tokenizer.ts with comments,
// whitespace and statement-ending semicolons gone, quoting gone (`"i"."plan"`, `` `a.b` `` and i.plan alike),
// words case-folded (keywords and identifiers alike are case-insensitive in every dialect Mode supports),
// literal values replaced by `?`, Liquid variables reduced to their names (their values live in the
// `{% form %}` block, which the tokenizer skips whole), and names a copy is free to change made neutral:
//  - a table's alias stands for the table (`FROM analytics.orders o … o.amount` reads as `orders.amount`, the
//    same as a copy that writes no alias at all), and the alias's definition is dropped;
//  - a column alias (`SUM(x) AS revenue`) is dropped and its uses (`ORDER BY revenue`) read as a name made from
//    the expression it stands for, so renaming it, or adding a column before it, changes nothing;
//  - CTE and sub-query names read as their order of definition (`#cte1`, `#sub1`).
// Not every literal is a value: the unit of date_trunc('month', …) is the report's grain, and a number in
// GROUP BY / ORDER BY is a column position; both stay.
// The exact-duplicate fingerprint hashes this stream; near-duplicate detection shingles it, and sql-question.ts
// reads the question it asks (tables, breakdown, measures) from it.
import { createHash } from 'node:crypto'
import { tokenizeSql, type SqlToken, type SqlTokenKind } from '../sql/sql-tokenizer.ts'
import { readColumnAliases, readRelations, type Lexeme, type Names } from './sql-names.ts'

/** Functions whose first argument, when quoted, is a date part (the grain), not a value. */
const DATE_PART_FUNCTIONS = new Set([
  'date_trunc', 'date_part', 'datediff', 'dateadd', 'date_diff', 'date_add', 'date_sub', 'timestampdiff', 'timestampadd',
  'timestamp_trunc', 'datetime_trunc', 'time_slice', 'trunc', 'extract',
])
/** Words that end a GROUP BY / ORDER BY list (after which a number is a value again). */
const ENDS_BY_LIST = new Set(['limit', 'offset', 'fetch', 'having', 'qualify', 'window', 'union', 'except', 'intersect', 'minus', 'select', 'from', 'where'])

export interface NormalizedSql {
  /** The normalised token stream (see the file comment). */
  tokens: string[]
  /** The tables the query reads (dotted names as written, lowercased, CTE names excluded), sorted. */
  tables: string[]
}

export function normalizeSql(sql: string): NormalizedSql {
  const text = String(sql ?? '')
  const lex = flatten(tokenizeSql(text), text)
  const names = readRelations(lex)
  readColumnAliases(lex, names, (from, to) => render(lex, names, from, to, false).join(' '))
  return { tokens: render(lex, names, 0, lex.length, true), tables: [...names.tables].sort() }
}

/** A stable, short digest of the normalised SQL: equal for exact duplicates. */
export function sqlFingerprint(normalized: NormalizedSql): string {
  return createHash('sha1').update(normalized.tokens.join('\u0001')).digest('hex').slice(0, 20)
}

/** Tokens with quoting undone: a quoted `a.b.c` becomes three names with dots between, like the unquoted form. */
function flatten(raw: SqlToken[], text: string): Lexeme[] {
  const out: Lexeme[] = []
  const push = (kind: SqlTokenKind, t: string, source: SqlToken): void => {
    out.push({ kind, text: kind === 'word' || kind === 'qident' ? t.toLowerCase() : t, source: text.slice(source.start, source.end), alias: source.alias })
  }
  for (const t of raw) {
    if (t.kind === 'qident' && (t.parts?.length ?? 0) > 1) {
      t.parts!.forEach((part, i) => {
        if (i > 0) out.push({ kind: 'punct', text: '.', source: '.' })
        push('qident', part, t)
      })
    } else if (!(t.kind === 'punct' && t.text === ';')) push(t.kind, t.text, t)
  }
  return out
}

const isIdent = (l: Lexeme | undefined): boolean => l !== undefined && (l.kind === 'word' || l.kind === 'qident')
const isDot = (l: Lexeme | undefined): boolean => l?.kind === 'punct' && l.text === '.'

/**
 * The normalised tokens of lex[from, to). `withColumns` false renders an alias's own expression: column aliases
 * are not yet known then, and the expression must not depend on them.
 */
function render(lex: Lexeme[], names: Names, from: number, to: number, withColumns: boolean): string[] {
  const out: string[] = []
  let inByList = false
  let derivedQualifier = false
  for (let i = from; i < to; i++) {
    const l = lex[i]!
    if (names.dropped.has(i)) continue
    const prev = out.at(-1)
    switch (l.kind) {
      case 'string': {
        const fn = lex[i - 2]?.text ?? ''
        if (lex[i - 1]?.text === '(' && DATE_PART_FUNCTIONS.has(fn) && /^'[A-Za-z_]+'$/.test(l.source)) {
          out.push(l.source.toLowerCase())
          break
        }
        // '{{ start_date }}' is a parameter, not a value: which parameter it is stays part of the query.
        const liquid = [...l.source.matchAll(/\{\{\s*([^}|]*?)\s*(?:\|[^}]*)?\}\}/g)].map((m) => m[1]!.toLowerCase())
        out.push(liquid.length > 0 ? `'{{${liquid.join('}}{{')}}}'` : '?')
        break
      }
      case 'number':
        out.push(inByList && (prev === 'by' || prev === ',') ? l.text : '?')
        break
      case 'liquid-var':
        // `{{ start_date }}` and `{{start_date}}` alike; filters (`| date: …`) carry formatting, not meaning.
        out.push(`{{${l.text.split('|')[0]!.trim().toLowerCase().replace(/\s+/g, ' ')}}}`)
        break
      case 'liquid-def':
        out.push(`{{@${l.text.toLowerCase()}}}`)
        break
      case 'word':
      case 'qident': {
        const qualifier = isDot(lex[i + 1]) && isIdent(lex[i + 2]) && !isDot(lex[i - 1])
        if (names.tablePositions.has(i)) {
          out.push(names.tablePositions.get(i)!)
        } else if (isDot(lex[i - 1])) {
          // A column after a CTE's or sub-query's name is one of its column aliases; after a table, a column.
          const column = derivedQualifier && withColumns ? names.columns.get(l.text) : undefined
          out.push(column?.placeholder ?? l.text)
        } else if (qualifier) {
          const relation = names.relations.get(l.text)
          derivedQualifier = relation !== undefined && names.derived.has(relation)
          out.push(relation ?? l.text)
        } else {
          const column = withColumns ? names.columns.get(l.text) : undefined
          const ownDefinition = column !== undefined && i >= column.from && i < column.to
          out.push(column && !ownDefinition ? column.placeholder : (names.relations.get(l.text) ?? l.text))
        }
        if (l.kind === 'word') {
          if (l.text === 'by' && (prev === 'group' || prev === 'order')) inByList = true
          else if (ENDS_BY_LIST.has(l.text)) inByList = false
        }
        break
      }
      default:
        if (l.text === '(' || l.text === ')') inByList = false
        out.push(l.text)
    }
  }
  return out
}
