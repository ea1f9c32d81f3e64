// Near spellings of a word, for the typo-tolerant fallback: candidates share trigrams with the word (found
// through the trigram index over the vocabulary of names), then are kept only within a small edit distance.
import type { DatabaseSync } from 'node:sqlite'
import { prepareCached } from '../library/statement-cache.ts'
import type { TermExpr } from './match-set.ts'
import type { ParsedQuery, SearchTerm } from './query-parser.ts'
import type { MatchToken } from './snippets.ts'

/** Up to `max` vocabulary words within edit distance 1 (words of 4–6 letters) or 2 (longer), nearest first. */
export function findNearTerms(db: DatabaseSync, word: string, max: number): string[] {
  if (word.length < 4 || /^\d+$/.test(word)) return []
  const grams = new Set<string>()
  for (let i = 0; i + 3 <= word.length; i++) grams.add(word.slice(i, i + 3))
  const match = [...grams].map((g) => `"${g.replace(/"/g, '""')}"`).join(' OR ')
  const rows = prepareCached(
    db,
    `SELECT t.term FROM search_terms_tri f JOIN search_terms t ON t.id = f.rowid
      WHERE search_terms_tri MATCH ? AND length(t.term) BETWEEN ? AND ? LIMIT 400`,
  ).all(match, word.length - 2, word.length + 2) as Array<{ term: string }>
  // A swap in a short word can leave no trigram in common (reutrn/return): also try words that start with
  // the same two letters, a cheap range scan of the vocabulary's unique index.
  const head = word.slice(0, 2)
  const sameStart = prepareCached(
    db,
    `SELECT term FROM search_terms WHERE term >= ? AND term < ? AND length(term) BETWEEN ? AND ? LIMIT 400`,
  ).all(head, head + '\uffff', word.length - 2, word.length + 2) as Array<{ term: string }>
  const budget = word.length <= 6 ? 1 : 2
  const near: Array<{ term: string; d: number }> = []
  const seen = new Set<string>()
  for (const { term } of [...rows, ...sameStart]) {
    if (seen.has(term)) continue
    seen.add(term)
    if (term === word) continue
    const d = editDistance(word, term, budget)
    if (d <= budget) near.push({ term, d })
  }
  near.sort((a, b) => a.d - b.d || a.term.localeCompare(b.term))
  return near.slice(0, max).map((n) => n.term)
}

/** Damerau–Levenshtein (optimal string alignment) distance, giving up early above `budget`. */
export function editDistance(a: string, b: string, budget = Infinity): number {
  if (Math.abs(a.length - b.length) > budget) return budget + 1
  const rows: number[][] = []
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j)
        continue
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      const prev = rows[i - 1] ?? []
      let v = Math.min((prev[j] ?? Infinity) + 1, (row[j - 1] ?? Infinity) + 1, (prev[j - 1] ?? Infinity) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, ((rows[i - 2] ?? [])[j - 2] ?? Infinity) + 1)
      }
      row.push(v)
      if (v < best) best = v
    }
    rows.push(row)
    if (i > 0 && best > budget) return budget + 1
  }
  return rows[a.length]?.[b.length] ?? budget + 1
}

/** The query's words with each misspelt one OR-ed with its near spellings from the vocabulary; null if none. */
export function fuzzyTerms(db: DatabaseSync, q: ParsedQuery, exact: TermExpr[]): { terms: TermExpr[]; tokens: MatchToken[] } | null {
  const tokens: MatchToken[] = []
  let changed = false
  const terms = q.terms.map((t: SearchTerm, i): TermExpr => {
    const base = exact[i]!
    if (t.phrase || t.tokens.length !== 1) return base
    const near = findNearTerms(db, t.tokens[0] ?? '', 4)
    if (near.length === 0) return base
    changed = true
    for (const w of near) tokens.push({ token: w, prefix: false })
    // Near spellings come from the vocabulary of names (reports, collections, people, tables, queries) and are
    // matched there, not in SQL bodies: a corrected "customer" would otherwise pull in every customer_id column
    // (tens of thousands of reports to read for a lowest-tier guess). The word as typed still matches SQL.
    return { ...base, fts: `(${[base.fts, ...near.map((w) => `"${w}"`)].join(' OR ')})`, sqlFts: base.sqlFts ?? base.fts }
  })
  return changed ? { terms, tokens } : null
}
