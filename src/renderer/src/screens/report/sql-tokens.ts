// A small SQL tokenizer for syntax highlighting: keywords, strings, comments, numbers, quoted identifiers
// and Mode's Liquid blocks ({{ … }}, {% … %}). It never fails: anything it does not recognise is plain text,
// and the tokens always concatenate back to the exact input (so copy and display never disagree).

export type SqlTokenType = 'keyword' | 'function' | 'string' | 'comment' | 'number' | 'liquid' | 'identifier' | 'quoted' | 'operator' | 'text'

export interface SqlToken {
  type: SqlTokenType
  text: string
}

const KEYWORDS = new Set(
  `select from where and or not in is null as on join inner left right full outer cross lateral using group by order
  having limit offset union all intersect except distinct case when then else end with recursive insert into values
  update set delete create table view materialized drop alter add column index primary key foreign references
  if exists between like ilike similar asc desc nulls first last over partition window rows range preceding
  following unbounded current row filter within qualify true false interval cast any some array struct unnest
  returning top fetch next only natural default temporary temp replace grant revoke begin commit rollback
  date timestamp time zone at escape collate`
    .split(/\s+/)
    .filter(Boolean),
)

const FUNCTIONS = new Set(
  `count sum avg min max coalesce nullif date_trunc date_part extract to_char to_date datediff dateadd
  row_number rank dense_rank lag lead first_value last_value ntile percentile_cont median listagg string_agg
  array_agg round floor ceil abs lower upper trim length substring concat split_part regexp_replace greatest
  least iff nvl zeroifnull safe_divide approx_count_distinct json_extract_path_text current_date now`
    .split(/\s+/)
    .filter(Boolean),
)

/** Finds the end of a delimited run starting at `from` (the opening delimiter), honouring doubled delimiters. */
function endOfQuoted(sql: string, from: number, quote: string): number {
  let i = from + 1
  while (i < sql.length) {
    if (sql[i] === '\\' && quote === "'") { i += 2; continue }
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) { i += 2; continue }
      return i + 1
    }
    i++
  }
  return sql.length
}

export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = []
  const push = (type: SqlTokenType, text: string) => {
    const last = tokens.at(-1)
    // Merge adjacent plain text so the DOM stays small.
    if (last && last.type === type && (type === 'text' || type === 'operator')) last.text += text
    else tokens.push({ type, text })
  }
  let i = 0
  while (i < sql.length) {
    const ch = sql[i] as string
    const next = sql[i + 1]
    let end: number
    if (ch === '{' && (next === '{' || next === '%')) {
      const close = next === '{' ? '}}' : '%}'
      const found = sql.indexOf(close, i + 2)
      end = found < 0 ? sql.length : found + 2
      push('liquid', sql.slice(i, end))
    } else if (ch === '-' && next === '-') {
      const nl = sql.indexOf('\n', i)
      end = nl < 0 ? sql.length : nl
      push('comment', sql.slice(i, end))
    } else if (ch === '/' && next === '*') {
      const found = sql.indexOf('*/', i + 2)
      end = found < 0 ? sql.length : found + 2
      push('comment', sql.slice(i, end))
    } else if (ch === '#' && (i === 0 || sql[i - 1] === '\n' || sql[i - 1] === ' ')) {
      // MySQL comment; only at a word boundary so `#` inside identifiers stays text.
      const nl = sql.indexOf('\n', i)
      end = nl < 0 ? sql.length : nl
      push('comment', sql.slice(i, end))
    } else if (ch === "'") {
      end = endOfQuoted(sql, i, "'")
      push('string', sql.slice(i, end))
    } else if (ch === '"' || ch === '`') {
      end = endOfQuoted(sql, i, ch)
      push('quoted', sql.slice(i, end))
    } else if (/[0-9]/.test(ch) || (ch === '.' && next !== undefined && /[0-9]/.test(next) && !/[A-Za-z0-9_]/.test(sql[i - 1] ?? ''))) {
      const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(sql.slice(i)) as RegExpExecArray
      end = i + m[0].length
      push('number', m[0])
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(sql.slice(i)) as RegExpExecArray
      const word = m[0]
      end = i + word.length
      const lower = word.toLowerCase()
      const before = sql[i - 1]
      const qualified = before === '.'
      if (!qualified && KEYWORDS.has(lower)) push('keyword', word)
      else if (!qualified && FUNCTIONS.has(lower) && sql[end] === '(') push('function', word)
      else push('identifier', word)
    } else if (/[=<>!+\-*/%|,;().:[\]]/.test(ch)) {
      end = i + 1
      push('operator', ch)
    } else {
      end = i + 1
      push('text', ch)
    }
    i = end
  }
  return tokens
}
