// Find in report's definition of a match, the words of a search that opened a report, Liquid spans and the
// placeholders that carry Liquid through the formatter.
import { describe, expect, it } from 'vitest'
import { findMatches, marksFor, searchTerms, termMatches } from '../../../../src/renderer/src/screens/report/find/find-matches.ts'
import { liquidRanges } from '../../../../src/renderer/src/screens/report/sql/liquid.ts'
import { formatSql, protectLiquid } from '../../../../src/renderer/src/screens/report/sql/format-sql.ts'

const fields = [
  { id: 'name', text: 'Orders by week' },
  { id: 'sql:q1', text: 'select order_id, orders.week from orders -- ORDER' },
]

describe('findMatches', () => {
  it('finds every occurrence in reading order, ignoring case unless asked', () => {
    expect(findMatches(fields, 'order', { caseSensitive: false, wholeWord: false }).map((m) => `${m.field}@${m.from}`))
      .toEqual(['name@0', 'sql:q1@7', 'sql:q1@17', 'sql:q1@34', 'sql:q1@44'])
    expect(findMatches(fields, 'ORDER', { caseSensitive: true, wholeWord: false }).map((m) => m.from)).toEqual([44])
  })
  it('with whole words, skips matches inside longer names (underscores are part of a name)', () => {
    expect(findMatches(fields, 'order', { caseSensitive: false, wholeWord: true }).map((m) => m.from)).toEqual([44])
    expect(findMatches(fields, 'week', { caseSensitive: false, wholeWord: true }).map((m) => m.field)).toEqual(['name', 'sql:q1'])
  })
  it('finds nothing for an empty text, and marks the current match within its field', () => {
    expect(findMatches(fields, '', { caseSensitive: false, wholeWord: false })).toEqual([])
    const all = findMatches(fields, 'order', { caseSensitive: false, wholeWord: false })
    expect(marksFor(all, 'sql:q1', 2)).toEqual({ ranges: [{ from: 7, to: 12 }, { from: 17, to: 22 }, { from: 34, to: 39 }, { from: 44, to: 49 }], current: 1 })
    expect(marksFor(all, 'name', 2).current).toBeNull()
  })
})

describe('searchTerms and termMatches', () => {
  it('keeps the free words and phrases of a library search, not its filters or negations', () => {
    expect(searchTerms('net revenue table:analytics.fct_orders -draft "gross margin" author:ana OR x')).toEqual(['net', 'revenue', 'gross margin'])
  })
  it('merges overlapping term matches', () => {
    expect(termMatches([{ id: 'n', text: 'revenue retention' }], ['rev', 'revenue', 'ret']).map((m) => [m.from, m.to])).toEqual([[0, 7], [8, 11]])
  })
})

describe('Liquid', () => {
  const sql = "{% form %}\nregion:\n  type: select\n  options: [a, b]\nsince:\n  type: date\n{% endform %}\nSELECT * FROM t WHERE r = '{{ region }}' {% if since %}AND d > '{{ since }}'{% endif %}"
  it('finds outputs, tags and whole form blocks', () => {
    expect(liquidRanges(sql).map((r) => sql.slice(r.from, r.to))).toEqual([
      "{% form %}\nregion:\n  type: select\n  options: [a, b]\nsince:\n  type: date\n{% endform %}", '{{ region }}', '{% if since %}', '{{ since }}', '{% endif %}',
    ])
    expect(liquidRanges('select {{ unclosed').map((r) => r.to)).toEqual([18])
  })
  it('carries Liquid through the formatter untouched, and never loses it', async () => {
    const { text, restore } = protectLiquid(sql)
    expect(text).not.toContain('{%')
    expect(restore(text)).toBe(sql)
    expect(restore(text.replace('mc_liquid_1_', ''))).toBeNull()
    const formatted = await formatSql(sql, 'postgresql')
    expect(formatted.ok).toBe(true)
    if (!formatted.ok) return
    for (const r of liquidRanges(sql)) expect(formatted.text).toContain(sql.slice(r.from, r.to))
    expect(formatted.text.replace(/\s+/g, ' ')).toContain("WHERE r = '{{ region }}'")
    const broken = await formatSql('SELECT (((', 'postgresql')
    expect(broken.ok).toBe(false)
  })
})
