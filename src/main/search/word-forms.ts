// Other forms of a query word found in the library's own vocabulary: orders → order, ordered; refunds →
// refund; churned → churn. Words are grouped by their Porter2 stem (the English Snowball stemmer), and only
// words the library actually contains are offered, so a form never matches nothing. The search ranks these
// below the word as typed (ranking.ts), so "Orders" stays above "Order" for `orders`.
//
// The vocabulary is search_terms (words of names, descriptions, collections, people, tables, query names,
// four letters or more), which only grows: it is read once, then only its new rows.
import type { DatabaseSync } from 'node:sqlite'
import stem from 'wink-porter2-stemmer'
import { prepareCached } from '../library/statement-cache.ts'

/** Longer "words" are not English words (and the stemmer's rules take time on thousands of letters). */
const MAX_STEMMED = 24
const stemmable = (word: string): boolean => word.length >= 4 && word.length <= MAX_STEMMED && /^[a-z]+$/.test(word)

export class WordForms {
  private readonly byStem = new Map<string, string[]>()
  private lastId = 0

  /** Reads vocabulary words added since the last call. */
  refresh(db: DatabaseSync): void {
    const rows = prepareCached(db, 'SELECT id, term FROM search_terms WHERE id > ? ORDER BY id').all(this.lastId) as
      Array<{ id: number; term: string }>
    for (const { id, term } of rows) {
      this.lastId = Math.max(this.lastId, Number(id))
      if (!stemmable(term)) continue
      const s = stem(term)
      const list = this.byStem.get(s)
      if (list) list.push(term)
      else this.byStem.set(s, [term])
    }
  }

  /** The library's other words with the same stem as `word` (not `word` itself), at most `max`. */
  formsOf(word: string, max = 8): string[] {
    if (!stemmable(word)) return []
    return (this.byStem.get(stem(word)) ?? []).filter((w) => w !== word).slice(0, max)
  }
}
