// Every query of the sample workspace, read in its data source's dialect: each keyword and function of that dialect
// is tokenised as one, and no call is left as a plain name (the old highlighter left DATE_SUB, COUNTIF, WEEK… plain).
import { describe, expect, it } from 'vitest'
import { generateSampleWorkspace } from '../../../src/sim/generator.ts'
import { classifySql, type SqlToken } from '../../../src/renderer/src/screens/report/sql/classify.ts'
import { dialectByKey, dialectForAdapter, dialectKeyForAdapter, type DialectKey } from '../../../src/renderer/src/screens/report/sql/dialects.ts'

const truth = generateSampleWorkspace()
const adapters = new Map(truth.data_sources.map((d) => [d.id, d.adapter]))
const queries = truth.reports.flatMap((r) => r.queries.map((q) => ({ report: r.token, sql: q.raw_query, adapter: adapters.get(q.data_source_id) ?? null })))

const word = (t: SqlToken) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(t.text)
const kindsOf = (sql: string, key: DialectKey) => classifySql(sql, dialectByKey(key)).filter((t) => t.kind !== 'Other' && t.kind !== 'Punctuation')

/** CTE and sub-query names declared in the query (`name AS (`), which may legitimately precede a parenthesis. */
function declaredNames(sql: string): Set<string> {
  return new Set([...sql.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\s+AS\s*\(/gi)].map((m) => (m[1] as string).toLowerCase()))
}

describe('SQL dialects of the sample workspace', () => {
  it('has queries in every dialect the sample uses, and maps each adapter to its own dialect', () => {
    expect(queries.length).toBeGreaterThan(400)
    const keys = new Set(queries.map((q) => dialectKeyForAdapter(q.adapter)))
    expect([...keys].sort()).toEqual(['bigquery', 'mysql', 'postgres', 'redshift', 'snowflake', 'trino'])
    expect(dialectKeyForAdapter('jdbc:sqlserver')).toBe('sqlserver')
    expect(dialectKeyForAdapter('jdbc:databricks')).toBe('spark')
    expect(dialectKeyForAdapter('jdbc:trino')).toBe('trino')
    expect(dialectKeyForAdapter('jdbc:something-new')).toBe('standard')
    expect(dialectKeyForAdapter(null)).toBe('standard')
  })

  it('tokenises every keyword and function of the query\'s dialect as such, in every query', () => {
    const wrong: string[] = []
    for (const q of queries) {
      const dialect = dialectForAdapter(q.adapter)
      const tokens = classifySql(q.sql, dialect)
      const declared = declaredNames(q.sql)
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i] as SqlToken
        if (!word(t)) continue
        const lower = t.text.toLowerCase()
        const qualified = q.sql[t.from - 1] === '.' || q.sql[t.to] === '.'
        if (qualified) continue
        if (dialect.keywords.has(lower) && t.kind !== 'Keyword') wrong.push(`${dialect.key}: keyword ${t.text} read as ${t.kind}`)
        if (dialect.functions.has(lower) && !['Builtin', 'Keyword', 'Type'].includes(t.kind)) wrong.push(`${dialect.key}: function ${t.text} read as ${t.kind}`)
        const call = /^\s*\(/.test(q.sql.slice(t.to, t.to + 4))
        if (call && t.kind === 'Identifier' && !declared.has(lower)) wrong.push(`${dialect.key}: call ${t.text}( read as a plain name in ${q.report}`)
      }
    }
    expect([...new Set(wrong)]).toEqual([])
  })

  it('reads BigQuery\'s date functions, date parts and COUNTIF as functions and keywords, not plain text', () => {
    const sql = 'SELECT DATE_SUB(CURRENT_DATE(), INTERVAL 30 DAY) AS d, DATE_DIFF(a, b, WEEK), TIMESTAMP_TRUNC(ts, HOUR), COUNTIF(x > 0), SAFE_DIVIDE(a, b) FROM `p.d.t` QUALIFY ROW_NUMBER() OVER (PARTITION BY a ORDER BY b) = 1'
    const tokens = kindsOf(sql, 'bigquery')
    const kind = (text: string) => tokens.find((t) => t.text === text)?.kind
    for (const f of ['DATE_SUB', 'DATE_DIFF', 'TIMESTAMP_TRUNC', 'COUNTIF', 'SAFE_DIVIDE', 'ROW_NUMBER']) expect(kind(f), f).toBe('Builtin')
    for (const k of ['SELECT', 'INTERVAL', 'DAY', 'WEEK', 'HOUR', 'QUALIFY', 'OVER', 'PARTITION']) expect(['Keyword', 'Type'], k).toContain(kind(k))
    expect(kind('`p.d.t`')).toBe('QuotedIdentifier')
  })

  it('follows each dialect\'s quoting and comments', () => {
    expect(kindsOf('SELECT "Revenue" FROM t', 'snowflake').find((t) => t.text === '"Revenue"')?.kind).toBe('QuotedIdentifier')
    expect(kindsOf('SELECT "a string" FROM t', 'bigquery').find((t) => t.text === '"a string"')?.kind).toBe('String')
    expect(kindsOf('SELECT 1 # note\nFROM t', 'mysql').find((t) => t.text.startsWith('#'))?.kind).toBe('LineComment')
    expect(kindsOf('SELECT [Order Date] FROM t', 'sqlserver').find((t) => t.text === '[Order Date]')?.kind).toBe('QuotedIdentifier')
    expect(kindsOf('SELECT DIV0(a, b), IFF(a, 1, 2) FROM t', 'snowflake').filter((t) => t.kind === 'Builtin').map((t) => t.text)).toEqual(['DIV0', 'IFF'])
    expect(kindsOf('SELECT approx_distinct(a), date_diff(\'day\', a, b) FROM t', 'trino').filter((t) => t.kind === 'Builtin').map((t) => t.text)).toEqual(['approx_distinct', 'date_diff'])
    expect(kindsOf('SELECT DATEADD(day, -1, GETDATE()) FROM t', 'sqlserver').filter((t) => t.kind === 'Builtin').map((t) => t.text)).toEqual(['DATEADD', 'GETDATE'])
    expect(kindsOf('SELECT collect_set(a), explode(b) FROM t LATERAL VIEW x', 'spark').filter((t) => t.kind === 'Builtin').map((t) => t.text)).toEqual(['collect_set', 'explode'])
  })

  it('marks Liquid outputs, tags and whole form blocks as template, never as SQL', () => {
    const sql = "{% form %}\nregion:\n  type: select\n  default: all\n{% endform %}\nSELECT * FROM t WHERE r = '{{ region }}' {% if x %}AND 1 = 1{% endif %}"
    const liquid = classifySql(sql, dialectByKey('postgres')).filter((t) => t.kind === 'Liquid').map((t) => t.text)
    expect(liquid).toEqual(['{% form %}\nregion:\n  type: select\n  default: all\n{% endform %}', '{{ region }}', '{% if x %}', '{% endif %}'])
    const inside = classifySql(sql, dialectByKey('postgres')).filter((t) => t.text === 'select' || t.text === 'type')
    expect(inside).toEqual([])
  })
})
