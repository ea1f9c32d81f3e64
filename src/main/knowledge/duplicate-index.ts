// Keeps duplicate detection current, incrementally: at the end of each sync, queries whose SQL is new or
// changed since the last run (no row in query_shapes — record-changes.ts drops the row of an edited query)
// get a fingerprint, a MinHash sketch and the question they ask (and their Mode definitions are noted), and
// only they are matched against the rest through LSH bands; a candidate pair is kept when it is similar enough
// and asks the same question (duplicate-policy.ts).
// Exact duplicates need no pairs (equal fingerprints); near-duplicate pairs are stored in near_duplicates.
// A no-change sync costs two indexed queries. Work is chunked, yielding between chunks, so a first sync of
// 100,000 queries never holds the thread for long.
import type { Library } from '../library/open-library.ts'
import { BAND_COUNT, BAND_ROWS, similarity, sketchFromBytes, sketchToBytes, type Sketch } from './minhash.ts'
import { describeQuery, NEAR_DUPLICATE_SIMILARITY } from './duplicate-policy.ts'
import { questionFromText, questionToText, sameQuestion, type QueryQuestion } from './sql-question.ts'
import { definitionsIn } from './sql-definitions.ts'

type Row = Record<string, unknown>

/** Candidates examined per changed query: bounds the work when thousands of copies share a band. */
const MAX_CANDIDATES_PER_QUERY = 64
/** Near-duplicate pairs kept per changed query (the most similar). */
const MAX_NEAR_PER_QUERY = 8
const CHUNK = 500

export interface DuplicateIndexResult {
  /** Queries (re)described in this run. */
  described: number
  nearPairs: number
  removed: number
}

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

export async function updateDuplicateIndex(library: Library, signal?: AbortSignal): Promise<DuplicateIndexResult> {
  const removed = Number(
    library.prepare('DELETE FROM query_shapes WHERE NOT EXISTS (SELECT 1 FROM queries q WHERE q.token = query_shapes.query_token)').run().changes,
  )
  library.prepare('DELETE FROM query_definitions WHERE NOT EXISTS (SELECT 1 FROM queries q WHERE q.token = query_definitions.query_token)').run()
  const dirty = library
    .prepare(
      `SELECT q.token, q.report_token, q.raw_query FROM queries q
        WHERE NOT EXISTS (SELECT 1 FROM query_shapes s WHERE s.query_token = q.token)`,
    )
    .all() as Row[]
  if (dirty.length === 0) return { described: 0, nearPairs: 0, removed }

  const insert = library.prepare(
    'INSERT OR REPLACE INTO query_shapes(query_token, report_token, fingerprint, sketch, token_count, question) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const clearDefinitions = library.prepare('DELETE FROM query_definitions WHERE query_token = ?')
  const addDefinition = library.prepare('INSERT OR IGNORE INTO query_definitions(query_token, report_token, definition) VALUES (?, ?, ?)')
  const dirtyTokens = new Set<string>()
  for (let i = 0; i < dirty.length; i += CHUNK) {
    if (signal?.aborted) return { described: i, nearPairs: 0, removed }
    library.transaction(() => {
      for (const row of dirty.slice(i, i + CHUNK)) {
        const sql = String(row.raw_query ?? '')
        const shape = describeQuery(sql)
        const sketch = shape.sketch ? sketchToBytes(shape.sketch) : null
        insert.run(String(row.token), String(row.report_token), shape.fingerprint, sketch, shape.tokenCount, sketch ? questionToText(shape.question) : null)
        clearDefinitions.run(String(row.token))
        for (const name of definitionsIn(sql)) addDefinition.run(String(row.token), String(row.report_token), name)
        dirtyTokens.add(String(row.token))
      }
    })
    await yieldToLoop()
  }
  const nearPairs = await matchChangedQueries(library, dirtyTokens, signal)
  return { described: dirty.length, nearPairs, removed }
}

interface Indexed {
  tokens: string[]
  reports: string[]
  fingerprints: string[]
  sketches: Sketch[]
  questions: (QueryQuestion | null)[]
}

function loadSketches(library: Library): Indexed {
  const rows = library.prepare('SELECT query_token, report_token, fingerprint, sketch, question FROM query_shapes WHERE sketch IS NOT NULL').all() as Row[]
  const out: Indexed = { tokens: [], reports: [], fingerprints: [], sketches: [], questions: [] }
  for (const r of rows) {
    const sketch = sketchFromBytes(r.sketch as Uint8Array)
    if (!sketch) continue
    out.tokens.push(String(r.query_token))
    out.reports.push(String(r.report_token))
    out.fingerprints.push(String(r.fingerprint))
    out.sketches.push(sketch)
    out.questions.push(typeof r.question === 'string' ? questionFromText(r.question) : null)
  }
  return out
}

/** A band's rows folded into one 32-bit key. */
function bandKey(sketch: Sketch, band: number): number {
  let h = 0x9747b28c ^ band
  for (let r = 0; r < BAND_ROWS; r++) h = Math.imul(h ^ sketch[band * BAND_ROWS + r]!, 0x5bd1e995) >>> 0
  return h >>> 0
}

/** A shape stored without its question cannot be judged: it is not called a copy. */
function askSame(index: Indexed, i: number, j: number): boolean {
  const a = index.questions[i]
  const b = index.questions[j]
  return a != null && b != null && sameQuestion(a, b)
}

async function matchChangedQueries(library: Library, dirtyTokens: Set<string>, signal?: AbortSignal): Promise<number> {
  const index = loadSketches(library)
  const n = index.tokens.length
  const isDirty = index.tokens.map((t) => dirtyTokens.has(t))
  const candidates = new Map<number, Set<number>>()
  const changed = isDirty.flatMap((dirty, i) => (dirty ? [i] : []))
  // One band at a time: the changed queries' keys first, then one pass over every query collects the members of
  // those keys' buckets. No sort: a sync that changed a few queries pays one hash per query and band.
  for (let band = 0; band < BAND_COUNT; band++) {
    const buckets = new Map<number, number[]>()
    for (const i of changed) buckets.set(bandKey(index.sketches[i]!, band), [])
    for (let j = 0; j < n; j++) buckets.get(bandKey(index.sketches[j]!, band))?.push(j)
    for (const members of buckets.values()) {
      if (members.length < 2) continue
      for (const i of members) {
        if (!isDirty[i]) continue
        let found = candidates.get(i)
        if (!found) candidates.set(i, (found = new Set()))
        for (let b = 0; b < members.length && found.size < MAX_CANDIDATES_PER_QUERY; b++) {
          const j = members[b]!
          if (j !== i && index.reports[j] !== index.reports[i] && index.fingerprints[j] !== index.fingerprints[i]) found.add(j)
        }
      }
    }
    if (signal?.aborted) return 0
    await yieldToLoop()
  }
  const insert = library.prepare(
    `INSERT OR REPLACE INTO near_duplicates(query_a, query_b, report_a, report_b, similarity) VALUES (?, ?, ?, ?, ?)`,
  )
  let stored = 0
  const entries = [...candidates]
  for (let c = 0; c < entries.length; c += CHUNK) {
    library.transaction(() => {
      for (const [i, found] of entries.slice(c, c + CHUNK)) {
        const scored = [...found]
          .map((j) => ({ j, s: similarity(index.sketches[i]!, index.sketches[j]!) }))
          .filter((x) => x.s >= NEAR_DUPLICATE_SIMILARITY && askSame(index, i, x.j))
          .sort((x, y) => y.s - x.s)
          .slice(0, MAX_NEAR_PER_QUERY)
        for (const { j, s } of scored) {
          const [a, b] = index.tokens[i]! < index.tokens[j]! ? [i, j] : [j, i]
          insert.run(index.tokens[a]!, index.tokens[b]!, index.reports[a]!, index.reports[b]!, s)
          stored++
        }
      }
    })
    await yieldToLoop()
  }
  return stored
}
