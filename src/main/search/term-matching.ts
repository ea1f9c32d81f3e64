// A query's words as match sets: each positive or excluded word becomes FTS text per field index, plus the
// reports that read a table whose name contains an identifier-like word (trigram index of table names).
import type { DatabaseSync } from 'node:sqlite'
import type { DocStore } from './doc-store.ts'
import { META_FIELD, TABLE_FIELD } from './fields.ts'
import { prepareCached } from '../library/statement-cache.ts'
import { READS_TABLE_BIT, matchTerm } from './match-set.ts'
import type { TermExpr, TermMatch } from './match-set.ts'
import type { QueryContext } from './query-context.ts'
import { termToFts } from './query-parser.ts'
import type { ParsedQuery, SearchTerm } from './query-parser.ts'


/** Small words a query may do without: "revenue retention by plan" still finds "NRR — Plan". */
const OPTIONAL_WORDS = new Set(['by', 'of', 'the', 'a', 'an', 'and', 'for', 'in', 'on', 'per', 'to', 'with', 'vs', 'at', 'from'])

export interface QueryTerms {
  terms: TermExpr[]
  /** The acronyms expanded (or found for spelled-out words), to tell the user. */
  expansions: Array<{ acronym: string; meaning: string; termIndexes: number[] }>
  /** Words of the other forms, to mark in snippets. */
  otherWords: string[]
}

/**
 * The query's positive words as match expressions: each word as typed, plus its other forms as weak
 * alternatives — word forms from the library's vocabulary (orders → order), what an acronym stands for
 * (nrr → "net revenue retention"), and the acronym of spelled-out words ("net revenue retention" → nrr, on
 * each of the three words).
 */
export function queryTerms(ctx: QueryContext, parsed: ParsedQuery): QueryTerms {
  const words = parsed.terms
  const alternatives: string[][] = words.map(() => [])
  const acronymAlt = words.map(() => false)
  const expansions: QueryTerms['expansions'] = []
  const otherWords: string[] = []
  const plain = words.map((t) => (!t.phrase && !t.identifier && t.tokens.length === 1 ? t.tokens[0]! : null))
  plain.forEach((w, i) => {
    if (w === null) return
    for (const form of ctx.forms.formsOf(w)) {
      alternatives[i]!.push(quote(form))
      otherWords.push(form)
    }
    const meanings = ctx.acronyms.meaningsOf(w)
    for (const m of meanings) {
      alternatives[i]!.push(quote(m.join(' ')))
      otherWords.push(...m.filter((x) => !OPTIONAL_WORDS.has(x)))
    }
    if (meanings.length > 0) {
      acronymAlt[i] = true
      expansions.push({ acronym: w.toUpperCase(), meaning: titleCase(meanings[0]!), termIndexes: [i] })
    }
  })
  // Spelled-out forms: "net revenue retention" (three words in a row) also matches "nrr", on each word.
  const seq = plain.map((w) => w ?? '\u0000')
  for (let i = 0; i < seq.length; i++) {
    for (const { acronym, span } of ctx.acronyms.acronymsAt(seq, i)) {
      const indexes: number[] = []
      for (let k = i; k < i + span; k++) {
        alternatives[k]!.push(quote(acronym))
        acronymAlt[k] = true
        otherWords.push(acronym)
        indexes.push(k)
      }
      expansions.push({ acronym: acronym.toUpperCase(), meaning: titleCase(seq.slice(i, i + span)), termIndexes: indexes })
    }
  }
  const allOptional = plain.every((w) => w !== null && OPTIONAL_WORDS.has(w))
  const terms = words.map((t, i): TermExpr => {
    const base = termExpr(ctx, t)
    const alt = [...new Set(alternatives[i])]
    return {
      ...base,
      label: t.raw,
      weak: alt.length > 0 ? { fts: alt.join(' OR '), acronym: acronymAlt[i]! } : null,
      optional: !allOptional && plain[i] !== null && OPTIONAL_WORDS.has(plain[i]!),
    }
  })
  return { terms, expansions, otherWords: [...new Set(otherWords)] }
}

const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`
const SMALL = new Set(['on', 'per', 'of', 'to', 'and', 'over', 'the', 'a'])
const titleCase = (words: string[]): string =>
  words.map((w, i) => (i > 0 && SMALL.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1))).join(' ')

/**
 * A positive word as FTS text. An identifier-like word (fct_orders, analytics.orders) also matches reports that
 * read a table of that name — ranked like a name match, above reports that only mention it in SQL or a
 * comment — and, as another field, reports reading a table whose name contains it (orders_dai).
 */
export function termExpr(ctx: QueryContext, t: SearchTerm): TermExpr {
  const fts = termToFts(t)
  const sqlFts = sqlMatchOf(t)
  if (!t.identifier) return { fts, sqlFts }
  const raw = t.raw.toLowerCase()
  const exact = tablesNamed(ctx, raw)
  if (exact.length > 0) return { fts, sqlFts, extra: { ids: docsReadingTables(ctx.store, exact), field: TABLE_FIELD | READS_TABLE_BIT } }
  const tableIds = tablesContaining(ctx.db, raw, 500)
  if (tableIds.length === 0) return { fts, sqlFts }
  return { fts, sqlFts, extra: { ids: docsReadingTables(ctx.store, tableIds), field: META_FIELD } }
}

/** Table ids named exactly this, or ending in `.name` (fct_orders → analytics.fct_orders, db.analytics.fct_orders). */
export function tablesNamed(ctx: QueryContext, name: string): number[] {
  return ctx.tables.named(name)
}

/**
 * In SQL bodies a prefix of one or two letters matches whole words only: "gr" as a prefix would match most
 * of the library's SQL (and tells nothing); in names and descriptions it still prefix-matches as you type.
 * undefined: the same MATCH text as the other fields.
 */
export function sqlMatchOf(t: SearchTerm): string | undefined {
  if (!t.prefix || (t.tokens[t.tokens.length - 1] ?? '').length > 2) return undefined
  return termToFts({ ...t, prefix: false })
}

/**
 * Documents that read any of these tables (from readersByTable). A document reading several of them is listed
 * once per table: matchTerm counts each document once.
 */
export function docsReadingTables(store: DocStore, tableIds: number[]): ArrayLike<number> {
  const { starts, docs } = readersByTable(store)
  const wanted = [...new Set(tableIds)].filter((t) => t >= 0 && t + 1 < starts.length)
  let n = 0
  for (const t of wanted) n += starts[t + 1]! - starts[t]!
  const out = new Int32Array(n)
  n = 0
  for (const t of wanted) {
    out.set(docs.subarray(starts[t]!, starts[t + 1]!), n)
    n += starts[t + 1]! - starts[t]!
  }
  return out
}

/**
 * Which present documents read each table (docs[starts[t] … starts[t + 1]) read table t), built once per library
 * state: an identifier typed letter by letter then costs its tables' readers, not a scan of every document.
 */
const readerIndexes = new WeakMap<DocStore, { seq: number; capacity: number; starts: Int32Array; docs: Int32Array }>()
export function readersByTable(store: DocStore): { starts: Int32Array; docs: Int32Array } {
  const cached = readerIndexes.get(store)
  if (cached && cached.seq === store.seq && cached.capacity === store.capacity && cached.starts.length === store.maxTableId + 2) return cached
  const { of: setOf, sets } = store.tables
  const starts = new Int32Array(store.maxTableId + 2)
  for (let id = 0; id < store.capacity; id++) {
    if (store.present[id] === 1) for (const t of sets[setOf[id]!]!) starts[t + 1]!++
  }
  for (let k = 1; k < starts.length; k++) starts[k]! += starts[k - 1]!
  const docs = new Int32Array(starts[starts.length - 1]!)
  const next = starts.slice(0, -1)
  for (let id = 0; id < store.capacity; id++) {
    if (store.present[id] === 1) for (const t of sets[setOf[id]!]!) docs[next[t]!++] = id
  }
  const index = { seq: store.seq, capacity: store.capacity, starts, docs }
  readerIndexes.set(store, index)
  return index
}

export function matchOf(ctx: QueryContext, term: TermExpr): TermMatch {
  const key = `${term.fts}\u0000${term.sqlFts === undefined ? '' : String(term.sqlFts)}${term.extra ? `\u0000extra${term.extra.field}` : ''}` +
    `\u0000${term.weak?.fts ?? ''}`
  let m = ctx.memo.get(key)
  if (!m) {
    m = matchTerm(ctx.db, term, ctx.store.capacity, ctx.buffers, ctx.rowidCache)
    ctx.memo.set(key, m)
  }
  return m
}


/** Ids of table names containing `needle` (trigram substring search; instr for needles under three characters). */
export function tablesContaining(db: DatabaseSync, needle: string, max: number): number[] {
  const clean = needle.replace(/["`[\]]/g, '')
  if (clean.length === 0) return []
  if (clean.length < 3) {
    const rows = prepareCached(db, `SELECT id FROM search_table_names WHERE instr(name, ?) > 0 LIMIT ?`).all(clean, max)
    return rows.map((r) => Number((r as { id: number }).id))
  }
  const rows = prepareCached(
    db,
    `SELECT rowid AS id FROM search_table_names_tri WHERE search_table_names_tri MATCH ? LIMIT ?`,
  ).all(`"${clean.replace(/"/g, '""')}"`, max)
  return rows.map((r) => Number((r as { id: number }).id))
}
