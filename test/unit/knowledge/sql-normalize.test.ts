import { describe, expect, it } from 'vitest'
import { normalizeSql, sqlFingerprint } from '../../../src/main/knowledge/sql-normalize.ts'
import { compareQueries, describeQuery } from '../../../src/main/knowledge/duplicate-policy.ts'
import { diffSql } from '../../../src/main/knowledge/sql-diff.ts'

const fp = (sql: string): string => sqlFingerprint(normalizeSql(sql))
const BASE = `SELECT o.status, COUNT(*) AS orders FROM analytics.orders o WHERE o.amount > 10 AND o.region = 'EMEA' GROUP BY 1`

describe('SQL fingerprints', () => {
  it('ignore comments, whitespace, keyword case, literal values and alias names', () => {
    expect(fp(`-- copy\nselect   x.status,\n count(*) as n\nfrom analytics.orders x /* note */ where x.amount > 99 and x.region = 'APAC' group by 1`)).toBe(fp(BASE))
  })
  it('ignore Liquid form defaults but not which parameter is used', () => {
    const withForm = (d: string, p = 'start_date') => `SELECT day, SUM(amount) FROM sales WHERE day >= '{{ ${p} }}' GROUP BY 1\n{% form %}\n${p}:\n  type: date\n  default: ${d}\n{% endform %}`
    expect(fp(withForm('2024-01-01'))).toBe(fp(withForm('2026-12-31')))
    expect(fp(withForm('2024-01-01'))).not.toBe(fp(withForm('2024-01-01', 'end_date')))
  })
  it('tell apart another table, another column and another aggregate', () => {
    expect(fp(BASE.replace('analytics.orders', 'analytics.refunds'))).not.toBe(fp(BASE))
    expect(fp(BASE.replace('o.status', 'o.channel'))).not.toBe(fp(BASE))
    expect(fp(BASE.replace('COUNT(*)', 'SUM(o.amount)'))).not.toBe(fp(BASE))
  })
  it('keep a table name that is also an alias elsewhere, and FROM inside EXTRACT is no table', () => {
    const a = `SELECT EXTRACT(dow FROM i.paid_at) AS d, COUNT(*) AS orders FROM finance.orders i GROUP BY 1`
    const b = `SELECT EXTRACT(dow FROM inv.paid_at) AS weekday, COUNT(*) AS n FROM finance.orders inv GROUP BY 1`
    expect(fp(a)).toBe(fp(b))
    expect(normalizeSql(a).tokens).toContain('orders')
  })
  it('never calls short scratch queries duplicates, even when equal', () => {
    expect(compareQueries(describeQuery('SELECT 1'), describeQuery('SELECT 1'))).toBeNull()
    const long = describeQuery(BASE)
    expect(compareQueries(long, describeQuery(BASE.replace("'EMEA'", "'US'")))).toEqual({ kind: 'exact', similarity: 1 })
  })
  it('rate a drifted copy near and an unrelated query on the same table below the threshold', () => {
    const drifted = describeQuery(`${BASE.replace('GROUP BY 1', 'AND o.channel = \'web\' GROUP BY 1')}`)
    const other = describeQuery(`SELECT date_trunc('day', created_at), AVG(amount) AS aov, MAX(amount) FROM analytics.orders WHERE refunded GROUP BY 1 ORDER BY 1`)
    expect(compareQueries(describeQuery(BASE), drifted)?.kind).toBe('near')
    expect(compareQueries(describeQuery(BASE), other)).toBeNull()
  })
})

const REVENUE = `SELECT c.region, date_trunc('month', o.created_at) AS month, SUM(o.amount) AS revenue
FROM analytics.orders o
JOIN analytics.customers c ON c.id = o.customer_id
WHERE o.status = 'paid'
GROUP BY 1, 2
ORDER BY 2, 3 DESC`
const verdict = (a: string, b: string) => compareQueries(describeQuery(a), describeQuery(b))

describe('names a copy may change', () => {
  it('a table alias reads as the table, so a copy without aliases is the same query', () => {
    const noAliases = REVENUE.replaceAll('c.', 'customers.').replaceAll('o.', 'orders.').replace('orders o', 'orders').replace('customers c', 'customers')
    expect(fp(noAliases)).toBe(fp(REVENUE))
  })
  it('quoting and a statement-ending semicolon change nothing', () => {
    const quoted = `SELECT "c"."region", date_trunc('month', "o"."created_at") AS "month", SUM("o"."amount") AS "revenue"
FROM "analytics"."orders" "o" JOIN \`analytics.customers\` AS "c" ON "c"."id" = "o"."customer_id"
WHERE "o"."status" = 'paid' GROUP BY 1, 2 ORDER BY 2, 3 DESC;`
    expect(fp(quoted)).toBe(fp(REVENUE))
  })
  it('a column alias reads as its expression: renamed, or with a column added before it, it still matches its uses', () => {
    const renamed = REVENUE.replace('AS revenue', 'AS total').replace('ORDER BY 2, 3 DESC', 'ORDER BY total DESC')
    const original = REVENUE.replace('ORDER BY 2, 3 DESC', 'ORDER BY revenue DESC')
    expect(fp(renamed)).toBe(fp(original))
    // Columns of a CTE renamed with the CTE: its readers' `x.column` follow.
    const cte = (name: string, col: string) => `WITH ${name} AS (SELECT user_id, MIN(event_at) AS ${col} FROM events.sessions GROUP BY 1)
SELECT date_trunc('month', f.${col}) AS cohort, COUNT(*) AS users FROM ${name} f GROUP BY 1 ORDER BY 1`
    expect(fp(cte('first_seen', 'first_at'))).toBe(fp(cte('cohorts', 'started')))
  })
  it('the type in CAST(x AS type) is no alias, and the unit of date_trunc is the grain, not a value', () => {
    expect(normalizeSql('SELECT CAST(amount AS numeric) AS n FROM t').tokens).toContain('numeric')
    expect(fp(REVENUE.replace("'month'", "'day'"))).not.toBe(fp(REVENUE))
    expect(fp(REVENUE.replace('GROUP BY 1, 2', 'GROUP BY 2, 1'))).not.toBe(fp(REVENUE))
  })
  it('lists the tables read, without the CTEs', () => {
    expect(normalizeSql(`WITH x AS (SELECT * FROM a.b) SELECT * FROM x, c d JOIN \`p.q.r\` r ON r.id = x.id`).tables).toEqual(['a.b', 'c', 'p.q.r'])
  })
})

describe('the question a near-duplicate must share', () => {
  it('a drifted copy with one more measure or one more filter is near', () => {
    expect(verdict(REVENUE, REVENUE.replace('AS revenue', 'AS revenue, COUNT(*) AS orders'))?.kind).toBe('near')
    expect(verdict(REVENUE, REVENUE.replace("o.status = 'paid'", "o.status = 'paid' AND c.is_internal = false"))?.kind).toBe('near')
  })
  it('another measure, breakdown, grain or table is another report, however similar the text', () => {
    expect(verdict(REVENUE, REVENUE.replace('SUM(o.amount)', 'AVG(o.amount)'))).toBeNull()
    expect(verdict(REVENUE, REVENUE.replace('c.region', 'c.signup_channel'))).toBeNull()
    expect(verdict(REVENUE, REVENUE.replace("'month'", "'day'"))).toBeNull()
    expect(verdict(REVENUE, REVENUE.replace('analytics.orders', 'analytics.refunds'))).toBeNull()
  })
  it('the top of a ranking is not its bottom, but a copy that only adds a LIMIT is near', () => {
    const top = `${REVENUE.replace('ORDER BY 2, 3 DESC', 'ORDER BY revenue DESC')}\nLIMIT 20`
    expect(verdict(top, top.replace('revenue DESC', 'revenue ASC'))).toBeNull()
    expect(verdict(top, top.replace('LIMIT 20', 'LIMIT 50'))?.kind).toBe('exact')
    expect(verdict(REVENUE.replace('ORDER BY 2, 3 DESC', 'ORDER BY revenue DESC'), top)?.kind).toBe('near')
  })
})

describe('SQL diff', () => {
  it('numbers the lines of both sides and counts additions and removals', () => {
    const d = diffSql('SELECT a\nFROM t\nWHERE x = 1', 'SELECT a, b\nFROM t\nWHERE x = 1\nLIMIT 5')
    expect(d.lines).toEqual([
      { kind: 'removed', text: 'SELECT a', oldLine: 1, newLine: null },
      { kind: 'added', text: 'SELECT a, b', oldLine: null, newLine: 1 },
      { kind: 'same', text: 'FROM t', oldLine: 2, newLine: 2 },
      { kind: 'same', text: 'WHERE x = 1', oldLine: 3, newLine: 3 },
      { kind: 'added', text: 'LIMIT 5', oldLine: null, newLine: 4 },
    ])
    expect([d.added, d.removed]).toEqual([2, 1])
  })
  it('treats CRLF like LF', () => {
    expect(diffSql('a\r\nb', 'a\nb')).toEqual({ lines: [{ kind: 'same', text: 'a', oldLine: 1, newLine: 1 }, { kind: 'same', text: 'b', oldLine: 2, newLine: 2 }], added: 0, removed: 0 })
  })
})
