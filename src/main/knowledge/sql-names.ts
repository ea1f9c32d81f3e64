// The names a query defines for itself, read before it is normalised (sql-normalize.ts): which words are
// tables (and which tables it reads), what each table alias, CTE and sub-query name stands for, and what each
// column alias stands for — so a copy that renames or drops them normalises like the original.
import type { SqlTokenKind } from '../sql/sql-tokenizer.ts'

/** A token with quoting undone and words lowercased; `source` is its text as written. */
export interface Lexeme {
  kind: SqlTokenKind
  text: string
  source: string
  /** For `liquid-def`: the alias written inside it (`{{ @revenue as r }}`). */
  alias?: string
}

export interface Names {
  /** Positions left out of the normalised stream: alias definitions (`AS x`, a table's alias). */
  dropped: Set<number>
  /** Positions inside a table reference after FROM/JOIN, with what each reads as. */
  tablePositions: Map<number, string>
  /** A table alias → the table's last name part; a CTE or sub-query name → `#cteN` / `#subN`. */
  relations: Map<string, string>
  /** The `#cteN` / `#subN` values of `relations`: their columns are column aliases. */
  derived: Set<string>
  /** Column alias → the name its uses read as, and the span of its own definition (left as written). */
  columns: Map<string, { placeholder: string; from: number; to: number }>
  /** The tables read (dotted names, CTEs excluded). */
  tables: Set<string>
}

/** Words that can never be a table's alias where one would otherwise be read (after a table name or a `)`). */
const NOT_AN_ALIAS = new Set([
  'select', 'with', 'values', 'where', 'group', 'order', 'having', 'limit', 'offset', 'fetch', 'on', 'using',
  'join', 'left', 'right', 'inner', 'outer', 'full', 'cross', 'natural', 'union', 'except', 'intersect', 'minus',
  'set', 'as', 'and', 'or', 'not', 'in', 'is', 'null', 'case', 'when', 'then', 'else', 'end', 'window', 'qualify',
  'returning', 'lateral', 'unnest', 'into', 'from', 'by', 'distinct', 'all', 'any', 'exists', 'between', 'like',
  'ilike', 'tablesample', 'pivot', 'unpivot', 'over', 'partition', 'filter', 'within', 'asc', 'desc', 'nulls',
  'rows', 'range', 'preceding', 'following', 'current', 'unbounded', 'interval', 'top', 'for', 'at', 'before',
])
const STARTS_TABLE = new Set(['from', 'join', 'update', 'into'])
/** Functions whose arguments use FROM (`EXTRACT(dow FROM ts)`, `TRIM(x FROM s)`): no table follows. */
const FUNCTIONS_WITH_FROM = new Set(['extract', 'trim', 'substring', 'position', 'overlay', 'substr'])
/** Functions whose AS names a type (`CAST(x AS date)`), not an alias. */
const FUNCTIONS_WITH_TYPE = new Set(['cast', 'try_cast', 'safe_cast', 'convert'])
/** Words after which a column alias's expression starts. */
const STARTS_EXPRESSION = new Set(['select', 'distinct', 'all'])

const isIdent = (l: Lexeme | undefined): boolean => l !== undefined && (l.kind === 'word' || l.kind === 'qident')
const isName = (l: Lexeme | undefined): boolean => isIdent(l) && !(l!.kind === 'word' && NOT_AN_ALIAS.has(l!.text))
const isPunct = (l: Lexeme | undefined, text: string): boolean => l?.kind === 'punct' && l.text === text

/** The `(` that encloses position `at`, or -1. */
function enclosingParen(lex: Lexeme[], at: number): number {
  let depth = 0
  for (let k = at - 1; k >= 0; k--) {
    if (isPunct(lex[k], ')')) depth++
    else if (isPunct(lex[k], '(')) {
      if (depth === 0) return k
      depth--
    }
  }
  return -1
}

function matchingParen(lex: Lexeme[], open: number): number {
  let depth = 0
  for (let k = open; k < lex.length; k++) {
    if (isPunct(lex[k], '(')) depth++
    else if (isPunct(lex[k], ')') && --depth === 0) return k
  }
  return lex.length - 1
}

/** Tables, table aliases, CTE and sub-query names (column aliases come after, from readColumnAliases). */
export function readRelations(lex: Lexeme[]): Names {
  const names: Names = { dropped: new Set(), tablePositions: new Map(), relations: new Map(), derived: new Set(), columns: new Map(), tables: new Set() }
  const derivedName = (prefix: string): string => {
    const value = `#${prefix}${[...names.derived].filter((d) => d.startsWith(`#${prefix}`)).length + 1}`
    names.derived.add(value)
    return value
  }
  // CTE names first: a later FROM may name them.
  for (let i = 1; i + 1 < lex.length; i++) {
    if (lex[i]!.text === 'as' && lex[i]!.kind === 'word' && isPunct(lex[i + 1], '(') && isName(lex[i - 1]) && !names.relations.has(lex[i - 1]!.text)) {
      names.relations.set(lex[i - 1]!.text, derivedName('cte'))
    }
  }
  const aliasAt = (at: number, stands: string): number => {
    // `AS name`, or a bare name that is no keyword; returns the position after the alias.
    let j = at
    if (lex[j]?.kind === 'word' && lex[j]!.text === 'as' && isIdent(lex[j + 1])) names.dropped.add(j++)
    else if (!isName(lex[j])) return at
    names.relations.set(lex[j]!.text, stands)
    names.dropped.add(j)
    return j + 1
  }
  for (let i = 0; i < lex.length; i++) {
    const l = lex[i]!
    if (!(l.kind === 'word' && STARTS_TABLE.has(l.text))) continue
    const open = enclosingParen(lex, i)
    if (open > 0 && FUNCTIONS_WITH_FROM.has(lex[open - 1]!.text)) continue
    let j = i + 1
    for (let table = 0; table < 64; table++) {
      const first = lex[j]
      if (isPunct(first, '(')) {
        const close = matchingParen(lex, j)
        j = aliasAt(close + 1, derivedName('sub'))
      } else if (first?.kind === 'liquid-def') {
        const stands = `{{@${first.text}}}`
        names.tables.add(stands)
        if (first.alias) names.relations.set(first.alias.toLowerCase(), stands)
        j = aliasAt(j + 1, stands)
      } else if (isName(first)) {
        const parts = [first!.text]
        const positions = [j]
        while (isPunct(lex[j + 1], '.') && isIdent(lex[j + 2])) {
          parts.push(lex[j + 2]!.text)
          positions.push((j += 2))
        }
        const cte = parts.length === 1 ? names.relations.get(parts[0]!) : undefined
        const isCte = cte !== undefined && names.derived.has(cte)
        for (const p of positions) names.tablePositions.set(p, isCte ? cte : lex[p]!.text)
        let stands = cte ?? parts.at(-1)!
        if (!isCte) {
          names.tables.add(parts.join('.'))
          // A second alias of the same table (a self-join) gets a name of its own.
          const base = stands
          const taken = new Set(names.relations.values())
          for (let k = 2; taken.has(stands) && k < 64; k++) stands = `${base}~${k}`
        }
        j = aliasAt(j + 1, stands)
      } else break
      // `FROM a x, b y`: another table after a comma (not a CTE's definition).
      if (!(isPunct(lex[j], ',') && (isName(lex[j + 1]) || isPunct(lex[j + 1], '(')) && !(lex[j + 2]?.text === 'as' && isPunct(lex[j + 3], '(')))) break
      j++
    }
  }
  return names
}

/**
 * Column aliases (`expr AS name`): each named after its expression as `render` normalises it, so the name a
 * copy chose, and the aliases defined before it, do not matter. The `AS name` is dropped from the stream.
 */
export function readColumnAliases(lex: Lexeme[], names: Names, render: (from: number, to: number) => string): void {
  for (let i = 1; i + 1 < lex.length; i++) {
    const l = lex[i]!
    if (!(l.kind === 'word' && l.text === 'as') || names.dropped.has(i) || !isIdent(lex[i + 1]) || isPunct(lex[i + 2], '(')) continue
    const open = enclosingParen(lex, i)
    if (open > 0 && FUNCTIONS_WITH_TYPE.has(lex[open - 1]!.text)) continue
    // The expression runs back to the comma, SELECT or `(` before it at the same depth.
    let from = i
    let depth = 0
    while (from > 0) {
      const p = lex[from - 1]!
      if (isPunct(p, ')')) depth++
      else if (isPunct(p, '(')) {
        if (depth === 0) break
        depth--
      } else if (depth === 0 && (isPunct(p, ',') || (p.kind === 'word' && STARTS_EXPRESSION.has(p.text)))) break
      from--
    }
    const name = lex[i + 1]!.text
    names.dropped.add(i).add(i + 1)
    if (!names.columns.has(name)) names.columns.set(name, { placeholder: `#${hash36(render(from, i))}`, from, to: i })
  }
}

/** FNV-1a, base 36: a short name for an expression. */
export function hash36(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(36)
}
