// npm run bench:duplicates — precision and recall of duplicate detection on the labelled set
// (test/fixtures/duplicates/pairs.json, built by make-pairs.ts): exact (fingerprint) and near (MinHash and the
// same question) apart and together, on the whole set, on the 'tune' part the defaults were chosen on and on
// the 'held-out' part written before the tuning and never used for it, per source and kind of pair; then every
// pair it gets wrong. Pass `--sweep` for the sweep of shingle lengths and thresholds over the tune part (how the
// defaults were chosen).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { compareQueries, describeQuery, MIN_DUPLICATE_TOKENS, NEAR_DUPLICATE_SIMILARITY, SHINGLE_TOKENS } from '../../src/main/knowledge/duplicate-policy.ts'
import { normalizeSql, sqlFingerprint } from '../../src/main/knowledge/sql-normalize.ts'
import { shingles, similarity, sketchOf } from '../../src/main/knowledge/minhash.ts'
import { sameQuestion } from '../../src/main/knowledge/sql-question.ts'
import { PAIR_KINDS, type LabelledPair } from '../fixtures/duplicates/make-pairs.ts'

const pairs = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/duplicates/pairs.json'), 'utf8')) as LabelledPair[]

interface Score { tp: number; fp: number; fn: number; tn: number }
const score = (predict: (p: LabelledPair) => boolean, subset = pairs): Score => {
  const s = { tp: 0, fp: 0, fn: 0, tn: 0 }
  for (const p of subset) {
    const yes = predict(p)
    if (yes && p.duplicate) s.tp++
    else if (yes) s.fp++
    else if (p.duplicate) s.fn++
    else s.tn++
  }
  return s
}
const fmt = (n: number): string => (Number.isFinite(n) ? n.toFixed(3) : '—')
const line = (label: string, s: Score): string =>
  `${label.padEnd(28)} precision ${fmt(s.tp / (s.tp + s.fp))}  recall ${fmt(s.tp / (s.tp + s.fn))}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn}, tn ${s.tn})`

const positives = pairs.filter((p) => p.duplicate).length
console.log(`labelled set: ${pairs.length} pairs (${positives} duplicates, ${pairs.length - positives} different queries on the same tables)`)
console.log(`defaults: shingles of ${SHINGLE_TOKENS} tokens, near-duplicate at similarity ≥ ${NEAR_DUPLICATE_SIMILARITY}, queries under ${MIN_DUPLICATE_TOKENS} tokens ignored`)

const shapes = new Map<string, ReturnType<typeof describeQuery>>()
const shape = (sql: string) => shapes.get(sql) ?? shapes.set(sql, describeQuery(sql)).get(sql)!
const exact = (p: LabelledPair): boolean => compareQueries(shape(p.a), shape(p.b))?.kind === 'exact'
const either = (p: LabelledPair): boolean => compareQueries(shape(p.a), shape(p.b)) !== null
const splitOf = (p: LabelledPair): 'tune' | 'held-out' => p.split ?? 'tune'
console.log(line('exact (fingerprint)', score(exact)))
console.log(line('exact + near (detector)', score(either)))
for (const split of ['tune', 'held-out'] as const) {
  const ofSplit = pairs.filter((p) => splitOf(p) === split)
  console.log(`${split} part:`)
  console.log(line(`  all (${ofSplit.length})`, score(either, ofSplit)))
  for (const source of ['generated', 'hand'] as const) {
    const subset = ofSplit.filter((p) => p.source === source)
    if (subset.length === 0) continue
    console.log(line(`  ${source} pairs (${subset.length})`, score(either, subset)))
    for (const kind of PAIR_KINDS) {
      const ofKind = subset.filter((p) => p.kind === kind)
      if (ofKind.length > 0) console.log(line(`    ${kind} (${ofKind.length})`, score(either, ofKind)))
    }
  }
}
const hand = pairs.filter((p) => p.source === 'hand')
console.log(line(`hand pairs, both parts (${hand.length})`, score(either, hand)))
const misses = pairs.filter((p) => either(p) !== p.duplicate)
console.log(`${misses.length} wrong in all:`)
for (const p of misses) {
  const s = shape(p.a).sketch && shape(p.b).sketch ? similarity(shape(p.a).sketch!, shape(p.b).sketch!) : null
  console.log(`  wrong: ${splitOf(p)} ${p.source} ${p.kind} (labelled ${p.duplicate ? 'copy' : 'different'}) similarity ${s === null ? 'n/a' : fmt(s)}: ${JSON.stringify(p.a.slice(0, 70))} | ${JSON.stringify(p.b.slice(0, 70))}`)
}

if (process.argv.includes('--sweep')) {
  console.log('sweep over the tune part (exact, or near: similar enough and the same question):')
  const tune = pairs.filter((p) => splitOf(p) === 'tune')
  for (const k of [2, 3, 4, 5, 6]) {
    const sketches = new Map<string, ReturnType<typeof sketchOf>>()
    const sketch = (sql: string) => sketches.get(sql) ?? sketches.set(sql, sketchOf(shingles(normalizeSql(sql).tokens, k))).get(sql)!
    const fp = (sql: string) => sqlFingerprint(normalizeSql(sql))
    for (const t of [0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9]) {
      const near = (p: LabelledPair): boolean =>
        sketch(p.a) !== null && sketch(p.b) !== null && similarity(sketch(p.a)!, sketch(p.b)!) >= t && sameQuestion(shape(p.a).question, shape(p.b).question)
      const s = score((p) => (shape(p.a).sketch !== null && fp(p.a) === fp(p.b)) || near(p), tune)
      console.log(line(`  k=${k} threshold ${t}`, s))
    }
  }
}
