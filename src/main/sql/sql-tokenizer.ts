// A forgiving SQL tokenizer for the dialects Mode users write (Postgres, Redshift, Snowflake, BigQuery, MySQL,
// Presto/Trino) with Mode's Liquid templating inside. It never throws: anything it does not understand becomes
// an `op` token, and an unterminated string, comment or Liquid block simply runs to the end of the text.
// Comments, string literals and Liquid tags produce no tokens (or a placeholder) so nothing inside them can be
// mistaken for a table.

export type SqlTokenKind =
  | 'word' // bare identifier or keyword
  | 'qident' // quoted identifier: "a", `a.b.c`, [a]; `parts` holds its dot-separated pieces
  | 'string'
  | 'number'
  | 'punct' // ( ) , . ;
  | 'op' // anything else
  | 'liquid-def' // {{ @definition as alias }}: a Mode definition, not a table
  | 'liquid-var' // {{ anything else }}: a value unknown until run time
  | 'liquid-tag' // {% if %} / {% else %} / {% endif %} (and unless, case, when): text is 'open', 'branch' or 'close'

export interface SqlToken {
  kind: SqlTokenKind
  /** Source text for words, numbers, punctuation and operators; the unquoted text for quoted identifiers. */
  text: string
  /** Dot-separated pieces of a quoted identifier (backtick names may hold a whole `project.dataset.table`). */
  parts?: string[]
  /** For `liquid-def`: the alias it is given (`as rental`), if any. */
  alias?: string
  start: number
  end: number
}

// ASCII fast paths first: these run once per character of every query the sync stores.
const isIdentStart = (c: string): boolean => {
  const k = c.charCodeAt(0)
  if (k < 128) return (k >= 97 && k <= 122) || (k >= 65 && k <= 90) || k === 95
  return /[\p{L}_]/u.test(c)
}
const isIdentChar = (c: string): boolean => {
  const k = c.charCodeAt(0)
  if (k < 128) return (k >= 97 && k <= 122) || (k >= 65 && k <= 90) || (k >= 48 && k <= 57) || k === 95 || k === 36
  return /[\p{L}\p{N}_$]/u.test(c)
}
const isDigit = (c: string): boolean => c >= '0' && c <= '9'
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v'

/** Liquid tags that open, split or close alternative branches of the SQL. */
const LIQUID_BRANCHING = new Map<string, 'open' | 'branch' | 'close'>([
  ['if', 'open'], ['unless', 'open'], ['case', 'open'], ['elsif', 'branch'], ['else', 'branch'], ['when', 'branch'],
  ['endif', 'close'], ['endunless', 'close'], ['endcase', 'close'],
])

/** Words after which `#name` is a SQL Server temp table rather than a MySQL comment. */
const BEFORE_HASH_TABLE = new Set(['FROM', 'JOIN', 'INTO', 'TABLE', 'UPDATE', 'EXISTS'])

export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = []
  const n = sql.length
  let i = 0
  let nextClose = 0

  const push = (kind: SqlTokenKind, text: string, start: number, end: number, extra?: Partial<SqlToken>): void => {
    tokens.push({ kind, text, start, end, ...extra })
  }
  const lastWord = (): string => {
    const t = tokens[tokens.length - 1]
    return t && t.kind === 'word' ? t.text.toUpperCase() : ''
  }

  // Skips a quoted run starting at `i` (the opening quote); doubled quotes and (optionally) backslashes escape.
  const skipQuoted = (quote: string, backslash: boolean): number => {
    let j = i + 1
    while (j < n) {
      const c = sql.charAt(j)
      if (backslash && c === '\\') {
        j += 2
        continue
      }
      if (c === quote) {
        if (sql.charAt(j + 1) === quote) {
          j += 2
          continue
        }
        return j + 1
      }
      j++
    }
    return n
  }

  while (i < n) {
    const c = sql.charAt(i)
    const c2 = sql.charAt(i + 1)

    if (isSpace(c)) {
      i++
      continue
    }
    // Comments.
    if (c === '-' && c2 === '-') {
      const e = sql.indexOf('\n', i)
      i = e < 0 ? n : e + 1
      continue
    }
    if (c === '/' && c2 === '*') {
      // Postgres nests block comments; counting depth costs nothing elsewhere.
      let depth = 1
      let j = i + 2
      while (j < n && depth > 0) {
        if (sql.charAt(j) === '/' && sql.charAt(j + 1) === '*') {
          depth++
          j += 2
        } else if (sql.charAt(j) === '*' && sql.charAt(j + 1) === '/') {
          depth--
          j += 2
        } else j++
      }
      i = j
      continue
    }
    if (c === '#') {
      // Postgres JSON operators (#>, #>>, #-) are operators; `FROM #temp` is a SQL Server temp table;
      // anything else is a MySQL comment to end of line.
      if (c2 === '>' || c2 === '-') {
        const len = c2 === '>' && sql.charAt(i + 2) === '>' ? 3 : 2
        push('op', sql.slice(i, i + len), i, i + len)
        i += len
        continue
      }
      if (c2 !== '' && isIdentStart(c2) && BEFORE_HASH_TABLE.has(lastWord())) {
        let j = i + 1
        while (j < n && isIdentChar(sql.charAt(j))) j++
        push('word', sql.slice(i, j), i, j)
        i = j
        continue
      }
      const e = sql.indexOf('\n', i)
      i = e < 0 ? n : e + 1
      continue
    }
    // Liquid.
    if (c === '{' && c2 === '{') {
      const e = sql.indexOf('}}', i + 2)
      const end = e < 0 ? n : e + 2
      const inner = sql.slice(i + 2, e < 0 ? n : e).trim()
      const def = /^@\s*([\p{L}\p{N}_.$-]+)(?:\s+as\s+([\p{L}\p{N}_$]+))?/iu.exec(inner)
      if (def) push('liquid-def', def[1] ?? '', i, end, def[2] ? { alias: def[2] } : {})
      else push('liquid-var', inner, i, end)
      i = end
      continue
    }
    if (c === '{' && c2 === '%') {
      const e = sql.indexOf('%}', i + 2)
      const end = e < 0 ? n : e + 2
      const tag = /^-?\s*(\w+)/.exec(sql.slice(i + 2, e < 0 ? n : e))?.[1]?.toLowerCase()
      // Branching tags are kept: both branches of `FROM {% if eu %} eu.orders {% else %} us.orders {% endif %}`
      // are tables the report may read.
      const branching = tag === undefined ? undefined : LIQUID_BRANCHING.get(tag)
      if (branching !== undefined) push('liquid-tag', branching, i, end)
      i = end
      // A form or comment block holds YAML or prose, never SQL: skip to its end tag.
      if (tag === 'form' || tag === 'comment' || tag === 'raw') {
        const close = new RegExp(`\\{%-?\\s*end${tag}\\s*-?%\\}`, 'i').exec(sql.slice(i))
        i = close ? i + close.index + close[0].length : n
      }
      continue
    }
    // Strings and quoted identifiers.
    if (c === "'" || ((c === 'e' || c === 'E') && c2 === "'")) {
      const start = i
      if (c !== "'") i++
      if (sql.startsWith("'''", i)) {
        const e = sql.indexOf("'''", i + 3)
        i = e < 0 ? n : e + 3
      } else i = skipQuoted("'", true)
      push('string', '', start, i)
      continue
    }
    if (c === '"') {
      const start = i
      if (sql.startsWith('"""', i)) {
        const e = sql.indexOf('"""', i + 3)
        i = e < 0 ? n : e + 3
        push('string', '', start, i)
        continue
      }
      i = skipQuoted('"', false)
      const text = sql.slice(start + 1, sql.charAt(i - 1) === '"' && i - 1 > start ? i - 1 : i).replace(/""/g, '"')
      push('qident', text, start, i, { parts: [text] })
      continue
    }
    if (c === '`') {
      const start = i
      i = skipQuoted('`', false)
      const text = sql.slice(start + 1, sql.charAt(i - 1) === '`' && i - 1 > start ? i - 1 : i).replace(/``/g, '`')
      push('qident', text, start, i, { parts: text.split('.') })
      continue
    }
    if (c === '[') {
      // [a].[b] in SQL Server style; array subscripts and literals ([1,2], arr[0], ['a']) stay punctuation.
      // The next ']' is remembered: text with many '[' and no ']' would otherwise rescan to the end each time.
      if (nextClose !== -1 && nextClose <= i) nextClose = sql.indexOf(']', i + 1)
      const e = nextClose
      const inner = e < 0 ? '' : sql.slice(i + 1, e)
      const prev = tokens[tokens.length - 1]
      const adjacent = prev !== undefined && prev.end === i && prev.kind !== 'punct'
      if (e > i + 1 && !adjacent && inner.length <= 128 && /^[^'"\n,[\]]+$/.test(inner) && !/^\s*-?\d/.test(inner)) {
        push('qident', inner, i, e + 1, { parts: [inner] })
        i = e + 1
        continue
      }
      push('op', c, i, i + 1)
      i++
      continue
    }
    // Dollar-quoted strings ($$ … $$, $tag$ … $tag$) and positional parameters ($1).
    if (c === '$') {
      const m = /^\$([\p{L}_][\p{L}\p{N}_]*)?\$/u.exec(sql.slice(i, i + 64))
      if (m) {
        const e = sql.indexOf(m[0], i + m[0].length)
        const end = e < 0 ? n : e + m[0].length
        push('string', '', i, end)
        i = end
        continue
      }
      let j = i + 1
      while (j < n && isIdentChar(sql.charAt(j))) j++
      push('op', sql.slice(i, j), i, j)
      i = j
      continue
    }
    if (isDigit(c) || (c === '.' && isDigit(c2))) {
      let j = i + 1
      while (j < n && isIdentChar(sql.charAt(j))) j++
      const head = sql.slice(i, j)
      // BigQuery and MySQL allow names that start with a digit (a dataset `2024_sales`).
      if (/^\d+[\p{L}_][\p{L}\p{N}_$]*$/u.test(head) && !/^\d+e\d*$/i.test(head)) {
        push('word', head, i, j)
        i = j
        continue
      }
      while (j < n && (isIdentChar(sql.charAt(j)) || sql.charAt(j) === '.')) j++
      push('number', sql.slice(i, j), i, j)
      i = j
      continue
    }
    if (isIdentStart(c)) {
      let j = i + 1
      while (j < n && isIdentChar(sql.charAt(j))) j++
      push('word', sql.slice(i, j), i, j)
      i = j
      continue
    }
    if (c === '(' || c === ')' || c === ',' || c === '.' || c === ';') {
      push('punct', c, i, i + 1)
      i++
      continue
    }
    push('op', c, i, i + 1)
    i++
  }
  return tokens
}
