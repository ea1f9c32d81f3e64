// extractTableRefs against real-world-shaped SQL from the dialects Mode users write. Each row: the SQL and the
// exact set of tables a user would expect "which reports read this table?" to list.
import { describe, expect, it } from 'vitest'
import { analyzeTableRefs, extractTableRefs } from '../../../src/main/sql/table-refs.ts'

const cases: Array<[label: string, sql: string, tables: string[]]> = [
  // ---- basics
  ['plain FROM', 'SELECT * FROM orders', ['orders']],
  ['schema-qualified', 'select id from analytics.fct_orders where amount > 0', ['analytics.fct_orders']],
  ['db.schema.table', 'SELECT * FROM prod_db.analytics.dim_customers', ['prod_db.analytics.dim_customers']],
  ['lowercases names', 'SELECT * FROM Analytics.Fct_Orders', ['analytics.fct_orders']],
  ['alias with AS', 'select o.id from analytics.orders as o', ['analytics.orders']],
  ['bare alias', 'select o.id from analytics.orders o where o.id = 1', ['analytics.orders']],
  ['comma joins', 'SELECT * FROM a.x, b.y yy, c.z AS zz WHERE x.id = yy.id', ['a.x', 'b.y', 'c.z']],
  ['inner/left/right/full/cross joins',
    `SELECT * FROM s.a
     INNER JOIN s.b ON a.id = b.id
     LEFT OUTER JOIN s.c ON c.id = b.id
     RIGHT JOIN s.d USING (id)
     FULL OUTER JOIN s.e ON TRUE
     CROSS JOIN s.f
     NATURAL JOIN s.g`, ['s.a', 's.b', 's.c', 's.d', 's.e', 's.f', 's.g']],
  ['JOIN USING columns are not tables', 'select * from t1 join t2 using (account_id, day)', ['t1', 't2']],
  ['comma after ON condition keeps the FROM list', 'select * from a join b on a.id = b.id, c where c.x = 1', ['a', 'b', 'c']],
  ['duplicates listed once', 'select * from x.t a join x.t b on a.p = b.id', ['x.t']],
  ['select list commas are not tables', 'SELECT a, b, c FROM t GROUP BY a, b ORDER BY c, a', ['t']],
  ['trailing semicolon and multiple statements', 'select * from a; select * from b;', ['a', 'b']],
  // ---- quoting
  ['double-quoted parts', 'SELECT * FROM "Analytics"."Order Items"', ['analytics.order items']],
  ['mixed quoted and bare', 'select * from "raw".events e', ['raw.events']],
  ['backtick BigQuery full path', 'SELECT * FROM `my-project.analytics.sessions`', ['my-project.analytics.sessions']],
  ['backtick per part', 'SELECT * FROM `my-project`.`analytics`.`sessions`', ['my-project.analytics.sessions']],
  ['MySQL backticks', 'SELECT * FROM `shop`.`orders` o JOIN `shop`.`users` u ON u.id = o.user_id', ['shop.orders', 'shop.users']],
  ['square brackets', 'SELECT * FROM [dbo].[Customers] c JOIN [sales].[Orders] o ON o.cid = c.id', ['dbo.customers', 'sales.orders']],
  ['BigQuery unquoted hyphenated project', 'select * from my-project-123.ds.tbl', ['my-project-123.ds.tbl']],
  ['BigQuery wildcard table', 'SELECT * FROM `proj.analytics_123.events_*` WHERE _TABLE_SUFFIX > "2024"', ['proj.analytics_123.events_*']],
  ['Snowflake db..table', 'select * from RAW..EVENTS', ['raw.events']],
  // ---- comments and strings
  ['line comment', '-- from secret.table\nselect * from t -- join other.t\n', ['t']],
  ['block comment', 'select /* from hidden.x */ * from /* join y */ visible.z', ['visible.z']],
  ['MySQL hash comment', '# from fake.t\nSELECT * FROM real_t # join fake2\n', ['real_t']],
  ['string with FROM inside', "select 'select * from fake.t' as q, \"x\" from real.t", ['real.t']],
  ['escaped quotes in strings', "select * from t where name = 'O''Brien from x' or n = 'it\\'s from y'", ['t']],
  ['dollar quoted string', 'select $$ from fake $$ as s from real_table', ['real_table']],
  ['Postgres JSON #>> operator is not a comment', "select data #>> '{a,b}' from events.raw join events.users u on true", ['events.raw', 'events.users']],
  ['BigQuery triple-quoted string', 'select """ from nope """ as s from ds.t', ['ds.t']],
  // ---- sub-queries and CTEs
  ['sub-query in FROM', 'select * from (select * from raw.orders) o join raw.users u on u.id = o.uid', ['raw.orders', 'raw.users']],
  ['sub-query in WHERE', 'select * from a where id in (select id from b where x not in (select x from c))', ['a', 'b', 'c']],
  ['EXISTS sub-query', 'select 1 from a where exists (select 1 from b where b.id = a.id)', ['a', 'b']],
  ['scalar sub-query in SELECT', 'select (select max(d) from events.log) as last, id from users', ['events.log', 'users']],
  ['CTE names are not tables',
    `WITH orders AS (SELECT * FROM analytics.fct_orders),
          customers AS (SELECT * FROM analytics.dim_customers)
     SELECT * FROM orders JOIN customers USING (customer_id)`, ['analytics.fct_orders', 'analytics.dim_customers']],
  ['recursive CTE',
    `with recursive tree(id, parent) as (
       select id, parent_id from org.units where parent_id is null
       union all
       select u.id, u.parent_id from org.units u join tree t on u.parent_id = t.id)
     select * from tree`, ['org.units']],
  ['nested WITH inside a sub-query',
    'select * from (with x as (select * from raw.a) select * from x join raw.b on true) s', ['raw.a', 'raw.b']],
  ['CTE with column list and MATERIALIZED',
    'with m (a, b) as materialized (select 1, 2 from s.t), n as not materialized (select * from m) select * from n',
    ['s.t']],
  ['schema-qualified name equal to a CTE is a table', 'with orders as (select 1) select * from orders join shop.orders on true', ['shop.orders']],
  ['CTE followed by INSERT', 'with s as (select * from raw.x) insert into mart.y select * from s', ['raw.x', 'mart.y']],
  ['set operations', 'select id from a.x union all select id from a.y except select id from a.z', ['a.x', 'a.y', 'a.z']],
  // ---- expressions that contain FROM
  ['EXTRACT ... FROM', 'select extract(year from created_at) as y from sales.orders', ['sales.orders']],
  ['SUBSTRING/TRIM ... FROM', "select substring(name from 1 for 3), trim(both ' ' from name) from people", ['people']],
  ['IS DISTINCT FROM', 'select * from a where a.x is distinct from a.y and a.z is not distinct from 1', ['a']],
  ['window functions', 'select sum(x) over (partition by a order by b rows between unbounded preceding and current row) from t', ['t']],
  ['CASE expressions', "select case when a > 1 then 'x' else 'y' end as c from t1 join t2 on t1.id = t2.id", ['t1', 't2']],
  // ---- table functions, UNNEST, LATERAL, VALUES
  ['generate_series is not a table', 'select d from generate_series(1, 10) as g(d) join cal.days on true', ['cal.days']],
  ['UNNEST', 'SELECT e.id, p.key FROM analytics.events e, UNNEST(e.params) AS p', ['analytics.events']],
  ['CROSS JOIN UNNEST (Presto)', 'select * from hive.web.pageviews cross join unnest(tags) as t(tag)', ['hive.web.pageviews']],
  ['BigQuery implicit unnest via alias path', 'select * from `p.d.events` e, e.event_params ep', ['p.d.events']],
  ['Snowflake LATERAL FLATTEN', "select f.value from raw.json_events j, lateral flatten(input => j.payload:items) f", ['raw.json_events']],
  ['Snowflake TABLE(GENERATOR)', 'select seq4() from table(generator(rowcount => 10)) join dim.dates d on true', ['dim.dates']],
  ['LEFT JOIN LATERAL sub-query', 'select * from users u left join lateral (select * from orders o where o.uid = u.id limit 1) x on true', ['users', 'orders']],
  ['VALUES list', 'select * from (values (1, 2), (3, 4)) as v(a, b) join t on t.a = v.a', ['t']],
  ['Postgres ONLY', 'select * from only public.parent_table', ['public.parent_table']],
  // ---- Liquid
  ['Liquid definition reference', 'select * from {{ @active_users as au }} join crm.accounts a on a.id = au.account_id', ['crm.accounts']],
  ['Liquid definition without alias', 'select * from {{@revenue_def}}', []],
  ['Liquid parameters in WHERE', "select * from events where ts > '{{ start_date }}' and country = {{ country }}", ['events']],
  ['Liquid if/else blocks', "select * from t {% if region != 'all' %} where region = '{{ region }}' {% endif %}", ['t']],
  ['Liquid form block is skipped',
    "select * from sales.orders\n{% form %}\nregion:\n  type: select\n  options: [from a, from b]\n{% endform %}",
    ['sales.orders']],
  ['Liquid-templated schema is not resolvable', 'select * from {{ schema }}.orders join real.t on true', ['real.t']],
  ['Liquid for loop', "select {% for c in cols %}{{ c }},{% endfor %} 1 from wide.table_x", ['wide.table_x']],
  ['unterminated Liquid does not crash', 'select * from t where x = {{ oops', ['t']],
  // ---- writes
  ['INSERT INTO ... SELECT', 'INSERT INTO mart.daily (d, n) SELECT d, count(*) FROM raw.events GROUP BY 1', ['mart.daily', 'raw.events']],
  ['INSERT ... VALUES', "insert into logs.audit values (1, 'from x')", ['logs.audit']],
  ['UPDATE ... FROM', 'UPDATE mart.users u SET score = s.score FROM staging.scores s WHERE s.id = u.id', ['mart.users', 'staging.scores']],
  ['DELETE ... USING', 'delete from mart.t using staging.t2 where t.id = t2.id', ['mart.t', 'staging.t2']],
  ['MERGE', `MERGE INTO mart.customers AS t USING staging.customers AS s ON t.id = s.id
     WHEN MATCHED THEN UPDATE SET name = s.name
     WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name)`, ['mart.customers', 'staging.customers']],
  ['CREATE TABLE AS', 'CREATE OR REPLACE TABLE mart.summary AS SELECT * FROM raw.orders', ['mart.summary', 'raw.orders']],
  ['CREATE VIEW', 'create view reporting.v_users as select * from app.users', ['reporting.v_users', 'app.users']],
  ['temporary tables are not tables',
    'CREATE TEMP TABLE tmp_orders AS SELECT * FROM raw.orders; SELECT * FROM tmp_orders JOIN raw.users ON true',
    ['raw.orders', 'raw.users']],
  ['SQL Server #temp tables', 'select * into #t from dbo.sales; select * from #t', ['dbo.sales']],
  ['DROP TABLE list', 'drop table if exists s.a, s.b', ['s.a', 's.b']],
  ['CREATE FUNCTION has no table target', "create function f() returns int as $$ select 1 from x $$ language sql", []],
  ['MySQL UPDATE with JOIN', 'UPDATE shop.orders o JOIN shop.users u ON u.id = o.uid SET o.flag = 1', ['shop.orders', 'shop.users']],
  ['MySQL SELECT INTO @var', 'select count(*) into @n from shop.orders', ['shop.orders']],
  // ---- dialect grab-bag
  ['Redshift DISTKEY / date functions', "select dateadd(day, -7, getdate()), * from public.sessions where date_trunc('week', ts) = '2024-01-01'", ['public.sessions']],
  ['Snowflake time travel', "select * from raw.orders at(offset => -60*5) o join raw.users u on u.id = o.uid", ['raw.orders', 'raw.users']],
  ['Snowflake QUALIFY', 'select * from a.b qualify row_number() over (partition by id order by ts desc) = 1', ['a.b']],
  ['Presto catalog.schema.table', 'SELECT * FROM hive.default.page_views pv JOIN mysql.crm.accounts a ON a.id = pv.account_id', ['hive.default.page_views', 'mysql.crm.accounts']],
  ['Postgres casts and arrays', "select id::text, tags[1], array['a','b'] from app.items where status = any(array[1,2])", ['app.items']],
  ['MySQL LIMIT offset, count', 'select * from shop.products limit 10, 20', ['shop.products']],
  ['Snowflake PIVOT', "select * from sales.monthly pivot(sum(amount) for month in ('JAN', 'FEB')) as p", ['sales.monthly']],
  ['BigQuery FOR SYSTEM_TIME', 'select * from ds.t for system_time as of timestamp_sub(current_timestamp(), interval 1 hour)', ['ds.t']],
  ['table named like a keyword in quotes', 'select * from "user" join "order" on true', ['user', 'order']],
  ['digit-leading dataset name (BigQuery)', 'select * from 2024_sales.orders', ['2024_sales.orders']],
  ['parenthesised join', 'select * from (a join b on a.id = b.id) left join c on c.id = a.id', ['a', 'b', 'c']],
  ['long real-world report query',
    `-- Weekly net revenue retention by cohort
     with cohorts as (
       select customer_id, date_trunc('month', min(created_at)) as cohort_month
       from analytics.fct_orders
       group by 1
     ), revenue as (
       select o.customer_id, date_trunc('month', o.created_at) as month, sum(o.amount_usd) as revenue
       from analytics.fct_orders o
       left join analytics.dim_refunds r on r.order_id = o.order_id
       where o.status <> 'cancelled' and o.created_at >= '{{ start_date }}'
       group by 1, 2
     )
     select c.cohort_month, r.month, sum(r.revenue) / nullif(sum(first_value(r.revenue) over (partition by c.cohort_month order by r.month)), 0) as nrr
     from cohorts c
     join revenue r using (customer_id)
     cross join {{ @fiscal_calendar as fc }}
     group by 1, 2
     order by 1, 2`, ['analytics.fct_orders', 'analytics.dim_refunds']],
]

describe('extractTableRefs', () => {
  it('has a broad table of cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60)
  })
  it.each(cases)('%s', (_label, sql, tables) => {
    expect([...extractTableRefs(sql)].sort()).toEqual([...tables].sort())
  })
})

describe('analyzeTableRefs', () => {
  it('separates written targets from read sources', () => {
    expect(analyzeTableRefs('insert into mart.daily select * from raw.events join raw.users on true')).toEqual({
      reads: ['raw.events', 'raw.users'],
      writes: ['mart.daily'],
    })
  })
})

describe('robustness', () => {
  const nasty = [
    '', ';;;', '(((((', ')))))', "'unterminated", '"unterminated', '`unterminated', '/* unterminated', '{{', '{%',
    'select * from', 'from', 'join join join', 'with', 'with x as', 'with x as (', 'select * from (select', '[',
    '$$', '$tag$ never closed', 'select * from a.', 'select * from .b', 'insert into', 'merge into', 'create table',
    'drop table if exists', '#', 'update', 'select * from {{ @ }}', 'SELECT * FROM a, , , b',
    'x'.repeat(10_000), '('.repeat(5000) + 'select * from deep' + ')'.repeat(5000),
  ]
  it.each(nasty.map((s) => [s.slice(0, 40), s]))('never throws on %j', (_l, sql) => {
    expect(Array.isArray(extractTableRefs(sql))).toBe(true)
  })
  it('still finds the table inside deeply nested parentheses', () => {
    expect(extractTableRefs('select * from ' + '('.repeat(200) + 'select * from deep.t' + ')'.repeat(200))).toEqual(['deep.t'])
  })
  it('tolerates non-string input from untyped callers', () => {
    expect(extractTableRefs(null as unknown as string)).toEqual([])
  })
})
