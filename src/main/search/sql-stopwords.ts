// SQL grammar words left out of the SQL-body word index. An analyst searching "count" or "group" wants reports
// about counts or groups, not every report whose SQL says COUNT(*) ... GROUP BY 1: those words are in nearly
// every query, so matching them makes a search match most of the library (slow, and nothing is found).
//
// The rule: a word is left out of the SQL index when it stands alone as a SQL keyword, a ubiquitous built-in
// function or type name, or a Liquid tag word (Mode's `{% if %}`/`{% form %}`), in any of the dialects we read
// (Postgres, Redshift, Snowflake, BigQuery, MySQL, Presto/Trino). "Stands alone" means the whole identifier
// run is the word: `order_count`, `user_group`, `t.count` and quoted `"order"` are identifiers and stay
// indexed (split into words as usual), only bare `COUNT(`, `GROUP BY`, `::timestamp` go. Words that are as
// often a column, table or meaningful value as a keyword (date, time, day, week, month, year, text, name,
// value, type, default, first, last, range, rows, view, table, user, status) are not listed; inside a Liquid
// `{% form %}` block the field attributes (`type:`, `default:`, `options:`…) and type names are left out too.
// Names, descriptions and the other fields are indexed in full: "count" still finds "Order Count by Week".

export const SQL_STOPWORDS: ReadonlySet<string> = new Set([
  // clauses and operators
  'select', 'from', 'where', 'group', 'by', 'order', 'having', 'limit', 'offset', 'fetch', 'qualify',
  'join', 'inner', 'left', 'right', 'full', 'outer', 'cross', 'natural', 'lateral', 'using', 'on', 'as',
  'and', 'or', 'not', 'in', 'is', 'null', 'like', 'ilike', 'rlike', 'between', 'exists', 'any', 'all',
  'distinct', 'union', 'intersect', 'except', 'case', 'when', 'then', 'else', 'end', 'with', 'recursive',
  'asc', 'desc', 'nulls', 'over', 'partition', 'preceding', 'following', 'unbounded', 'within', 'true', 'false',
  'cast', 'try_cast', 'safe_cast', 'interval', 'extract', 'escape', 'similar', 'into', 'insert', 'create',
  'temporary', 'temp', 'drop', 'values',
  // aggregate and window functions
  'count', 'sum', 'avg', 'min', 'max', 'count_if', 'countif', 'stddev', 'variance', 'median',
  'approx_count_distinct', 'approx_distinct', 'hll_count', 'listagg', 'string_agg', 'array_agg',
  'percentile_cont', 'percentile_disc', 'row_number', 'rank', 'dense_rank', 'ntile', 'lag', 'lead',
  'first_value', 'last_value', 'nth_value',
  // scalar functions
  'coalesce', 'nullif', 'ifnull', 'nvl', 'iff', 'if', 'greatest', 'least', 'round', 'floor', 'ceil', 'ceiling',
  'abs', 'lower', 'upper', 'trim', 'ltrim', 'rtrim', 'length', 'substring', 'substr', 'concat', 'split_part',
  'replace', 'regexp_replace', 'regexp_like', 'regexp_contains', 'strpos', 'safe_divide', 'div0', 'div0null',
  'date_trunc', 'date_part', 'datediff', 'date_diff', 'dateadd', 'date_add', 'date_sub', 'timestampdiff',
  'timestamp_trunc', 'datetime_trunc', 'to_char', 'to_date', 'to_timestamp', 'trunc', 'date_format',
  'format_date', 'parse_date', 'from_unixtime', 'current_date', 'current_timestamp', 'current_time', 'getdate',
  'sysdate', 'now', 'unnest', 'generate_series', 'json_extract_path_text', 'json_extract_scalar',
  // type names (casts)
  'int', 'integer', 'bigint', 'smallint', 'int64', 'numeric', 'decimal', 'float', 'float64', 'double',
  'precision', 'real', 'varchar', 'char', 'boolean', 'bool', 'timestamp', 'timestamptz', 'string',
  // Liquid tag words
  'endif', 'elsif', 'unless', 'endunless', 'for', 'endfor', 'form', 'endform', 'assign', 'capture', 'endcapture',
])

/** Letters, digits and `_` (any non-ASCII character counts as a letter): the characters of an identifier run. */
function inRun(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code > 127
}

/** A character that joins a word to a neighbouring identifier (`t.count`, `"order"`, `[group]`, `$1`). */
function joins(code: number): boolean {
  // . " ` [ ] $
  return code === 46 || code === 34 || code === 96 || code === 91 || code === 93 || code === 36
}

/**
 * Whether the word at text[start, end) stands as a SQL grammar word: the identifier run around it (letters,
 * digits and underscores) is in the stoplist (compared lowercase; the stoplist is ASCII), and the run is not
 * joined to a neighbour by `.`, quotes or brackets. `COUNT(*)` yes; `order_count`, `t.count`, `"count"` no.
 */
export function isSqlStopwordAt(text: string, start: number, end: number): boolean {
  while (start > 0 && inRun(text.charCodeAt(start - 1))) start--
  while (end < text.length && inRun(text.charCodeAt(end))) end++
  const n = end - start
  // Every stoplisted word is 2–22 characters.
  if (n < 2 || n > 22) return false
  if (start > 0 && joins(text.charCodeAt(start - 1))) return false
  if (end < text.length && joins(text.charCodeAt(end))) return false
  return SQL_STOPWORDS.has(text.slice(start, end).toLowerCase())
}

// Identifier runs (letters, digits, underscores): a stoplisted word must be a whole run.
const RUN = /[\p{L}\p{N}_]+/gu

// Mode's Liquid parameter forms: `{% form %} start_date: type: date default: today {% endform %}`. The field
// attributes and the type names are form grammar (in every report with a parameter); field names stay.
const FORM_BLOCK = /\{%-?\s*form\s*-?%\}[\s\S]*?(?:\{%-?\s*endform\s*-?%\}|$)/gi
const FORM_GRAMMAR = /\b(?:(?:type|default|options|label|input_type|description|value_column|label_column|query|multiple|required)\s*:|(?<=type\s*:\s*)(?:text|number|date|select|multiselect)\b)/gi

/**
 * SQL text as the SQL word index stores it: standalone grammar words and Liquid form grammar replaced by a
 * space. (So a phrase that spans one, like "orders join customers", does not match in SQL; its words still
 * match one by one.)
 */
export function stripSqlStopwords(sql: string): string {
  const text = sql.replace(FORM_BLOCK, (block) => block.replace(FORM_GRAMMAR, ' '))
  return text.replace(RUN, (run: string, offset: number) =>
    run.length >= 2 && run.length <= 22 && isSqlStopwordAt(text, offset, offset + run.length) ? ' ' : run)
}
