// Matches, filters, counts and ranks one query over the in-memory attributes: BM25 from which fields each
// word matched in (name above description above the other fields; SQL-only matches in a lower tier), times a
// gentle recency/popularity boost, keeping only the best n in a bounded heap.
import { emptyFacets, countFacets } from './facets.ts'
import { FIELD_WEIGHTS, SQL_FIELD } from './fields.ts'
import type { Filter } from './filters.ts'
import type { DocStore } from './doc-store.ts'
import type { TermExpr, TermMatch } from './match-set.ts'
import type { QueryContext, QueryOutcome, RankedRow } from './query-context.ts'
import { matchOf } from './term-matching.ts'

// BM25 parameters (FTS5's defaults).
const K1 = 1.2
const B = 0.75

export function emptyOutcome(): QueryOutcome {
  return { total: 0, top: [], facets: emptyFacets() }
}

/**
 * Matches, filters, counts and ranks. A report matches when every positive word matches in some field and
 * no excluded word matches anywhere. Returns the exact total, facets over the whole match set (when asked)
 * and the best `n` in order. Facets are counted when facetSize > 0.
 */
export function runQuery(ctx: QueryContext, terms: TermExpr[], excluded: TermExpr[], filter: Filter, n: number,
  facetSize: number): QueryOutcome {
  const { store } = ctx
  const cap = store.capacity
  let excl: Uint8Array | null = null
  for (const e of excluded) {
    const m = matchOf(ctx, e)
    excl ??= new Uint8Array(cap)
    for (const id of m.ids) excl[id] = 1
  }
  const top = new TopN(n)
  const boosts = store.boosts(ctx.today)
  // The match set, for facet counting after the walk.
  const matched = facetSize > 0 ? ctx.buffers.take(cap).ids : null
  let total = 0

  if (terms.length === 0) {
    // Filters (or exclusions) only: every report that passes, by recency and popularity.
    const { visible, check } = filter
    for (let id = 0; id < cap; id++) {
      if (visible[id] === 0 || (excl !== null && excl[id] === 1) || (check !== null && !check(id))) continue
      if (matched !== null) matched[total] = id
      total++
      top.offer(id, 1, boosts[id]!)
    }
  } else {
    const matches: TermMatch[] = []
    for (const t of terms) {
      const m = matchOf(ctx, t)
      matches.push(m)
      if (m.count === 0) return { total: 0, top: [], facets: emptyFacets() }
    }
    // Walk the rarest word's matches; the others are lookups. Hot loop: plain locals and typed arrays.
    let rarest = matches[0]!
    for (const m of matches) if (m.count < rarest.count) rarest = m
    const docs = store.count || 1
    // BM25 with a term frequency of one per field: Σ over words and the fields they matched in of
    // idf × field weight × (k1 + 1) / (1 + k1 × (1 − b + b × length / average length)).
    const coef = new Float64Array(matches.length * 4)
    matches.forEach((m, t) => {
      // Lucene's idf: always positive, so a word in most reports still counts a little (FTS5 floors it at 1e-6).
      const idf = Math.log(1 + (docs - m.count + 0.5) / (m.count + 0.5))
      for (let f = 0; f < 4; f++) coef[t * 4 + f] = FIELD_WEIGHTS[f]! * idf * (K1 + 1)
    })
    const lenA = new Float64Array(4)
    const lenB = new Float64Array(4)
    for (let f = 0; f < 4; f++) {
      lenA[f] = 1 + K1 * (1 - B)
      lenB[f] = (K1 * B) / Math.max(1, store.lengthSums[f]! / docs)
    }
    const lengths = store.lengths
    const { visible, check } = filter
    const fields = matches.map((m) => m.fields)
    const termCount = fields.length
    const ids = rarest.ids
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!
      if (visible[id] === 0 || (excl !== null && excl[id] === 1)) continue
      let inFields = true
      let t = 0
      for (; t < termCount; t++) {
        const bits = fields[t]![id]!
        if (bits === 0) break
        if ((bits & ~SQL_FIELD) === 0) inFields = false
      }
      if (t < termCount || (check !== null && !check(id))) continue
      if (matched !== null) matched[total] = id
      total++
      // Once the best n are all tier 1, a report matching some word only in SQL cannot make the page.
      if (!inFields && top.fullAbove(1)) continue
      let score = 0
      const at = 4 * id
      for (t = 0; t < termCount; t++) {
        const bits = fields[t]![id]!
        const c = t * 4
        if (bits & 1) score += coef[c]! / (lenA[0]! + lenB[0]! * lengths[at]!)
        if (bits & 2) score += coef[c + 1]! / (lenA[1]! + lenB[1]! * lengths[at + 1]!)
        if (bits & 4) score += coef[c + 2]! / (lenA[2]! + lenB[2]! * lengths[at + 2]!)
        if (bits & 8) score += coef[c + 3]! / (lenA[3]! + lenB[3]! * lengths[at + 3]!)
      }
      top.offer(id, inFields ? 1 : 0, score * boosts[id]!)
    }
  }
  const facets = matched === null ? emptyFacets() : countFacets(ctx.labels, store, matched.subarray(0, total), facetSize)
  return { total, top: top.result(store), facets }
}

/**
 * The best n by (tier, score), ties by document id, kept in a bounded min-heap. Scores are reported so that
 * order and score agree: tier 1 (every word in the name, description or other fields) above 1, tier 0
 * (some word only in SQL) below 1.
 */
export class TopN {
  private readonly ids: number[] = []
  private readonly keys: number[] = []
  private readonly n: number
  constructor(n: number) {
    this.n = n
  }
  /** a ranks below b */
  private below(i: number, j: number): boolean {
    const ki = this.keys[i]!
    const kj = this.keys[j]!
    return ki < kj || (ki === kj && this.ids[i]! > this.ids[j]!)
  }
  /** Whether n rows are held and the worst has a key of at least `key`. */
  fullAbove(key: number): boolean {
    return this.ids.length >= this.n && this.keys[0]! >= key
  }
  offer(id: number, tier: number, score: number): void {
    const key = tier === 1 ? 1 + score : score / (1 + score)
    if (this.ids.length < this.n) {
      this.ids.push(id)
      this.keys.push(key)
      this.up(this.ids.length - 1)
      return
    }
    const rootKey = this.keys[0]!
    if (key < rootKey || (key === rootKey && id > this.ids[0]!)) return
    this.ids[0] = id
    this.keys[0] = key
    this.down(0)
  }
  private swap(i: number, j: number): void {
    // (Not a destructuring swap: that allocates an array per swap.)
    const id = this.ids[i]!
    this.ids[i] = this.ids[j]!
    this.ids[j] = id
    const key = this.keys[i]!
    this.keys[i] = this.keys[j]!
    this.keys[j] = key
  }
  private up(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!this.below(i, p)) return
      this.swap(i, p)
      i = p
    }
  }
  private down(i: number): void {
    const len = this.ids.length
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < len && this.below(l, m)) m = l
      if (r < len && this.below(r, m)) m = r
      if (m === i) return
      this.swap(i, m)
      i = m
    }
  }
  result(store: DocStore): RankedRow[] {
    const order = this.ids.map((id, i) => ({ id, key: this.keys[i]! }))
    order.sort((a, b) => b.key - a.key || a.id - b.id)
    return order.map((o) => ({ id: o.id, token: store.token[o.id]!, score: o.key }))
  }
}
