// Plain-words questions read as filters, shown as removable chips: "reports by amara about churn last
// quarter" is author:amara + updated: last quarter + "churn"; "which reports use fct_orders" is
// table:fct_orders; "archived dashboards about refunds" is is:archived + "refunds". A phrase becomes a filter
// only when it resolves in this library (a member called amara, a table called fct_orders), so "Revenue by
// Region" stays words. Also the "search as table:" suggestion for identifier-like words.
import type { SearchChip } from '../../shared/model.ts'
import { prepareCached } from '../library/statement-cache.ts'
import type { QueryContext } from './query-context.ts'
import type { ParsedQuery, SearchTerm } from './query-parser.ts'
import { tablesNamed } from './term-matching.ts'

/** Words of a question that are not what it is about. */
const FILLER = new Set(['which', 'what', 'where', 'show', 'me', 'find', 'list', 'all', 'any', 'reports', 'report',
  'dashboards', 'dashboard', 'about', 'that', 'use', 'uses', 'using', 'read', 'reads', 'reading', 'mention',
  'mentions', 'made', 'written', 'created', 'edited', 'updated', 'during', 'since', 'in', 'last', 'this'])
/** Words that, present in a query, make it a question to interpret. */
const MARKERS = new Set(['which', 'what', 'show', 'find', 'list', 'reports', 'report', 'dashboards', 'dashboard', 'about'])
const TABLE_VERBS = new Set(['use', 'uses', 'using', 'read', 'reads', 'reading', 'mention', 'mentions'])
const PERIODS = new Set(['week', 'month', 'quarter', 'year'])

export interface Interpretation {
  parsed: ParsedQuery
  chips: SearchChip[]
}

export function interpretQuestion(ctx: QueryContext, parsed: ParsedQuery, text: string, nowMs: number): Interpretation {
  const words = parsed.terms.map((t) => (t.phrase ? '' : t.raw.toLowerCase()))
  const drop = new Set<number>()
  const chips: SearchChip[] = []
  const filters = { ...parsed.filters, authors: [...parsed.filters.authors], tables: [...parsed.filters.tables] }
  const without = (...raws: string[]): string => removeWords(text, raws)
  const question = words.some((w) => MARKERS.has(w))
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!
    const next = words[i + 1] ?? ''
    if (w === 'by' && next !== '') {
      // "by Amara Okafor" (a full name) before "by amara" (a username or first name).
      const pair = words[i + 2] ? memberNamed(ctx, `${parsed.terms[i + 1]!.raw} ${parsed.terms[i + 2]!.raw}`) : null
      const username = pair ?? memberNamed(ctx, parsed.terms[i + 1]!.raw)
      if (username !== null) {
        const raws = parsed.terms.slice(i, i + (pair !== null ? 3 : 2)).map((t) => t.raw)
        filters.authors.push(username)
        for (let k = 0; k < raws.length; k++) drop.add(i + k)
        chips.push({ kind: 'author', label: `Author: ${username}`, query: without(...raws) })
        i += raws.length - 1
      }
    } else if (TABLE_VERBS.has(w) && next !== '' && (question || parsed.terms[i + 1]!.identifier)) {
      if (tablesNamed(ctx, next).length > 0) {
        filters.tables.push(next)
        drop.add(i).add(i + 1)
        chips.push({ kind: 'table', label: `Table: ${next}`, query: without(parsed.terms[i]!.raw, parsed.terms[i + 1]!.raw) })
      }
    } else if ((w === 'last' || w === 'this' || w === 'past') && PERIODS.has(next)) {
      const range = periodRange(w, next, nowMs)
      filters.updatedAfter = range.start
      filters.updatedBefore = range.end
      drop.add(i).add(i + 1)
      chips.push({ kind: 'updated', label: `Edited ${w === 'past' ? 'in the past' : w} ${next}`, query: without(parsed.terms[i]!.raw, parsed.terms[i + 1]!.raw) })
    } else if ((w === 'in' || w === 'during' || w === 'since') && /^(19|20)\d\d$/.test(next)) {
      const y = Number(next)
      filters.updatedAfter = new Date(Date.UTC(y, 0, 1)).toISOString()
      filters.updatedBefore = w === 'since' ? null : new Date(Date.UTC(y + 1, 0, 1)).toISOString()
      drop.add(i).add(i + 1)
      chips.push({ kind: 'updated', label: `Edited ${w === 'since' ? 'since' : 'in'} ${next}`, query: without(parsed.terms[i]!.raw, parsed.terms[i + 1]!.raw) })
    } else if (w === 'archived' && question) {
      filters.archived = 'only'
      drop.add(i)
      chips.push({ kind: 'archived', label: 'Archived only', query: without(parsed.terms[i]!.raw) })
    }
  }
  if (chips.length === 0 && !question) return { parsed, chips: [] }
  const terms: SearchTerm[] = parsed.terms.filter((t, i) => !drop.has(i) && !(FILLER.has(words[i]!) && (question || chips.length > 0)))
  return { parsed: { ...parsed, terms, filters }, chips }
}

/** "Search as table:" for each identifier-like word naming a table of this library. */
export function tableSuggestions(ctx: QueryContext, parsed: ParsedQuery, text: string): SearchChip[] {
  return parsed.terms
    .filter((t) => t.identifier && tablesNamed(ctx, t.raw.toLowerCase()).length > 0)
    .slice(0, 2)
    .map((t) => ({ kind: 'table-suggestion', label: `Search as table:${t.raw}`, query: `${removeWords(text, [t.raw])} table:${t.raw}`.trim() }))
}

/** A member's username by username or (first) name, case-insensitive; null when no one is called that. */
function memberNamed(ctx: QueryContext, name: string): string | null {
  const v = name.replace(/^@/, '').toLowerCase()
  if (v.length < 2) return null
  // ?2: the name as a LIKE pattern of a first name (its own % and _ escaped).
  const row = prepareCached(ctx.db, `SELECT username FROM members WHERE lower(username) = ?1 OR lower(name) = ?1
      OR lower(name) LIKE ?2 ESCAPE '\\' ORDER BY lower(username) = ?1 DESC, username LIMIT 1`)
    .get(v, `${v.replace(/[\\%_]/g, (c) => `\\${c}`)} %`) as { username: string } | undefined
  return row?.username ?? null
}

/**
 * [start, end) in UTC: `last` and `this` are calendar periods (weeks start on Monday; "last quarter" in May is
 * January–March), `past` the days up to now (7, 30, 91 or 365: "past month" is the last 30 days).
 */
export function periodRange(which: string, period: string, nowMs: number): { start: string; end: string } {
  const d = new Date(nowMs)
  const y = d.getUTCFullYear()
  const m = d.getUTCMonth()
  if (which === 'past') {
    const days = period === 'week' ? 7 : period === 'month' ? 30 : period === 'quarter' ? 91 : 365
    return { start: new Date(nowMs - days * 86_400_000).toISOString(), end: new Date(nowMs + 1).toISOString() }
  }
  const back = which === 'this' ? 0 : 1
  let start: Date
  let end: Date
  if (period === 'year') [start, end] = [new Date(Date.UTC(y - back, 0, 1)), new Date(Date.UTC(y - back + 1, 0, 1))]
  else if (period === 'quarter') {
    const q = Math.floor(m / 3) - back
    ;[start, end] = [new Date(Date.UTC(y, q * 3, 1)), new Date(Date.UTC(y, q * 3 + 3, 1))]
  } else if (period === 'month') [start, end] = [new Date(Date.UTC(y, m - back, 1)), new Date(Date.UTC(y, m - back + 1, 1))]
  else {
    const monday = Date.UTC(y, m, d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * 86_400_000 - back * 7 * 86_400_000
    ;[start, end] = [new Date(monday), new Date(monday + 7 * 86_400_000)]
  }
  return { start: start.toISOString(), end: end.toISOString() }
}

/** The query text without these words (each once, whole words), spaces tidied. */
function removeWords(text: string, raws: string[]): string {
  let out = text
  for (const raw of raws) {
    const at = out.toLowerCase().search(new RegExp(`(^|\\s)${raw.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\\s|$)`))
    if (at >= 0) out = out.slice(0, at) + out.slice(at).replace(new RegExp(`^(\\s?)${raw.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i'), '$1')
  }
  return out.replace(/\s+/g, ' ').trim()
}
