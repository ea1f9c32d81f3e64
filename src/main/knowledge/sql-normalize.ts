// SQL reduced to what makes two queries "the same query": the token stream of sql-tokenizer.ts with comments and
// whitespace gone (the tokenizer drops them), unquoted words case-folded (keywords and identifiers alike are
// case-insensitive in every dialect Mode supports), every literal value replaced by `?`, Liquid variables
// reduced to their names (their values live in the `{% form %}` block, which the tokenizer skips whole), and
// alias names (AS x, table aliases, sub-query and CTE names) replaced by their order of definition.
// The exact-duplicate fingerprint hashes this stream; near-duplicate detection shingles it.
import { createHash } from 'node:crypto'
import { tokenizeSql, type SqlToken } from '../sql/sql-tokenizer.ts'

/** Words that can never be an alias where one would otherwise be read (after a table name or a `)`). */
const NOT_AN_ALIAS = new Set([
  'SELECT', 'WITH', 'VALUES', 'WHERE', 'GROUP', 'ORDER', 'HAVING', 'LIMIT', 'OFFSET', 'FETCH', 'ON', 'USING',
  'JOIN', 'LEFT', 'RIGHT', 'INNER', 'OUTER', 'FULL', 'CROSS', 'NATURAL', 'UNION', 'EXCEPT', 'INTERSECT', 'MINUS',
  'SET', 'AS', 'AND', 'OR', 'NOT', 'IN', 'IS', 'NULL', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'WINDOW', 'QUALIFY',
  'RETURNING', 'LATERAL', 'UNNEST', 'INTO', 'FROM', 'BY', 'DISTINCT', 'ALL', 'ANY', 'EXISTS', 'BETWEEN', 'LIKE',
  'ILIKE', 'TABLESAMPLE', 'PIVOT', 'UNPIVOT', 'OVER', 'PARTITION', 'FILTER', 'WITHIN', 'ASC', 'DESC', 'NULLS',
  'ROWS', 'RANGE', 'PRECEDING', 'FOLLOWING', 'CURRENT', 'UNBOUNDED', 'INTERVAL', 'LIMIT', 'TOP', 'FOR', 'DAY',
  'WEEK', 'MONTH', 'YEAR', 'QUARTER', 'HOUR', 'MINUTE', 'SECOND', 'DATE', 'TIMESTAMP', 'TIME',
])
const STARTS_TABLE = new Set(['FROM', 'JOIN', 'UPDATE', 'INTO'])

export interface NormalizedSql {
  /** The normalised token stream (see the file comment). */
  tokens: string[]
}

export function normalizeSql(sql: string): NormalizedSql {
  const text = String(sql ?? '')
  const raw = tokenizeSql(text)
  const { aliases, tableNames } = findAliasNames(raw)
  const tokens: string[] = []
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!
    switch (t.kind) {
      case 'string': {
        // '{{ start_date }}' is a parameter, not a value: which parameter it is stays part of the query.
        const liquid = [...text.slice(t.start, t.end).matchAll(/\{\{\s*([^}|]*?)\s*(?:\|[^}]*)?\}\}/g)].map((m) => m[1]!.toLowerCase())
        tokens.push(liquid.length > 0 ? `'{{${liquid.join('}}{{')}}}'` : '?')
        break
      }
      case 'number':
        tokens.push('?')
        break
      case 'liquid-var':
        // `{{ start_date }}` and `{{start_date}}` alike; filters (`| date: …`) carry formatting, not meaning.
        tokens.push(`{{${t.text.split('|')[0]!.trim().toLowerCase().replace(/\s+/g, ' ')}}}`)
        break
      case 'liquid-def':
        tokens.push(`{{@${t.text.toLowerCase()}}}`)
        break
      case 'qident':
      case 'word': {
        const name = identName(t)
        // A table name, or a column after a qualifier (`o.revenue`), keeps its name even when an alias has it.
        const qualified = raw[i - 1]?.kind === 'punct' && raw[i - 1]!.text === '.'
        tokens.push(tableNames.has(i) || qualified ? name : (aliases.get(name) ?? name))
        break
      }
      default:
        tokens.push(t.text)
    }
  }
  return { tokens }
}

/** A stable, short digest of the normalised SQL: equal for exact duplicates. */
export function sqlFingerprint(normalized: NormalizedSql): string {
  return createHash('sha1').update(normalized.tokens.join('\u0001')).digest('hex').slice(0, 20)
}

/** Quoted or not, a name compares case-insensitively here: "Orders" and orders are one table to a reader. */
function identName(t: SqlToken): string {
  return t.text.toLowerCase()
}

const isName = (t: SqlToken | undefined): boolean =>
  t !== undefined && (t.kind === 'qident' || (t.kind === 'word' && !NOT_AN_ALIAS.has(t.text.toUpperCase())))

/** Functions whose arguments use FROM (`EXTRACT(dow FROM ts)`, `TRIM(x FROM s)`): no table follows. */
const FUNCTIONS_WITH_FROM = new Set(['EXTRACT', 'TRIM', 'SUBSTRING', 'POSITION', 'OVERLAY', 'SUBSTR'])

function insideFunctionWithFrom(tokens: SqlToken[], at: number): boolean {
  let depth = 0
  for (let k = at - 1; k >= Math.max(0, at - 12); k--) {
    const t = tokens[k]!
    if (t.kind !== 'punct') continue
    if (t.text === ')') depth++
    else if (t.text === '(') {
      if (depth === 0) return FUNCTIONS_WITH_FROM.has(tokens[k - 1]?.text.toUpperCase() ?? '')
      depth--
    }
  }
  return false
}

/**
 * Alias names in the order they are defined, each mapped to a placeholder (`#1`, `#2`, …): `expr AS name`,
 * `WITH name AS (`, `FROM table name` / `JOIN table AS name`, `(sub-query) name`. Every later use of the
 * name (`name.column`, `ORDER BY name`) is replaced too, so a consistently renamed copy normalises alike.
 */
function findAliasNames(tokens: SqlToken[]): { aliases: Map<string, string>; tableNames: Set<number> } {
  const aliases = new Map<string, string>()
  const tableNames = new Set<number>()
  const define = (t: SqlToken | undefined, anyWord = false): void => {
    if (t === undefined || !(isName(t) || (anyWord && (t.kind === 'word' || t.kind === 'qident')))) return
    const name = identName(t)
    if (!aliases.has(name)) aliases.set(name, `#${aliases.size + 1}`)
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    const upper = t.kind === 'word' ? t.text.toUpperCase() : ''
    if (t.kind === 'liquid-def' && t.alias) {
      const name = t.alias.toLowerCase()
      if (!aliases.has(name)) aliases.set(name, `#${aliases.size + 1}`)
      continue
    }
    if (upper === 'AS') {
      const next = tokens[i + 1]
      // `name AS (` opens a CTE: the name before AS is the alias.
      if (next?.text === '(' && next.kind === 'punct') define(tokens[i - 1])
      // After AS any word is a name, even one that is also a keyword elsewhere (`AS day`, `AS month`).
      else define(next, true)
      continue
    }
    if (STARTS_TABLE.has(upper) && !insideFunctionWithFrom(tokens, i)) {
      // FROM schema.table alias — skip the dotted table name, then an optional bare alias.
      let j = i + 1
      if (!isName(tokens[j]) && tokens[j]?.kind !== 'liquid-def') continue
      tableNames.add(j)
      while (tokens[j + 1]?.text === '.' && tokens[j + 2] !== undefined) tableNames.add((j += 2))
      const after = tokens[j + 1]
      if (after?.kind === 'word' && after.text.toUpperCase() !== 'AS') define(after)
      continue
    }
    if (t.kind === 'punct' && t.text === ')') {
      const next = tokens[i + 1]
      if (next?.kind === 'word' && next.text.toUpperCase() !== 'AS') {
        const after = tokens[i + 2]
        // `) name` followed by `(` is a function call or a keyword-led clause, not an alias.
        if (!(after?.kind === 'punct' && after.text === '(')) define(next)
      }
    }
  }
  return { aliases, tableNames }
}
