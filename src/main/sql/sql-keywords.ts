// SQL words the table-reference scanner (table-refs.ts) treats specially, uppercased.

/** Words that can never be a table name or an alias where one is expected. */
export const RESERVED = new Set([
  'SELECT', 'WITH', 'VALUES', 'WHERE', 'GROUP', 'ORDER', 'HAVING', 'LIMIT', 'OFFSET', 'FETCH', 'ON', 'USING',
  'JOIN', 'LEFT', 'RIGHT', 'INNER', 'OUTER', 'FULL', 'CROSS', 'NATURAL', 'STRAIGHT_JOIN', 'UNION', 'EXCEPT',
  'INTERSECT', 'MINUS', 'SET', 'AS', 'AND', 'OR', 'NOT', 'IN', 'IS', 'NULL', 'CASE', 'WHEN', 'THEN', 'ELSE',
  'END', 'WINDOW', 'QUALIFY', 'RETURNING', 'LATERAL', 'UNNEST', 'ONLY', 'INTO', 'FROM', 'BY', 'DISTINCT',
  'ALL', 'ANY', 'SOME', 'EXISTS', 'BETWEEN', 'LIKE', 'ILIKE', 'TABLESAMPLE', 'PIVOT', 'UNPIVOT',
  'MATCH_RECOGNIZE', 'FOR', 'APPLY', 'OUTER', 'SAMPLE', 'AT', 'BEFORE', 'CHANGES', 'CONNECT', 'START',
  'PARTITION', 'OVER', 'FINAL', 'PREWHERE', 'FORCE', 'USE', 'IGNORE', 'LOCK', 'DELETE', 'UPDATE', 'INSERT',
  'MERGE', 'CREATE', 'DROP', 'ALTER', 'TRUNCATE', 'DEFAULT', 'TRUE', 'FALSE', 'ASC', 'DESC', 'TOP',
])

/** Words that end a FROM list at the depth where they appear (a following comma is not a comma join). */
export const ENDS_FROM = new Set([
  'WHERE', 'GROUP', 'ORDER', 'HAVING', 'LIMIT', 'OFFSET', 'FETCH', 'UNION', 'EXCEPT', 'INTERSECT', 'MINUS',
  'QUALIFY', 'WINDOW', 'SET', 'RETURNING', 'VALUES', 'SELECT', 'WHEN', 'CONNECT', 'START', 'INTO',
])

/** Modifiers between CREATE/DROP/ALTER and the object kind. */
export const CREATE_MODIFIERS = new Set([
  'OR', 'REPLACE', 'TEMP', 'TEMPORARY', 'TRANSIENT', 'VOLATILE', 'LOCAL', 'GLOBAL', 'UNLOGGED', 'EXTERNAL',
  'MATERIALIZED', 'SECURE', 'RECURSIVE', 'MULTISET', 'SET', 'HYBRID', 'DYNAMIC', 'ICEBERG', 'FOREIGN',
])

export const TEMP_MODIFIERS = new Set(['TEMP', 'TEMPORARY', 'VOLATILE'])
