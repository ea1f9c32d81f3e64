// Snippets find and mark the query's words the way the index reads text (letters and digits, folded). ASCII
// text takes a faster path (indexOf per token instead of every word cut out): the snippets must be the same as
// the word-by-word reading gives, for ASCII text and for text with accents and other scripts alike.
import { describe, expect, it } from 'vitest'
import { MARK_END, MARK_START } from '../../../src/shared/model.ts'
import { foldText } from '../../../src/main/search/query-parser.ts'
import { firstMatch, markText, type MatchToken } from '../../../src/main/search/snippets.ts'
import { isSqlStopwordAt } from '../../../src/main/search/sql-stopwords.ts'
import { Rng } from '../../../src/sim/prng.ts'

/** The word-by-word reading: every run of letters and digits, folded, compared with each token. */
function firstMatchByWords(text: string, tokens: MatchToken[], ignore?: (text: string, start: number, end: number) => boolean): number {
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = foldText(m[0])
    const hit = tokens.some((t) => (t.prefix ? w.startsWith(t.token) : w === t.token))
    if (hit && !(ignore && ignore(text, m.index, m.index + m[0].length))) return m.index
  }
  return -1
}

const tok = (token: string, prefix = false): MatchToken => ({ token, prefix })
const marked = (text: string): string[] => [...text.matchAll(new RegExp(`${MARK_START}(.*?)${MARK_END}`, 'gu'))].map((m) => m[1]!)

describe('snippets', () => {
  it('find whole words and prefixes, not parts of words, in ASCII text', () => {
    const text = 'Orders by region: reorders, order_count and ORDERS_daily (orders)'
    expect(firstMatch(text, [tok('orders')])).toBe(0)
    expect(firstMatch('reorders, then orders', [tok('orders')])).toBe(15)
    expect(firstMatch('order_count', [tok('count')])).toBe(6)
    expect(firstMatch('recount', [tok('count')])).toBe(-1)
    expect(firstMatch('counting', [tok('count', true)])).toBe(0)
    expect(firstMatch('counting', [tok('count')])).toBe(-1)
    expect(marked(markText(text, [tok('orders')]))).toEqual(['Orders', 'ORDERS', 'orders'])
  })

  it('find words with accents and in other scripts as the index folds them', () => {
    expect(firstMatch('Résumé of café revenue', [tok('cafe')])).toBe(10)
    expect(firstMatch('Umsatz nach Größe', [tok('grosse')])).toBe(firstMatchByWords('Umsatz nach Größe', [tok('grosse')]))
    expect(firstMatch('売上 revenue 地域', [tok('revenue')])).toBe(3)
    expect(marked(markText('Café revenue — CAFÉ', [tok('cafe')]))).toEqual(['Café', 'CAFÉ'])
  })

  it('skip SQL grammar words where the SQL index does', () => {
    const sql = 'SELECT count(*) AS n, t.count FROM orders t'
    expect(firstMatch(sql, [tok('count')], isSqlStopwordAt)).toBe(firstMatchByWords(sql, [tok('count')], isSqlStopwordAt))
    expect(firstMatch(sql, [tok('count')], isSqlStopwordAt)).toBe(sql.indexOf('t.count') + 2)
  })

  it('are the same as the word-by-word reading on generated ASCII and non-ASCII text', () => {
    const rng = new Rng(14)
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)]!
    const words = ['orders', 'order', 'Orders', 'ORDER_ID', 'count', 'COUNT', 'recount', 'fct_orders', 'revenue', 'rev', 'net',
      'select', 'from', 'where', 'group', 'by', 'café', 'Café', 'naïve', 'Größe', 'straße', '2025', 'q4', 'nrr', 'NRR', 'x1', 'über']
    const seps = [' ', ' ', ' ', ', ', '.', '_', '(', ')', '*', '\n', '\t', '  ', ': ', '—', '-', "'"]
    const tokenPool = ['orders', 'order', 'count', 'rev', 'revenue', 'cafe', 'naive', 'nrr', 'q4', '2025', 'o', 'gross', 'uber', 'group']
    let nonAscii = 0
    for (let i = 0; i < 3000; i++) {
      const n = 1 + Math.floor(rng.next() * 40)
      let text = ''
      for (let k = 0; k < n; k++) text += pick(words) + pick(seps)
      if (/[^ -~\t\n\r]/.test(text)) nonAscii++
      const tokens = Array.from({ length: 1 + Math.floor(rng.next() * 3) }, () => tok(pick(tokenPool), rng.next() < 0.4))
      const ignore = rng.next() < 0.5 ? isSqlStopwordAt : undefined
      expect(firstMatch(text, tokens, ignore), JSON.stringify({ text, tokens })).toBe(firstMatchByWords(text, tokens, ignore))
      const snippet = markText(text, tokens, 40, ignore)
      const plain = snippet.replaceAll(MARK_START, '').replaceAll(MARK_END, '')
      // Every marked word is a match, and the window holds the first match when there is one.
      for (const w of marked(snippet)) expect(firstMatchByWords(w, tokens)).toBe(0)
      if (firstMatchByWords(text, tokens, ignore) >= 0) expect(marked(snippet).length, JSON.stringify({ text, tokens, snippet, plain })).toBeGreaterThan(0)
    }
    expect(nonAscii).toBeGreaterThan(500)
    expect(nonAscii).toBeLessThan(2900)
  })
})
