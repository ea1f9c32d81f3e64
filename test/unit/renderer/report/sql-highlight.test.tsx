// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { tokenizeSql, type SqlToken } from '../../../../src/renderer/src/screens/report/sql-tokens.ts'
import { SqlCode } from '../../../../src/renderer/src/screens/report/SqlBlock.tsx'
import { mount, type Mounted } from '../library/render.ts'

const typed = (tokens: SqlToken[], type: SqlToken['type']) => tokens.filter((t) => t.type === type).map((t) => t.text)

describe('tokenizeSql', () => {
  const sql = `-- Net revenue retention
/* monthly */ SELECT date_trunc('month', o.created_at) AS month, COUNT(*) AS n, 1.5e3 AS x
FROM analytics.fct_orders o
JOIN "Sales"."Accounts" a ON a.id = o.account_id
WHERE o.status = 'it''s paid' AND o.amount > 100
  AND o.region = '{{ region }}' {% if include_test %}AND 1=1{% endif %}
GROUP BY 1 ORDER BY month DESC`
  const tokens = tokenizeSql(sql)

  it('gives back exactly the input when the tokens are joined', () => {
    expect(tokens.map((t) => t.text).join('')).toBe(sql)
    for (const odd of ["SELECT 'unterminated", '/* open comment', '{{ no end', 'a."b', '', '\u00e9\u00e8 ✓ SELECT']) {
      expect(tokenizeSql(odd).map((t) => t.text).join('')).toBe(odd)
    }
  })
  it('recognises keywords, functions, strings, comments, numbers, quoted names and Liquid', () => {
    expect(typed(tokens, 'comment')).toEqual(['-- Net revenue retention', '/* monthly */'])
    expect(typed(tokens, 'keyword')).toEqual(expect.arrayContaining(['SELECT', 'AS', 'FROM', 'JOIN', 'ON', 'WHERE', 'AND', 'GROUP', 'BY', 'ORDER', 'DESC']))
    expect(typed(tokens, 'function')).toEqual(['date_trunc', 'COUNT'])
    expect(typed(tokens, 'string')).toEqual(["'month'", "'it''s paid'", "'{{ region }}'"])
    expect(typed(tokens, 'number')).toEqual(['1.5e3', '100', '1', '1', '1'])
    expect(typed(tokens, 'quoted')).toEqual(['"Sales"', '"Accounts"'])
    expect(typed(tokens, 'liquid')).toEqual(['{% if include_test %}', '{% endif %}'])
  })
  it('does not treat a column named like a keyword after a dot as a keyword', () => {
    expect(typed(tokenizeSql('select t.order, t.date from t'), 'keyword')).toEqual(['select', 'from'])
  })
  it('keeps identifiers with digits whole', () => {
    expect(typed(tokenizeSql('select col2 from t1'), 'number')).toEqual([])
  })
})

describe('SqlCode', () => {
  let mounted: Mounted | null = null
  afterEach(() => { mounted?.unmount(); mounted = null })
  it('renders highlighted spans as text, never as markup', () => {
    const sql = "select '<img src=x onerror=alert(1)>' as html -- <b>bold</b>"
    mounted = mount(<SqlCode sql={sql} />)
    const code = mounted.container.querySelector('code') as HTMLElement
    expect(code.textContent).toBe(sql)
    expect(code.querySelector('img, b')).toBeNull()
    expect(code.querySelector('.sql-keyword')?.textContent).toBe('select')
    expect(code.querySelector('.sql-string')?.textContent).toBe("'<img src=x onerror=alert(1)>'")
    expect(code.querySelector('.sql-comment')?.textContent).toBe('-- <b>bold</b>')
  })
})
