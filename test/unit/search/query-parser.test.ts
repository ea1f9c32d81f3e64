import { describe, expect, it } from 'vitest'
import { parseDateRange, parseSearchQuery, termToFts, tokenizeWords } from '../../../src/main/search/query-parser.ts'

const words = (q: string): string[][] => parseSearchQuery(q).terms.map((t) => t.tokens)

describe('parseSearchQuery: words and phrases', () => {
  it('splits words and prefix-matches the word being typed, finished words whole', () => {
    const q = parseSearchQuery('net reven')
    expect(q.terms.map((t) => [t.tokens, t.prefix])).toEqual([[['net'], false], [['reven'], true]])
    expect(q.terms.map(termToFts)).toEqual(['"net"', '"reven"*'])
    // A space after the last word finishes it too.
    expect(parseSearchQuery('net revenue ').terms.map((t) => t.prefix)).toEqual([false, false])
    // A filter after a word finishes the word; a word after a filter is still being typed.
    expect(parseSearchQuery('reven author:ana').terms.map((t) => t.prefix)).toEqual([false])
    expect(parseSearchQuery('author:ana reven').terms.map((t) => t.prefix)).toEqual([true])
  })
  it('keeps quoted phrases together, exact', () => {
    const q = parseSearchQuery('"net revenue retention" churn')
    expect(q.terms[0]).toMatchObject({ tokens: ['net', 'revenue', 'retention'], phrase: true, prefix: false })
    expect(q.terms.map(termToFts)).toEqual(['"net revenue retention"', '"churn"*'])
  })
  it('folds case and diacritics like the index does', () => {
    expect(words('Café ÜBER')).toEqual([['cafe'], ['uber']])
    expect(tokenizeWords('Crème brûlée')).toEqual(['creme', 'brulee'])
  })
  it('splits identifiers into adjacent tokens and flags them for substring search', () => {
    const q = parseSearchQuery('fct_orders analytics.dim_users')
    expect(q.terms.map((t) => [t.tokens, t.identifier])).toEqual([
      [['fct', 'orders'], true],
      [['analytics', 'dim', 'users'], true],
    ])
    expect(q.terms.map(termToFts)).toEqual(['"fct orders"', '"analytics dim users"*'])
  })
  it('does not prefix-match one-letter words', () => {
    expect(parseSearchQuery('a').terms[0]?.prefix).toBe(false)
  })
  it('excludes -words and -"phrases"', () => {
    const q = parseSearchQuery('revenue -draft -"old version"')
    expect(q.excluded.map((t) => t.tokens)).toEqual([['draft'], ['old', 'version']])
  })
})

describe('parseSearchQuery: filters', () => {
  it('reads every filter kind', () => {
    const q = parseSearchQuery('collection:Finance author:@alice table:analytics.fct_orders source:Warehouse is:archived revenue')
    expect(q.filters).toMatchObject({
      collections: ['Finance'],
      authors: ['alice'],
      tables: ['analytics.fct_orders'],
      sources: ['Warehouse'],
      archived: 'only',
    })
    expect(words(q === null ? '' : 'revenue')).toEqual([['revenue']])
    expect(q.terms.map((t) => t.raw)).toEqual(['revenue'])
  })
  it('is:dataset (or is:datasets) narrows to Mode Datasets; other is: words stay words', () => {
    expect(parseSearchQuery('is:dataset orders').filters.dataset).toBe(true)
    expect(parseSearchQuery('IS:Datasets').filters.dataset).toBe(true)
    expect(parseSearchQuery('orders').filters.dataset).toBe(false)
    expect(parseSearchQuery('is:datasetx').terms.map((t) => t.raw)).toEqual(['datasetx'])
  })
  it('accepts quoted filter values', () => {
    const q = parseSearchQuery('collection:"Product Analytics" author:"Dana Scully" churn')
    expect(q.filters.collections).toEqual(['Product Analytics'])
    expect(q.filters.authors).toEqual(['Dana Scully'])
    expect(q.terms.map((t) => t.raw)).toEqual(['churn'])
  })
  it('is case-insensitive in keys and strips quoting from table names', () => {
    const q = parseSearchQuery('TABLE:"Analytics"."Orders" Collection:ops')
    expect(q.filters.tables).toEqual(['analytics.orders'])
    expect(q.filters.collections).toEqual(['ops'])
  })
  it('hides archived reports unless asked', () => {
    expect(parseSearchQuery('revenue').filters.archived).toBe('exclude')
    expect(parseSearchQuery('include:archived revenue').filters.archived).toBe('include')
  })
  it('reads updated ranges', () => {
    expect(parseSearchQuery('updated:>2025-01-01').filters).toMatchObject({
      updatedAfter: '2025-01-02T00:00:00.000Z',
      updatedBefore: null,
    })
    expect(parseSearchQuery('updated:>=2025-01-01 updated:<2025-03').filters).toMatchObject({
      updatedAfter: '2025-01-01T00:00:00.000Z',
      updatedBefore: '2025-03-01T00:00:00.000Z',
    })
    expect(parseSearchQuery('updated:2024').filters).toMatchObject({
      updatedAfter: '2024-01-01T00:00:00.000Z',
      updatedBefore: '2025-01-01T00:00:00.000Z',
    })
  })
  it('combines several filters of one kind', () => {
    expect(parseSearchQuery('table:a.x table:b.y').filters.tables).toEqual(['a.x', 'b.y'])
  })
  it('ignores a filter whose value is still being typed', () => {
    const q = parseSearchQuery('revenue collection:')
    expect(q.filters.collections).toEqual([])
    expect(q.terms.map((t) => t.raw)).toEqual(['revenue'])
  })
  it('reads report statuses, each once, in any case; an unknown is: value stays a word', () => {
    const q = parseSearchQuery('is:Popular is:stale is:failing is:scheduled is:never-run is:STALE revenue')
    expect(q.filters.statuses).toEqual(['popular', 'stale', 'failing', 'scheduled', 'never-run'])
    expect(q.terms.map((t) => t.raw)).toEqual(['revenue'])
    expect(parseSearchQuery('is:neverrun is:failed').filters.statuses).toEqual(['never-run', 'failing'])
    const unknown = parseSearchQuery('is:certified is:constructor')
    expect(unknown.filters.statuses).toEqual([])
    expect(unknown.terms.map((t) => t.raw)).toEqual(['certified', 'constructor'])
    expect(parseSearchQuery('revenue').filters.statuses).toEqual([])
  })
  it('treats unknown keys and bad dates as words', () => {
    expect(words('foo:bar')).toEqual([['foo', 'bar']])
    expect(words('updated:>yesterday')).toEqual([['yesterday']])
    expect(parseDateRange('2025-02-30')).toBeNull()
    expect(parseDateRange('2025-13')).toBeNull()
  })
})

describe('parseSearchQuery: malformed input degrades to plain words', () => {
  const cases: Array<[string, string[][]]> = [
    ['"unbalanced quote', [['unbalanced', 'quote']]],
    ['revenue "', [['revenue']]],
    ['a*b', [['a', 'b']]],
    ['^start', [['start']]],
    ['(revenue OR churn)', [['revenue'], ['churn']]],
    ['revenue AND churn', [['revenue'], ['churn']]],
    ['NEAR(a b)', [['near', 'a'], ['b']]],
    ['col:val', [['col', 'val']]],
    [':::', []],
    ['- -- ---', []],
    ['***', []],
    ['"" ""', []],
    ['")(*&^%$#@!', []],
    ['sum(amount)', [['sum', 'amount']]],
    ['"a""b"', [['ab']]],
  ]
  it.each(cases)('%j', (input, expected) => {
    const q = parseSearchQuery(input)
    expect(q.terms.map((t) => t.tokens)).toEqual(expected)
    // Every token is inside double quotes: nothing the user typed is FTS syntax.
    for (const t of q.terms) expect(termToFts(t).replace(/"[^"]*"\*?/g, '')).toBe('')
  })
  it('never throws on arbitrary input', () => {
    const alphabet = ['"', '-', ':', '*', '^', '(', ')', ' ', 'a', 'é', 'is:', 'updated:>', 'NEAR', 'OR', '\u0000', '🙂']
    let seed = 7
    for (let k = 0; k < 2000; k++) {
      let s = ''
      for (let j = 0; j < 12; j++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff
        s += alphabet[seed % alphabet.length]
      }
      expect(() => parseSearchQuery(s).terms.map(termToFts)).not.toThrow()
    }
  })
})
