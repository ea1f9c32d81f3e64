// Realistic analytics SQL built from a handful of shapes analysts actually write in Mode: trends with Liquid
// parameters and a `{% form %}`, cohort retention in CTEs, joins against sub-queries, funnels, window-function
// top-N, year-over-year comparisons, definition references (`{{ @name as alias }}`) and quick scratch queries.
// Each query is built from the report's own seeded Rng, so the same seed always gives the same SQL.

import type { TruthParameter } from './truth.ts'
import type { Rng } from './prng.ts'
import { TABLES, type Dialect, type TableDef } from './sql-dialects.ts'

export interface SqlContext {
  rng: Rng
  dialect: Dialect
  /** Table keys of the report's domain; the first few are the most used. */
  tableKeys: readonly string[]
  metric: string
}

const GRAINS = ['day', 'week', 'month', 'quarter'] as const
const DEFINITIONS = ['active_customers', 'orders_enriched', 'clean_events', 'revenue_daily', 'fx_rates',
  'test_accounts', 'paid_accounts', 'first_orders', 'marketing_touches', 'calendar_dates']
const SEGMENT_OPTIONS = ['all', 'enterprise', 'smb', 'self_serve', 'mobile', 'web']

function table(ctx: SqlContext, index = 0): TableDef {
  const keys = ctx.tableKeys
  const key = index === 0 ? keys[ctx.rng.int(0, Math.min(2, keys.length - 1))]! : ctx.rng.pick(keys)
  return TABLES[key]!
}

/** A template's main table and a second, different one (customers when a few picks find none). */
function tablePair(ctx: SqlContext): [TableDef, TableDef] {
  const first = table(ctx)
  for (let attempt = 0; attempt < 4; attempt++) {
    const t = table(ctx, 1)
    if (t !== first) return [first, t]
  }
  return [first, TABLES.customers!]
}

function snake(metric: string): string {
  return metric.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '')
}

/**
 * The parameters of a form `dateForm` wrote, read back from SQL text (the truth's `parameters` for generated
 * and randomly edited SQL). Recognises only this file's own output, exactly; anything else has none.
 */
export function templateFormParameters(sql: string): TruthParameter[] {
  const m = /\{% form %\}\nstart_date:\n {2}type: date\n {2}default: (\S+)\nend_date:\n {2}type: date\n {2}default: today\n(segment:\n {2}type: select\n {2}default: all\n {2}options: \[([^\]\n]*)\]\n)?\{% endform %\}/.exec(sql)
  if (!m) return []
  const out: TruthParameter[] = [
    { name: 'start_date', type: 'date', default: m[1]!, options: [] },
    { name: 'end_date', type: 'date', default: 'today', options: [] },
  ]
  if (m[2]) out.push({ name: 'segment', type: 'select', default: 'all', options: m[3]!.split(', ') })
  return out
}

function dateForm(withSegment: boolean, defaultStart: string): string {
  return [
    '{% form %}',
    'start_date:',
    '  type: date',
    `  default: ${defaultStart}`,
    'end_date:',
    '  type: date',
    '  default: today',
    ...(withSegment ? ['segment:', '  type: select', '  default: all', `  options: [${SEGMENT_OPTIONS.join(', ')}]`] : []),
    '{% endform %}',
  ].join('\n')
}

function trend(ctx: SqlContext): string {
  const { dialect: d, rng } = ctx
  const t = table(ctx)
  const grain = rng.pick(GRAINS)
  const measure = rng.pick(t.measures)
  const dim = rng.pick(t.dims)
  const withSegment = rng.chance(0.6)
  return `-- ${ctx.metric}: ${grain}ly trend
SELECT
  ${d.trunc(grain, t.ts)} AS ${d.alias('period')},
  ${d.approxDistinct(t.entity)} AS ${d.alias(`Active ${t.entity.replace(/_id$/, '')}s`)},
  SUM(${measure}) AS ${d.alias(`Total ${measure}`)},
  ${d.safeDiv(`SUM(${measure})`, `COUNT(DISTINCT ${t.entity})`)} AS ${snake(ctx.metric)}
FROM ${d.table(t)}
WHERE ${t.ts} >= '{{ start_date }}'
  AND ${t.ts} < '{{ end_date }}'${withSegment ? `
{% if segment != 'all' %}
  AND ${dim} = '{{ segment }}'
{% endif %}` : ''}
GROUP BY 1
ORDER BY 1

${dateForm(withSegment, `${rng.int(2022, 2025)}-0${rng.int(1, 9)}-01`)}`
}

function cohortRetention(ctx: SqlContext): string {
  const { dialect: d, rng } = ctx
  const t = table(ctx)
  const grain = rng.pick(['week', 'month'] as const)
  const window = rng.pick([90, 180, 365, 730])
  return `WITH cohorts AS (
  -- first activity defines the cohort
  SELECT
    ${t.entity},
    MIN(${d.trunc(grain, t.ts)}) AS cohort_${grain}
  FROM ${d.table(t)}
  WHERE ${t.ts} >= ${d.daysAgo(window)}
  GROUP BY 1
),
activity AS (
  SELECT DISTINCT
    ${t.entity},
    ${d.trunc(grain, t.ts)} AS active_${grain}
  FROM ${d.table(t)}
)
SELECT
  c.cohort_${grain},
  ${d.dateDiffDays(`c.cohort_${grain}`, `a.active_${grain}`)} AS days_since_start,
  COUNT(DISTINCT a.${t.entity}) AS ${d.alias('Retained')},
  ${d.safeDiv(`COUNT(DISTINCT a.${t.entity})`, `MAX(cs.cohort_size)`)} AS ${d.alias('Retention %')}
FROM cohorts c
JOIN activity a
  ON a.${t.entity} = c.${t.entity}
 AND a.active_${grain} >= c.cohort_${grain}
JOIN (
  SELECT cohort_${grain}, COUNT(*) AS cohort_size FROM cohorts GROUP BY 1
) cs ON cs.cohort_${grain} = c.cohort_${grain}
GROUP BY 1, 2
ORDER BY 1, 2`
}

function joinSubquery(ctx: SqlContext): string {
  const { dialect: d, rng } = ctx
  const [t, u] = tablePair(ctx)
  const measure = rng.pick(t.measures)
  const dim = rng.pick(u.dims)
  const limit = rng.pick([20, 50, 100, 500])
  const key = t.entity === u.entity ? t.entity : u.id === t.entity ? u.id : t.entity
  return `/* ${ctx.metric} — top ${limit} by ${dim} */
SELECT
  u.${dim},
  COUNT(*) AS ${d.alias('Rows')},
  SUM(f.total_${measure}) AS ${d.alias(`Sum of ${measure}`)}
FROM (
  SELECT ${t.entity}, SUM(${measure}) AS total_${measure}
  FROM ${d.table(t)}
  WHERE ${t.ts} >= ${d.daysAgo(rng.pick([30, 90, 365]))}
  GROUP BY 1
) f
LEFT JOIN ${d.table(u)} u
  ON u.${key} = f.${t.entity}
WHERE u.${dim} IS NOT NULL
GROUP BY 1
ORDER BY 3 DESC
LIMIT ${limit}`
}

function definitionRef(ctx: SqlContext): string {
  const { dialect: d, rng } = ctx
  const def = rng.pick(DEFINITIONS)
  const alias = def.split('_').map((w) => w[0]).join('')
  const t = table(ctx)
  const dim = rng.pick(t.dims)
  return `-- built on the shared definition so numbers match the ${ctx.metric} dashboard
SELECT
  ${alias}.${dim},
  COUNT(DISTINCT ${alias}.${t.entity}) AS entities,
  SUM(x.${rng.pick(t.measures)}) AS total
FROM {{ @${def} as ${alias} }}
JOIN ${d.table(t)} x
  ON x.${t.entity} = ${alias}.${t.entity}
WHERE x.${t.ts} BETWEEN '{{ start_date }}' AND '{{ end_date }}'
  AND ${alias}.${t.entity} NOT IN (SELECT ${t.entity} FROM {{ @test_accounts }})
GROUP BY 1
ORDER BY 3 DESC

${dateForm(false, '2025-01-01')}`
}

function funnel(ctx: SqlContext): string {
  const { dialect: d, rng } = ctx
  const ev = TABLES.events!
  const steps = rng.pick([
    ['view_product', 'add_to_cart', 'begin_checkout', 'purchase'],
    ['signup_started', 'email_verified', 'profile_completed', 'first_project_created'],
    ['landing_view', 'pricing_view', 'trial_started', 'subscription_created'],
  ])
  const cte = steps.map((step, i) => `step_${i + 1} AS (
  SELECT user_id, MIN(event_ts) AS ts
  FROM ${d.table(ev)}
  WHERE event_name = '${step}'
    AND event_ts >= ${d.daysAgo(rng.pick([14, 30, 60]))}
  GROUP BY 1
)`).join(',\n')
  const joins = steps.slice(1).map((_, i) =>
    `LEFT JOIN step_${i + 2} s${i + 2} ON s${i + 2}.user_id = s1.user_id AND s${i + 2}.ts >= s${i + 1}.ts`).join('\n')
  const counts = steps.map((step, i) => `  COUNT(s${i + 1}.user_id) AS ${d.alias(step)}`).join(',\n')
  return `-- ${ctx.metric}: ${steps.length}-step funnel
WITH ${cte}
SELECT
${counts},
  ${d.safeDiv(`COUNT(s${steps.length}.user_id)`, 'COUNT(s1.user_id)')} AS ${d.alias('Conversion')}
FROM step_1 s1
${joins}
{% if platform %}
WHERE s1.user_id IN (SELECT user_id FROM ${d.table(TABLES.users!)} WHERE platform = '{{ platform }}')
{% endif %}`
}

function windowTopN(ctx: SqlContext): string {
  const { dialect: d, rng } = ctx
  const t = table(ctx)
  const dim = rng.pick(t.dims)
  const measure = rng.pick(t.measures)
  const n = rng.pick([3, 5, 10])
  const ranked = `SELECT
    ${dim},
    ${t.entity},
    SUM(${measure}) AS total_${measure},
    ROW_NUMBER() OVER (PARTITION BY ${dim} ORDER BY SUM(${measure}) DESC) AS rn
  FROM ${d.table(t)}
  WHERE ${t.ts} >= ${d.daysAgo(90)}
  GROUP BY 1, 2`
  if (d.key === 'snowflake') {
    return `-- top ${n} per ${dim}
SELECT ${dim}, ${t.entity}, SUM(${measure}) AS total_${measure}
FROM ${d.table(t)}
WHERE ${t.ts} >= ${d.daysAgo(90)}
GROUP BY 1, 2
QUALIFY ROW_NUMBER() OVER (PARTITION BY ${dim} ORDER BY SUM(${measure}) DESC) <= ${n}`
  }
  return `-- top ${n} per ${dim}
SELECT *
FROM (
  ${ranked}
) ranked
WHERE rn <= {{ top_n | default: ${n} }}
ORDER BY ${dim}, rn`
}

function yearOverYear(ctx: SqlContext): string {
  const { dialect: d, rng } = ctx
  const t = table(ctx)
  const measure = rng.pick(t.measures)
  return `WITH monthly AS (
  SELECT
    ${d.trunc('month', t.ts)} AS month,
    SUM(${measure}) AS ${measure}
  FROM ${d.table(t)}
  GROUP BY 1
)
SELECT
  month,
  ${measure},
  LAG(${measure}, 12) OVER (ORDER BY month) AS ${measure}_last_year,
  ${d.safeDiv(`${measure} - LAG(${measure}, 12) OVER (ORDER BY month)`, `LAG(${measure}, 12) OVER (ORDER BY month)`)} AS ${d.alias('YoY Growth')}
FROM monthly
ORDER BY month DESC`
}

function scratch(ctx: SqlContext): string {
  const { dialect: d, rng } = ctx
  const t = table(ctx)
  const dim = rng.pick(t.dims)
  return rng.chance(0.5)
    ? `select *
from ${d.table(t)}
where ${t.ts} > ${d.daysAgo(rng.pick([1, 7]))}
limit ${rng.pick([100, 1000])}`
    : `-- sanity check: duplicates in ${t.name}?
select ${dim}, count(*) as n, count(distinct ${t.id}) as distinct_ids
from ${d.table(t)}
group by 1
having count(*) <> count(distinct ${t.id})`
}

function unionChannels(ctx: SqlContext): string {
  const { dialect: d, rng } = ctx
  const [t, u] = tablePair(ctx)
  const mt = rng.pick(t.measures)
  const mu = rng.pick(u.measures)
  return `-- combine sources for ${ctx.metric}
SELECT '${t.name}' AS source, ${d.trunc('week', t.ts)} AS week, SUM(${mt}) AS value
FROM ${d.table(t)}
GROUP BY 1, 2
UNION ALL
SELECT '${u.name}' AS source, ${d.trunc('week', u.ts)} AS week, SUM(${mu}) AS value
FROM ${d.table(u)}
GROUP BY 1, 2
ORDER BY week, source`
}

const SHAPES: { weight: number; build: (ctx: SqlContext) => string }[] = [
  { weight: 5, build: trend },
  { weight: 3, build: cohortRetention },
  { weight: 4, build: joinSubquery },
  { weight: 2, build: definitionRef },
  { weight: 2, build: funnel },
  { weight: 2, build: windowTopN },
  { weight: 2, build: yearOverYear },
  { weight: 3, build: scratch },
  { weight: 1, build: unionChannels },
]
const SHAPE_CUMULATIVE = SHAPES.reduce<number[]>((acc, s) => [...acc, (acc.at(-1) ?? 0) + s.weight], [])

export function buildSql(ctx: SqlContext): string {
  // Template literals leave V8 ropes of dozens of pieces; normalize() flattens them into one string, which
  // halves the memory of a 100k-report workspace (and is faster overall through less GC).
  return SHAPES[ctx.rng.weighted(SHAPE_CUMULATIVE)]!.build(ctx).normalize('NFC')
}
