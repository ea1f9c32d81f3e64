// When two queries are copies of each other: the same normalised SQL (exact), or MinHash similarity of their
// token shingles at or above NEAR_DUPLICATE_SIMILARITY and the same question asked (sql-question.ts) (near).
// The question guard carries the precision (one changed word can be another measure, breakdown or table), so
// the similarity threshold can be lenient with drift. The shingle length and the threshold were tuned on the
// 'tune' part of the labelled set in test/fixtures/duplicates/ only — recall on it is flat from 0.6 to 0.75, and
// 0.7 is the middle — and the held-out part is scored apart (npm run bench:duplicates prints both).
import { normalizeSql, sqlFingerprint } from './sql-normalize.ts'
import { shingles, similarity, sketchOf, type Sketch } from './minhash.ts'
import { questionOf, sameQuestion, type QueryQuestion } from './sql-question.ts'

export const SHINGLE_TOKENS = 3
export const NEAR_DUPLICATE_SIMILARITY = 0.7
/**
 * Queries shorter than this (normalised tokens) are never called duplicates: `SELECT 1` or `SELECT * FROM t`
 * in fifty scratch reports are the same text without being copies of anyone's work.
 */
export const MIN_DUPLICATE_TOKENS = 12

export interface QueryShape {
  fingerprint: string
  /** Null when the query is too short to compare (see MIN_DUPLICATE_TOKENS). */
  sketch: Sketch | null
  tokenCount: number
  question: QueryQuestion
}

export function describeQuery(sql: string): QueryShape {
  const normalized = normalizeSql(sql)
  const tokenCount = normalized.tokens.length
  const sketch = tokenCount >= MIN_DUPLICATE_TOKENS ? sketchOf(shingles(normalized.tokens, SHINGLE_TOKENS)) : null
  return { fingerprint: sqlFingerprint(normalized), sketch, tokenCount, question: questionOf(normalized.tokens, normalized.tables) }
}

export type DuplicateKind = 'exact' | 'near'

export interface DuplicateVerdict {
  kind: DuplicateKind
  similarity: number
}

/** Null when the two are not copies (or either is too short to judge). */
export function compareQueries(a: QueryShape, b: QueryShape, threshold = NEAR_DUPLICATE_SIMILARITY): DuplicateVerdict | null {
  if (!a.sketch || !b.sketch) return null
  if (a.fingerprint === b.fingerprint) return { kind: 'exact', similarity: 1 }
  const s = similarity(a.sketch, b.sketch)
  return s >= threshold && sameQuestion(a.question, b.question) ? { kind: 'near', similarity: s } : null
}
