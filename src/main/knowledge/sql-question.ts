// The question a query asks, read from its normalised tokens (sql-normalize.ts): the tables it reads, what its
// result is broken down by (the outer SELECT's plain columns, date grain included), what it measures (the outer
// SELECT's aggregates and window functions) and, for a top-N, what it ranks by. Two queries whose text is mostly
// the same can still ask different questions — SUM against AVG, by region against by channel, monthly against
// daily, the top 20 against the bottom 20, orders against refunds — and MinHash over shingles cannot tell one
// changed word that matters from one that does not. A near-duplicate must also ask the same question
// (sameQuestion); an exact duplicate asks it by construction.
import { hash36 } from './sql-names.ts'

const AGGREGATES = new Set([
  'sum', 'count', 'avg', 'min', 'max', 'median', 'mode', 'stddev', 'stddev_pop', 'stddev_samp', 'variance', 'var_pop',
  'var_samp', 'percentile_cont', 'percentile_disc', 'approx_count_distinct', 'approx_percentile', 'approx_quantiles',
  'count_if', 'countif', 'array_agg', 'string_agg', 'listagg', 'group_concat', 'any_value', 'bool_and', 'bool_or',
  'every', 'corr', 'covar_pop', 'covar_samp', 'hll_count', 'sum_if', 'avg_if', 'countdistinct', 'ndv',
])
const ENDS_SELECT_LIST = new Set(['from', 'where', 'group', 'having', 'order', 'limit', 'union', 'except', 'intersect', 'minus', 'qualify', 'window'])
const ENDS_ORDER_LIST = new Set(['limit', 'offset', 'fetch', 'union', 'except', 'intersect', 'minus', 'for'])

export interface QueryQuestion {
  /** Digest of the sorted table list. */
  tables: string
  /** Digests of the outer SELECT's plain (non-aggregate) columns, sorted. */
  dimensions: string[]
  /** Digests of the outer SELECT's aggregate or window columns, sorted. */
  measures: string[]
  /** Digest of the outer ORDER BY when the query keeps only the top rows (LIMIT, TOP, FETCH), else null. */
  ranking: string | null
}

/** The outer SELECT: the SELECTs at the shallowest depth (a CTE's body or a sub-query sits deeper). */
function outerSelectStarts(tokens: readonly string[]): { starts: number[]; depth: number[] } {
  const depth: number[] = new Array(tokens.length)
  let d = 0
  let shallowest = Infinity
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === ')') d = Math.max(0, d - 1)
    depth[i] = d
    if (tokens[i] === '(') d++
    if (tokens[i] === 'select') shallowest = Math.min(shallowest, d)
  }
  const starts = tokens.flatMap((t, i) => (t === 'select' && depth[i] === shallowest ? [i] : []))
  return { starts, depth }
}

export function questionOf(tokens: readonly string[], tables: readonly string[]): QueryQuestion {
  const { starts, depth } = outerSelectStarts(tokens)
  const items: string[][] = []
  for (const start of starts) {
    const level = depth[start]!
    let item: string[] = []
    let i = start + 1
    while (tokens[i] === 'distinct' || tokens[i] === 'all') i++
    if (tokens[i] === 'top') i += 2
    for (; i < tokens.length; i++) {
      const t = tokens[i]!
      if (depth[i]! < level || (depth[i] === level && ENDS_SELECT_LIST.has(t))) break
      if (depth[i] === level && t === ',') {
        items.push(item)
        item = []
      } else item.push(t)
    }
    if (item.length > 0) items.push(item)
  }
  const isMeasure = (item: string[]): boolean => item.some((t, k) => t === 'over' || (AGGREGATES.has(t) && item[k + 1] === '('))
  const digest = (item: string[]): string => hash36(item.join(' '))
  const dimensions = [...new Set(items.filter((x) => !isMeasure(x)).map(digest))].sort()
  const measures = [...new Set(items.filter(isMeasure).map(digest))].sort()
  return { tables: hash36(tables.join(',')), dimensions, measures, ranking: rankingOf(tokens, depth, starts, items) }
}

/** What a top-N ranks by: the outer ORDER BY with column positions read as the columns they point at. */
function rankingOf(tokens: readonly string[], depth: number[], starts: number[], items: string[][]): string | null {
  if (starts.length === 0) return null
  const level = depth[starts[0]!]!
  let orderAt = -1
  let limited = tokens[starts[0]! + 1] === 'top'
  for (let i = starts[0]!; i < tokens.length; i++) {
    if (depth[i] !== level) continue
    if (tokens[i] === 'order' && tokens[i + 1] === 'by') orderAt = i + 2
    if (tokens[i] === 'limit' || tokens[i] === 'fetch') limited = true
  }
  if (!limited) return null
  const keys: string[] = []
  for (let i = orderAt; orderAt >= 0 && i < tokens.length; i++) {
    if (depth[i]! < level || (depth[i] === level && ENDS_ORDER_LIST.has(tokens[i]!))) break
    const t = tokens[i]!
    if (t === 'asc') continue // the default direction, written or not
    const position = /^\d+$/.test(t) && (tokens[i - 1] === 'by' || tokens[i - 1] === ',') ? Number(t) : 0
    keys.push(position > 0 && items[position - 1] ? items[position - 1]!.join(' ') : t)
  }
  return hash36(keys.join(' '))
}

const isSubset = (a: readonly string[], b: readonly string[]): boolean => a.every((x) => b.includes(x))

/**
 * Whether two queries ask the same question: the same tables; an aggregate report the same breakdown, with
 * one's measures among the other's (a copy that gained a measure still answers the original's question); a
 * plain list one's columns among the other's; and, for a top-N on either side, the same ranking.
 */
export function sameQuestion(a: QueryQuestion, b: QueryQuestion): boolean {
  if (a.tables !== b.tables) return false
  if (a.ranking !== null && b.ranking !== null && a.ranking !== b.ranking) return false
  const aggregated = [a.measures.length > 0, b.measures.length > 0]
  if (aggregated[0] !== aggregated[1]) return false
  if (!aggregated[0]) return isSubset(a.dimensions, b.dimensions) || isSubset(b.dimensions, a.dimensions)
  return a.dimensions.join(',') === b.dimensions.join(',') && (isSubset(a.measures, b.measures) || isSubset(b.measures, a.measures))
}

/** The question as stored with a query's shape: `tables;dimensions;measures;ranking`. */
export function questionToText(q: QueryQuestion): string {
  return `${q.tables};${q.dimensions.join(',')};${q.measures.join(',')};${q.ranking ?? ''}`
}

export function questionFromText(text: string): QueryQuestion | null {
  const parts = text.split(';')
  if (parts.length !== 4) return null
  const list = (s: string): string[] => (s === '' ? [] : s.split(','))
  return { tables: parts[0]!, dimensions: list(parts[1]!), measures: list(parts[2]!), ranking: parts[3] === '' ? null : parts[3]! }
}
