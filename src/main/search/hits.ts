// The page of hits as the renderer shows them: each report's row read from the library, with a snippet cut
// from the first field that matched (the index is contentless, so the text is read only for these few hits).
import type { DatabaseSync } from 'node:sqlite'
import type { SearchHit, SearchMatch, Snippet } from '../../shared/model.ts'
import { prepareCached } from '../library/statement-cache.ts'
import { MAX_NAME_CHARS, MAX_TEXT_CHARS, SNIPPET_SCAN_CHARS, capText } from './field-caps.ts'
import { ACRONYM_BIT, READS_TABLE_BIT, WEAK_SHIFT } from './match-set.ts'
import type { TermExpr, TermMatch } from './match-set.ts'
import type { DocStore } from './doc-store.ts'
import type { FacetLabels } from './facet-labels.ts'
import type { RankedRow } from './query-context.ts'
import type { ParsedQuery } from './query-parser.ts'
import { firstMatch, markText } from './snippets.ts'
import type { MatchToken } from './snippets.ts'
import { isSqlStopwordAt } from './sql-stopwords.ts'

const UNTITLED = 'Untitled report'
// Read one character past each cap, so capText can tell a cut text (and mark it) from one of exactly that length.
const N = MAX_NAME_CHARS + 1
const T = MAX_TEXT_CHARS + 1

export interface HitRow {
  token: string
  name: string | null
  description: string | null
  collection_token: string | null
  /** The collection's name (its label, which adds a personal collection's owner, comes from FacetLabels). */
  collection_name: string | null
  creator_username: string | null
  creator_name: string | null
  updated_at: string | null
  last_run_at: string | null
  view_count: number | null
  archived: number
}

/** What a hit shows besides the report's own row: its data sources by name (from the in-memory attributes). */
export interface HitSources {
  store: DocStore
  labels: FacetLabels
}

/**
 * The page's rows read in one statement (the tokens as a JSON array): a statement per hit
 * cost more than everything else a page of hits needs. Collection and member names come from the labels
 * kept while the library is unchanged (joining them here was a third of the statement's time).
 */
const PAGE_SQL = `SELECT r.token, substr(r.name, 1, ${N}) AS name, substr(r.description, 1, ${T}) AS description, r.collection_token,
            substr(r.creator_username, 1, ${N}) AS creator_username,
            r.last_edited_at AS updated_at, r.last_run_at, r.view_count,
            r.archived
       FROM json_each(?) AS page
       JOIN reports r ON r.token = page.value`

export function hydrate(db: DatabaseSync, page: RankedRow[], q: ParsedQuery, isFuzzy: (i: number) => boolean,
  fuzzyTokens: MatchToken[], reasons: MatchReasons[], otherWords: string[], sources: HitSources): SearchHit[] {
  if (page.length === 0) return []
  const baseTokens: MatchToken[] = q.terms.flatMap((t) => t.tokens.map((token, i) => ({
    token,
    prefix: t.prefix && i === t.tokens.length - 1,
  })))
  for (const token of otherWords) baseTokens.push({ token, prefix: false })
  const rows = new Map<string, HitRow>()
  const { labels } = sources
  for (const r of prepareCached(db, PAGE_SQL).all(JSON.stringify(page.map((row) => row.token))) as unknown as HitRow[]) {
    const collection = r.collection_token === null ? null : labels.collectionName(r.collection_token)
    const creator = r.creator_username === null ? null : labels.author(r.creator_username)
    r.collection_name = collection === null ? null : firstChars(collection, N)
    r.creator_name = creator === null ? null : firstChars(creator, N)
    rows.set(r.token, r)
  }
  const hits: SearchHit[] = []
  const withFuzzy = [...baseTokens, ...fuzzyTokens]
  for (const [i, row] of page.entries()) {
    const r = rows.get(row.token)
    if (!r) continue // cannot happen inside the search's read transaction; kept as a guard
    const fuzzy = isFuzzy(i)
    const tokens = fuzzy ? withFuzzy : baseTokens
    hits.push({
      token: r.token,
      name: r.name === null ? UNTITLED : capText(r.name, MAX_NAME_CHARS),
      collection: r.collection_name === null || r.collection_token === null
        ? null
        : capText(labels.collection(r.collection_token) ?? r.collection_name, MAX_NAME_CHARS),
      collectionToken: r.collection_token,
      author: r.creator_name === null ? null : capText(r.creator_name, MAX_NAME_CHARS),
      authorUsername: r.creator_username === null ? null : capText(r.creator_username, MAX_NAME_CHARS),
      updatedAt: r.updated_at,
      lastRunAt: r.last_run_at,
      viewCount: Number(r.view_count ?? 0) || 0,
      dataSources: sourceNames(sources, row.id),
      archived: r.archived === 1,
      score: Math.round(row.score * 1e4) / 1e4,
      snippet: snippetFor(db, r, tokens),
      fuzzy,
      matched: reasons[i]?.matched ?? [],
      ...(reasons[i]?.missing.length ? { missing: reasons[i]!.missing } : {}),
    })
  }
  return hits
}

/** The first n characters (code points, as SQLite's substr counts them) of text. */
function firstChars(text: string, n: number): string {
  return text.length <= n ? text : Array.from(text).slice(0, n).join('')
}

/**
 * The compact table's data source column: a report's data sources by name (those the library knows), in name
 * order, four at most. From the in-memory attributes (the distinct data sources of the report's queries).
 */
function sourceNames({ store, labels }: HitSources, id: number): string[] {
  const set = store.sources.sets[store.sources.of[id] ?? 0] ?? []
  const names = new Set<string>()
  for (const v of set) {
    const name = labels.dataSource(store.dataSources.values[v]!)
    if (name !== null) names.add(capText(name.slice(0, N), MAX_NAME_CHARS))
  }
  return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).slice(0, 4)
}

/** From the first field that matched, in the order a reader cares about: name, description, SQL, the rest. */
export function snippetFor(db: DatabaseSync, r: HitRow, tokens: MatchToken[]): Snippet | null {
  if (tokens.length === 0) return null
  const candidates: Array<[Snippet['field'], string | null]> = [
    ['name', r.name],
    ['description', r.description],
  ]
  for (const [field, text] of candidates) {
    if (text && firstMatch(text, tokens) >= 0) return { field, text: markText(text, tokens) }
  }
  // Only the start of each SQL is scanned (a report can hold megabytes of it): a word found later gets no SQL snippet.
  const queries = prepareCached(db, `SELECT substr(name, 1, ${N}) AS name, substr(raw_query, 1, ${SNIPPET_SCAN_CHARS}) AS raw_query
      FROM queries WHERE report_token = ? ORDER BY position LIMIT 50`)
    .all(r.token) as Array<{ name: string | null; raw_query: string }>
  for (const q of queries) {
    // SQL grammar words are not indexed, so COUNT(*) is not what a search for "count" found.
    if (firstMatch(q.raw_query, tokens, isSqlStopwordAt) >= 0) {
      return { field: 'sql', text: markText(q.raw_query, tokens, 160, isSqlStopwordAt) }
    }
  }
  const others: Array<[Snippet['field'], string | null]> = [
    ['query', queries.map((q) => q.name ?? '').join(' · ')],
    ['collection', r.collection_name],
    ['author', [r.creator_name, r.creator_username].filter(Boolean).join(' ')],
  ]
  for (const [field, text] of others) {
    if (text && firstMatch(text, tokens) >= 0) return { field, text: markText(text, tokens) }
  }
  const tables = prepareCached(
    db,
    `SELECT DISTINCT qt.table_name AS t FROM queries q JOIN query_tables qt ON qt.query_token = q.token
      WHERE q.report_token = ? LIMIT 200`,
  ).all(r.token) as Array<{ t: string }>
  const tableText = tables.map((t) => t.t).join(', ')
  if (tableText && firstMatch(tableText, tokens) >= 0) return { field: 'tables', text: markText(tableText, tokens) }
  return null
}



export interface MatchReasons {
  matched: SearchMatch[]
  missing: string[]
}

/** Why a ranked row matched: per query word, the best field it matched in and in which form; the words it lacks. */
export function matchReasons(row: RankedRow, terms: TermExpr[], matches: TermMatch[], fuzzy: boolean): MatchReasons {
  const matched: SearchMatch[] = []
  const missing: string[] = []
  terms.forEach((t, i) => {
    const bits = matches[i]?.fields[row.id] ?? 0
    const term = t.label ?? ''
    if (bits === 0) {
      if (!t.optional) missing.push(term)
      return
    }
    // The strongest reason: the word as typed outside SQL, then another form of it, then the SQL.
    const weakBits = (bits >> WEAK_SHIFT) & 0x07
    const exact = weakBits !== 0 && (bits & 0x07) === 0 ? 0 : bits & 0x0f
    if (exact !== 0) {
      const field = bits & READS_TABLE_BIT && t.extra && t.extra.field & READS_TABLE_BIT ? 'table' : FIELD_NAMES[Math.log2(exact & -exact)]!
      matched.push({ term, field, form: fuzzy ? 'typo' : 'exact' })
      return
    }
    matched.push({ term, field: FIELD_NAMES[Math.log2(weakBits & -weakBits)]!, form: bits & ACRONYM_BIT ? 'acronym' : 'form' })
  })
  return { matched, missing }
}

const FIELD_NAMES: Array<SearchMatch['field']> = ['name', 'description', 'other', 'sql']
