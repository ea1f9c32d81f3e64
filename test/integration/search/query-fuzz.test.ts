// Whatever is typed into the search box — or arrives as a table: value from a click on a table name in hostile
// SQL — the real search service over a real library answers with a result of the contract's shape and never
// throws: FTS5 syntax, control characters (NUL included), lone surrogates, filters, quotes and long runs.
import { afterAll, describe, expect, it } from 'vitest'
import type { DatabaseSync } from 'node:sqlite'
import { createSearchService } from '../../../src/main/search/search-service.ts'
import { mulberry32 } from '../../../src/sim/prng.ts'
import { SearchResult } from '../../../src/shared/model.ts'
import { openRelevanceLibrary } from '../../fixtures/relevance/relevance-score.ts'

const db: DatabaseSync = openRelevanceLibrary()
afterAll(() => db.close())
const service = createSearchService(db, { now: () => new Date('2026-06-01T00:00:00Z') })

const PIECES = [
  // FTS5 syntax and the query language's own operators.
  '"', '""', '*', '^', ':', '(', ')', '{', '}', '+', '-', '-"', 'NEAR(', 'NEAR/2', 'AND', 'OR', 'NOT', ',', '.', '_',
  // Filters, complete and half-typed.
  'table:', 'table:"', 'author:', 'author:@', 'collection:', 'source:', 'is:archived', 'include:archived', 'updated:>',
  'updated:<=2025-02', 'updated:2025-13-40', 'is:', 'table:a.b.c', 'table:"x"."y"',
  // Control, format and odd characters.
  '\u0000', '\u0001', '\u0007', '\u001b[2J', '\u007f', '\u0085', '\u200b', '\u200f', '\u202e', '\ufeff', '\ud800', '\udfff',
  '\t', '\n', '\r', ' ', '  ', '🙂', 'é', 'ß', 'İ', '中文',
  // Words the library has, identifiers and SQL.
  'revenue', 'nrr', 'churn', 'orders', 'fct_orders', 'analytics.fct_orders', 'select', 'count(*)', 're', 'a', '0', '2025',
]

function randomQuery(next: () => number): string {
  const parts = 1 + Math.floor(next() * 10)
  let s = ''
  for (let k = 0; k < parts; k++) {
    const r = next()
    if (r < 0.08) s += String.fromCharCode(Math.floor(next() * 0x10000)) // any UTF-16 unit, surrogates included
    else if (r < 0.1) s += 'x'.repeat(Math.floor(next() * 3000)) // past the parser's length bound
    else s += PIECES[Math.floor(next() * PIECES.length)]
  }
  return s
}

// The seeded sequence's first CASES queries. 10,000 by default: this sequence meets the NUL-in-a-quoted-string
// bug cleanQueryText fixed first at case 319 and 142 times in 50,000 (measured with the fix taken out), so the
// default still meets it ~28 times, and the next test keeps that case explicit. FUZZ_CASES=50000 (or more) for a
// deep run: the cases are the same sequence, only longer.
const CASES = Number(process.env.FUZZ_CASES) > 0 ? Math.floor(Number(process.env.FUZZ_CASES)) : 10_000

describe('search query fuzz', () => {
  it(`answers ${CASES.toLocaleString('en-US')} random queries through the real service without a throw`, () => {
    const next = mulberry32(20261201) // seeded: a failing case can be replayed
    const failures: Array<{ query: string; error: string }> = []
    let answered = 0
    for (let k = 0; k < CASES; k++) {
      const query = randomQuery(next)
      try {
        const result = service.search({ query, limit: 5, facets: k % 10 === 0 })
        if (k % 100 === 0) SearchResult.parse(result)
        answered++
      } catch (error) {
        if (failures.length < 5) failures.push({ query: JSON.stringify(query), error: String(error) })
      }
    }
    expect(failures).toEqual([])
    expect(answered).toBe(CASES)
  }, 600_000)

  it('finds tables and words around a NUL or other control characters', () => {
    const clean = service.search({ query: 'table:fct_refunds' })
    expect(clean.total).toBeGreaterThan(0)
    expect(() => service.search({ query: 'table:"fct_\u0000refunds"' })).not.toThrow()
    expect(service.search({ query: 'table:fct_refunds\u0000' }).total).toBe(clean.total)
    const words = service.search({ query: 'refund' })
    expect(service.search({ query: 'refund\u0000\u001b\u0007' }).total).toBe(words.total)
    expect(service.search({ query: '\u202erefund\u200b' }).total).toBe(words.total)
  })
})
