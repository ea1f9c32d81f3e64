// What the SQL word index keeps of a query: identifiers, not SQL grammar.
import { describe, expect, it } from 'vitest'
import { stripSqlStopwords } from '../../../src/main/search/sql-stopwords.ts'

const words = (sql: string): string[] => stripSqlStopwords(sql).toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []

describe('SQL stoplist', () => {
  it('drops keywords, common functions and casts, keeps tables, columns and aliases', () => {
    expect(words(`SELECT DATE_TRUNC('week', o.created_at)::timestamp AS week, COUNT(DISTINCT o.user_id) AS buyers
      FROM analytics.orders o LEFT JOIN analytics.users u ON u.id = o.user_id
      WHERE o.status IS NOT NULL GROUP BY 1 ORDER BY 1 DESC LIMIT 10`))
      .toEqual(['week', 'o', 'created_at', 'week', 'o', 'user_id', 'buyers', 'analytics', 'orders', 'o', 'analytics', 'users', 'u',
        'u', 'id', 'o', 'user_id', 'o', 'status', '1', '1', '10'])
  })

  it('keeps grammar words that are part of an identifier, qualified or quoted', () => {
    expect(words('SELECT order_count, t.count, "group", `select`, [order], max_sum FROM t')).toEqual(
      ['order_count', 't', 'count', 'group', 'select', 'order', 'max_sum', 't'])
  })

  it("drops Liquid tags and a form's attributes, keeps its parameter names and values", () => {
    const sql = `SELECT * FROM t WHERE d >= '{{ start_date }}' {% if segment != 'all' %} AND s = '{{ segment }}' {% endif %}
{% form %}
start_date:
  type: date
  default: 2025-01-01
segment:
  type: select
  default: smb
{% endform %}`
    expect(words(sql)).toEqual(['t', 'd', 'start_date', 'segment', 's', 'segment', 'start_date', '2025', '01', '01', 'segment', 'smb'])
  })
})
