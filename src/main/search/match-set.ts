// The match set of a query: one rowid-only pass per word and field index (name, description, other fields,
// SQL), combined in typed arrays. For each report it yields which fields each word matched in, which is all
// ranking needs (no bm25 pass, no joins), and the exact set the total and facets are counted over.
import type { DatabaseSync } from 'node:sqlite'
import { FIELD_TABLES } from './fields.ts'

const SQL_FIELD_INDEX = FIELD_TABLES.indexOf('search_sql_fts')
import { prepareCached } from '../library/statement-cache.ts'

/** One positive or excluded word of the query, as FTS5 text, plus reports matched outside FTS. */
export interface TermExpr {
  /** The word as the user typed it (labels: why a hit matched, which words a partial match lacks). */
  label?: string
  /** FTS5 MATCH text (already quoted; never user syntax). */
  fts: string
  /** MATCH text for the SQL index when it differs (short prefixes match whole words there); null skips SQL. */
  sqlFts?: string | null
  /** Reports that also match, in the given field bits (readers of a table named like an identifier). */
  extra?: { ids: ArrayLike<number>; field: number }
  /**
   * Other forms of the word (orders → order; nrr → "net revenue retention"), matched in name, description and
   * the other fields only, as weak bits (WEAK_SHIFT): ranked below the word as typed.
   */
  weak?: { fts: string; acronym: boolean } | null
  /** A small word ("by", "of") the query may do without: it adds to the score but no report needs it. */
  optional?: boolean
}

/** Weak (other-form) bits sit four above the exact ones: name 16, description 32, other fields 64. */
export const WEAK_SHIFT = 4
/**
 * With weak bits: they came from an acronym (ranked a little above other word forms). On an identifier's
 * match (which has no weak forms): the report reads a table of that name.
 */
export const ACRONYM_BIT = 128
export const READS_TABLE_BIT = ACRONYM_BIT
/** Any exact or weak match outside the SQL index. */
export const IN_FIELDS_MASK = 0x77

export interface TermMatch {
  /** Field bits per document id (0 = no match). */
  fields: Uint8Array
  /** Documents matching in any field (document frequency, for ranking). */
  count: number
  /** The matching ids (unsorted, unique). */
  ids: Int32Array
  /** Whether the other forms matched anything (0: none; the UI then says nothing about them). */
  weakCount: number
}

/**
 * Parse buffer shared by every read: a common word's list is hundreds of kilobytes, and allocating that
 * afresh per read (four per word) is the kind of short-lived off-heap memory that makes V8 collect often.
 */
let scratch = new Int32Array(1 << 16)

/**
 * Rowids matching `match` in one word index, ascending. group_concat is the cheapest way across the boundary.
 * The result is a view of a shared buffer, valid until the next call: copy it to keep it.
 */
export function ftsRowids(db: DatabaseSync, table: string, match: string): Int32Array {
  const row = prepareCached(db, `SELECT group_concat(rowid) AS g FROM ${table} WHERE ${table} MATCH ?`).get(match) as
    | { g: string | null }
    | undefined
  const text = row?.g
  if (!text) return new Int32Array(0)
  // At most one number per two characters ("1,2,3"): no counting pass.
  const need = (text.length >> 1) + 1
  if (scratch.length < need) scratch = new Int32Array(Math.max(need, scratch.length * 2))
  const out = scratch
  let k = 0
  let v = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 44) {
      out[k++] = v
      v = 0
    } else v = v * 10 + (c - 48)
  }
  out[k++] = v
  return out.subarray(0, k)
}

/**
 * Reusable per-document arrays for term matches: a search over 100k documents would otherwise allocate
 * ~0.5 MB per word, and that much short-lived off-heap memory makes V8 run full collections (long pauses).
 */
export class MatchBuffers {
  private free: Array<{ fields: Uint8Array; ids: Int32Array }> = []
  private used: Array<{ fields: Uint8Array; ids: Int32Array }> = []
  take(capacity: number): { fields: Uint8Array; ids: Int32Array } {
    let b = this.free.pop()
    if (!b || b.fields.length < capacity) b = { fields: new Uint8Array(capacity), ids: new Int32Array(capacity) }
    else b.fields.fill(0, 0, capacity)
    this.used.push(b)
    return b
  }
  /** Call when the search is done with every match it took. */
  releaseAll(): void {
    this.free.push(...this.used)
    this.used = []
  }
}

/**
 * Rowid lists of common words, per word index, while the library is unchanged. Reading a list costs about
 * 80 ns a row (iterating the FTS doclist, then carrying it across to JS), so a word found in half the
 * library's SQL costs several milliseconds every time; the words people search recur (and as-you-type
 * re-runs every finished word on each keystroke). Bounded by the rows held; least recently used go first.
 */
export class RowidCache {
  private readonly entries = new Map<string, Int32Array>()
  private rows = 0
  private stamp = -1
  private readonly maxRows: number
  /** Lists shorter than this are cheap to read again and are not kept. */
  private readonly minRows: number
  constructor(maxRows: number, minRows = 2000) {
    this.maxRows = maxRows
    this.minRows = minRows
  }
  /** Forgets everything when the library changed (stamp: the document store's change sequence). */
  validate(stamp: number): void {
    if (stamp === this.stamp) return
    this.entries.clear()
    this.rows = 0
    this.stamp = stamp
  }
  /** Like ftsRowids: an uncached result is valid until the next read. */
  read(db: DatabaseSync, table: string, match: string): Int32Array {
    if (this.maxRows <= 0) return ftsRowids(db, table, match)
    const key = `${table}\u0000${match}`
    const hit = this.entries.get(key)
    if (hit) {
      this.entries.delete(key)
      this.entries.set(key, hit)
      return hit
    }
    const rows = ftsRowids(db, table, match)
    if (rows.length >= this.minRows && rows.length <= this.maxRows) {
      this.entries.set(key, rows.slice()) // compact: ftsRowids returns a view of a larger buffer
      this.rows += rows.length
      for (const [k, v] of this.entries) {
        if (this.rows <= this.maxRows) break
        this.entries.delete(k)
        this.rows -= v.length
      }
    }
    return rows
  }
}

/** Which fields one term matches in, per document. `capacity` bounds document ids. */
export function matchTerm(db: DatabaseSync, term: TermExpr, capacity: number, buffers: MatchBuffers,
  cache: RowidCache): TermMatch {
  const { fields: full, ids } = buffers.take(capacity)
  const fields = full.subarray(0, capacity)
  let count = 0
  const add = (rowids: ArrayLike<number>, bit: number): void => {
    for (let k = 0; k < rowids.length; k++) {
      const id = rowids[k]!
      if (id >= capacity) continue // newer than the attributes' snapshot: cannot happen inside one read transaction
      if (fields[id] === 0) ids[count++] = id
      fields[id]! |= bit
    }
  }
  FIELD_TABLES.forEach((table, f) => {
    const match = f === SQL_FIELD_INDEX && term.sqlFts !== undefined ? term.sqlFts : term.fts
    if (match !== null) add(cache.read(db, table, match), 1 << f)
  })
  if (term.extra) add(term.extra.ids, term.extra.field)
  let weakCount = 0
  if (term.weak) {
    const before = count
    const bit = term.weak.acronym ? ACRONYM_BIT : 0
    for (let f = 0; f < SQL_FIELD_INDEX; f++) {
      const rowids = cache.read(db, FIELD_TABLES[f]!, term.weak.fts)
      for (let k = 0; k < rowids.length; k++) {
        const id = rowids[k]!
        if (id >= capacity) continue
        if (fields[id] === 0) ids[count++] = id
        // Weak bits only where the word as typed did not match that field already.
        if ((fields[id]! & (1 << f)) === 0) fields[id]! |= (1 << (f + WEAK_SHIFT)) | bit
        weakCount++
      }
    }
    weakCount = Math.max(weakCount > 0 ? 1 : 0, count - before)
  }
  return { fields, count, ids: ids.subarray(0, count), weakCount }
}
