// Matches, filters, counts and ranks one query over the in-memory attributes: BM25 from which fields each
// word matched in (name above description above the other fields; SQL-only matches in a lower tier), other
// forms of a word (orders → order, nrr → Net Revenue Retention) below the word as typed, times a gentle
// recency/popularity boost. When few reports match every word, the best partial matches follow (soft AND).
import { emptyFacets, countFacets } from './facets.ts'
import { FIELD_WEIGHTS } from './fields.ts'
import type { Filter } from './filters.ts'
import type { DocStore } from './doc-store.ts'
import { ACRONYM_BIT, IN_FIELDS_MASK, WEAK_SHIFT } from './match-set.ts'
import type { TermExpr, TermMatch } from './match-set.ts'
import { checkpoint, type QueryContext, type QueryOutcome } from './query-context.ts'
import { matchOf } from './term-matching.ts'
import { TopN } from './top-n.ts'

// BM25 parameters (FTS5's defaults).
const K1 = 1.2
const B = 0.75
/** What a match through another form of the word counts, against the word as typed. */
const FORM_WEIGHT = 0.55
const ACRONYM_WEIGHT = 0.8
/** Fewer full matches than this bring in partial ones (soft AND). */
export const PARTIAL_BELOW = 10

export function emptyOutcome(): QueryOutcome {
  return { total: 0, top: [], facets: emptyFacets(), matches: [] }
}

/**
 * Matches, filters, counts and ranks. A report matches when every required word matches in some field (in
 * any of its forms) and no excluded word matches anywhere. Returns the exact total, facets over the whole
 * match set (when facetSize > 0) and the best `n` in order; with `partial`, reports lacking some words follow
 * when fewer than PARTIAL_BELOW match them all.
 */
export function runQuery(ctx: QueryContext, terms: TermExpr[], excluded: TermExpr[], filter: Filter, n: number,
  facetSize: number, partial = false, collect = false): QueryOutcome {
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
  // The match set, for facet counting after the walk (and a sort other than relevance: `collect`).
  const matched = facetSize > 0 || collect ? ctx.buffers.take(cap).ids : null
  let total = 0
  const { visible, check } = filter

  if (terms.length === 0) {
    // Filters (or exclusions) only: every report that passes, ranked by recency and popularity alone. Walked in
    // that order, so the first n that pass are the page and the rest are only counted (and, with nothing but the
    // archived setting to apply and no facets, not even walked: the count is the visible count).
    const order = store.byBoost(ctx.today)
    const countOnly = matched === null && excl === null && check === null
    let offered = 0
    for (let k = 0; k < order.length; k++) {
      const id = order[k]!
      if (visible[id] === 0 || (excl !== null && excl[id] === 1) || (check !== null && !check(id))) continue
      if (matched !== null) matched[total] = id
      total++
      if (offered < n) {
        top.offer(id, 2, boosts[id]!)
        offered++
      } else if (countOnly) {
        total = store.visibleCount(visible)
        break
      }
    }
    return { total, top: top.result(store), facets: facetsOf(ctx, matched, total, facetSize), matches: [], ids: matched?.subarray(0, total) }
  }

  // Each word's index reads are most of a search's time: a superseded search stops between them.
  const matches = terms.map((t) => {
    checkpoint(ctx)
    return matchOf(ctx, t)
  })
  const required = terms.map((t, i) => (t.optional ? -1 : i)).filter((i) => i >= 0)
  const score = scorer(store, matches)
  const fields = matches.map((m) => m.fields)
  if (required.every((i) => matches[i]!.count > 0)) {
    // Walk the rarest required word's matches; the others are lookups. Hot loop: plain locals and typed arrays.
    let rarest = matches[required[0]!]!
    for (const i of required) if (matches[i]!.count < rarest.count) rarest = matches[i]!
    const ids = rarest.ids
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!
      if (visible[id] === 0 || (excl !== null && excl[id] === 1)) continue
      let inFields = true
      let r = 0
      for (; r < required.length; r++) {
        const bits = fields[required[r]!]![id]!
        if (bits === 0) break
        if ((bits & IN_FIELDS_MASK) === 0) inFields = false
      }
      if (r < required.length || (check !== null && !check(id))) continue
      if (matched !== null) matched[total] = id
      total++
      // Once the best n are all tier 2, a report matching some word only in SQL cannot make the page.
      if (!inFields && top.fullAbove(1)) continue
      top.offer(id, inFields ? 2 : 1, score(id) * boosts[id]!)
    }
  }
  if (partial && total < PARTIAL_BELOW && required.length >= 2) {
    // Soft AND: reports that lack some words, when few have them all. At least half the words (and all but
    // one of two or three), ranked below every full match by how many words they have.
    const need = required.length <= 3 ? required.length - 1 : Math.ceil(required.length / 2)
    const counts = ctx.buffers.take(cap).fields
    for (const i of required) for (const id of matches[i]!.ids) counts[id]!++
    for (const i of required) {
      for (const id of matches[i]!.ids) {
        const c = counts[id]!
        if (c === 0) continue
        counts[id] = 0 // each report once
        if (c < need || c === required.length) continue
        if (visible[id] === 0 || (excl !== null && excl[id] === 1) || (check !== null && !check(id))) continue
        top.offer(id, 0, (score(id) * boosts[id]! * c) / required.length)
      }
    }
  }
  return { total, top: top.result(store), facets: facetsOf(ctx, matched, total, facetSize), matches, ids: matched?.subarray(0, total) }
}

function facetsOf(ctx: QueryContext, matched: Int32Array | null, total: number, facetSize: number): QueryOutcome['facets'] {
  return matched === null || facetSize === 0 ? emptyFacets() : countFacets(ctx.labels, ctx.store, matched.subarray(0, total), facetSize, ctx.tables)
}

/**
 * BM25 with a term frequency of one per field: Σ over words and the fields they matched in of
 * idf × field weight × (k1 + 1) / (1 + k1 × (1 − b + b × length / average length)); a match through another
 * form of the word counts FORM_WEIGHT (an acronym ACRONYM_WEIGHT) of that.
 */
function scorer(store: DocStore, matches: TermMatch[]): (id: number) => number {
  const docs = store.count || 1
  const coef = new Float64Array(matches.length * 4)
  matches.forEach((m, t) => {
    // Lucene's idf: always positive, so a word in most reports still counts a little (FTS5 floors it at 1e-6).
    const idf = Math.log(1 + (docs - m.count + 0.5) / (m.count + 0.5))
    for (let f = 0; f < 4; f++) coef[t * 4 + f] = FIELD_WEIGHTS[f]! * idf * (K1 + 1)
  })
  const lenA = 1 + K1 * (1 - B)
  const lenB = new Float64Array(4)
  for (let f = 0; f < 4; f++) lenB[f] = (K1 * B) / Math.max(1, store.lengthSums[f]! / docs)
  const lengths = store.lengths
  const fields = matches.map((m) => m.fields)
  const termCount = fields.length
  // Each word's numerator per field for every combination of match bits (256 of them), worked out once per
  // search: the hot loop then reads it instead of testing bits field by field (the same products and sums, so
  // the same scores to the last bit).
  const numer = new Float64Array(termCount * 256 * 4)
  for (let t = 0; t < termCount; t++) {
    for (let bits = 1; bits < 256; bits++) {
      const weak = bits & ACRONYM_BIT ? ACRONYM_WEIGHT : FORM_WEIGHT
      for (let f = 0; f < 4; f++) {
        const w = bits & (1 << f) ? 1 : bits & (1 << (f + WEAK_SHIFT)) ? weak : 0
        numer[(t * 256 + bits) * 4 + f] = w > 0 ? w * coef[t * 4 + f]! : 0
      }
    }
  }
  const lenB0 = lenB[0]!
  const lenB1 = lenB[1]!
  const lenB2 = lenB[2]!
  const lenB3 = lenB[3]!
  return (id) => {
    let score = 0
    const at = 4 * id
    // Field length normalisation, per field of this document.
    const d0 = lenA + lenB0 * lengths[at]!
    const d1 = lenA + lenB1 * lengths[at + 1]!
    const d2 = lenA + lenB2 * lengths[at + 2]!
    const d3 = lenA + lenB3 * lengths[at + 3]!
    for (let t = 0; t < termCount; t++) {
      const bits = fields[t]![id]!
      if (bits === 0) continue
      const k = (t * 256 + bits) * 4
      // Adding a zero changes nothing: the sum is the one the fields that matched give, in field order.
      score += numer[k]! / d0
      score += numer[k + 1]! / d1
      score += numer[k + 2]! / d2
      score += numer[k + 3]! / d3
    }
    return score
  }
}
