// Table references in the constructs analysts' SQL uses and a simple FROM/JOIN reader gets wrong, each across
// the dialects that write it: the tables a user expects "which reports read this table?" to list, and the
// names (variables, aliases, partitions, truncated templated names) it must not list.
import { describe, expect, it } from 'vitest'
import { analyzeTableRefs, extractTableRefs } from '../../../src/main/sql/table-refs.ts'

type Case = [label: string, sql: string, tables: string[]]

const liquidBranches: Case[] = [
  ['if/else around the FROM table', "select * from {% if region == 'eu' %} eu.orders {% else %} us.orders {% endif %}", ['eu.orders', 'us.orders']],
  ['if/elsif/else, each with an alias', `select o.id from
     {% if src == 'a' %} raw_a.orders o {% elsif src == 'b' %} raw_b.orders o {% else %} raw_c.orders o {% endif %}
     join dim.customers c on c.id = o.customer_id`, ['raw_a.orders', 'raw_b.orders', 'raw_c.orders', 'dim.customers']],
  ['if/else choosing the joined table', `select * from fct.sessions s
     {% if mobile %} join app.devices d on d.id = s.device_id {% else %} join web.browsers d on d.id = s.browser_id {% endif %}`,
  ['fct.sessions', 'app.devices', 'web.browsers']],
  ['case/when over tables', "select * from {% case grain %}{% when 'day' %}mart.daily{% when 'week' %}mart.weekly{% else %}mart.monthly{% endcase %}",
    ['mart.daily', 'mart.weekly', 'mart.monthly']],
  ['unless/else', 'select * from {% unless test %} prod.events {% else %} staging.events {% endunless %} where ts > now()', ['prod.events', 'staging.events']],
  ['whitespace-control tags', 'select * from {%- if x -%} a.t1 {%- else -%} b.t2 {%- endif -%}', ['a.t1', 'b.t2']],
  ['a sub-query in one branch, a table in the other',
    'select * from {% if raw %} (select * from raw.clicks where bot = false) c {% else %} mart.clicks c {% endif %} join dim.pages p on true',
    ['raw.clicks', 'mart.clicks', 'dim.pages']],
  ['if around a WHERE clause leaves the FROM list alone', "select * from t {% if region != 'all' %} where region = '{{ region }}' {% endif %}", ['t']],
  ['nested if blocks', 'select * from {% if a %}{% if b %} x.one {% else %} x.two {% endif %}{% else %} x.three {% endif %}', ['x.one', 'x.two', 'x.three']],
  ['comma join inside a branch', 'select * from base.t {% if extra %}, extra.u {% else %}, extra.v {% endif %}', ['base.t', 'extra.u', 'extra.v']],
]

const liquidNames: Case[] = [
  ['schema built from a variable', 'select * from sales_{{ region }}.orders join dim.region r on true', ['dim.region']],
  ['table suffix from a variable', 'select * from analytics.events_{{ suffix }}', []],
  ['table prefix from a variable', 'select * from analytics.{{ env }}_orders o', []],
  ['variable in the middle', 'select * from raw.orders_{{ y }}_v2 join crm.accounts a on true', ['crm.accounts']],
  ['whole name a variable', 'select * from {{ table_name }}', []],
  ['BigQuery backticks beside a variable', 'select * from `proj.ds`.events_{{ day }}', []],
]

const nestedJoins: Case[] = [
  ['two levels', 'select * from ((a join b on a.id = b.id) join c on c.id = a.id)', ['a', 'b', 'c']],
  ['three levels with aliases', 'select * from (((x.a as aa join x.b bb on true) left join x.c cc on true) join x.d on true)', ['x.a', 'x.b', 'x.c', 'x.d']],
  ['SQL Server style', 'SELECT * FROM ((dbo.Orders o INNER JOIN dbo.Customers c ON o.cid = c.id) INNER JOIN dbo.Items i ON i.oid = o.id)',
    ['dbo.orders', 'dbo.customers', 'dbo.items']],
  ['sub-query inside double parentheses', 'select * from ((select * from raw.a) union all (select * from raw.b)) u', ['raw.a', 'raw.b']],
]

const updateAfterWith: Case[] = [
  ['Postgres', 'with s as (select id, score from staging.scores) update mart.users u set score = s.score from s where s.id = u.id',
    ['staging.scores', 'mart.users']],
  ['several CTEs', 'with a as (select * from raw.a), b as (select * from raw.b) update mart.t set x = 1 where id in (select id from a)',
    ['raw.a', 'raw.b', 'mart.t']],
  ['SQL Server', 'WITH dupes AS (SELECT id FROM dbo.events) UPDATE dbo.events SET dup = 1 WHERE id IN (SELECT id FROM dupes)', ['dbo.events']],
  ['FOR UPDATE in a CTE query is not a target', 'with s as (select * from app.jobs) select * from s for update', ['app.jobs']],
  ['DELETE after WITH', 'with old as (select id from app.sessions) delete from app.sessions where id in (select id from old)', ['app.sessions']],
]

const withoutInto: Case[] = [
  ['SQL Server INSERT t SELECT', 'INSERT dbo.daily SELECT d, count(*) FROM dbo.events GROUP BY d', ['dbo.daily', 'dbo.events']],
  ['INSERT t (cols) VALUES', "insert mart.audit (id, note) values (1, 'x')", ['mart.audit']],
  ['MySQL INSERT IGNORE', 'insert ignore shop.tags (name) select distinct tag from shop.raw_tags', ['shop.tags', 'shop.raw_tags']],
  ['BigQuery MERGE t USING', 'MERGE ds.customers T USING ds.staging S ON T.id = S.id WHEN MATCHED THEN UPDATE SET name = S.name WHEN NOT MATCHED THEN INSERT (id, name) VALUES (id, name)',
    ['ds.customers', 'ds.staging']],
  ['MERGE after WITH', 'with s as (select * from raw.x) merge mart.y t using s on t.id = s.id when matched then delete', ['raw.x', 'mart.y']],
  ['INSERT after WITH', 'with s as (select * from raw.x) insert mart.y select * from s', ['raw.x', 'mart.y']],
  ['MERGE … INSERT * is not a table', 'merge into m.t using m.s on t.id = s.id when not matched then insert *', ['m.t', 'm.s']],
]

const ctesWithoutAs: Case[] = [
  ['Databricks', 'with recent (select * from raw.events where ts > now() - interval 1 day) select * from recent', ['raw.events']],
  ['several', 'with a (select * from raw.a), b (select * from a join raw.b on true) select * from b', ['raw.a', 'raw.b']],
  ['a column list still is one', 'with m (x, y) as (select 1, 2 from s.t) select * from m', ['s.t']],
]

const lateralView: Case[] = [
  ['Hive explode', 'select e.id, t.tag from hive.events e lateral view explode(e.tags) t as tag join dim.tags d on d.tag = t.tag',
    ['hive.events', 'dim.tags']],
  ['posexplode: two column aliases', 'select * from db.events lateral view posexplode(items) p as pos, val where pos > 1', ['db.events']],
  ['OUTER', 'select * from db.events lateral view outer explode(items) it as item', ['db.events']],
  ['two lateral views', 'select * from db.t lateral view explode(a) x as ax lateral view explode(b) y as by_val join db.u on true', ['db.t', 'db.u']],
  ['qualified generator', 'select * from db.t lateral view inline(db.t.arr) s as k, v', ['db.t']],
  ['alias path is a column, not a table', 'select t.tag from hive.events lateral view explode(tags) t as tag, hive.other o', ['hive.events', 'hive.other']],
]

const selectInto: Case[] = [
  ['PL/pgSQL STRICT', 'select max(id) into strict last_id from app.users', ['app.users']],
  ['several variables', 'select min(ts), max(ts) into first_ts, last_ts from app.events', ['app.events']],
  ['MySQL @variable', 'select count(*) into @n from shop.orders', ['shop.orders']],
  ['Snowflake :variable', 'select count(*) into :row_count from raw.orders', ['raw.orders']],
  ['declared variable (MySQL procedure)', 'DECLARE n INT DEFAULT 0; SELECT COUNT(*) INTO n FROM shop.orders;', ['shop.orders']],
  ['BigQuery DECLARE a, b', 'declare lo, hi int64; select min(x), max(x) into lo, hi from ds.t; select * from ds.u where x between lo and hi', ['ds.t', 'ds.u']],
  ['Snowflake DECLARE section', 'DECLARE\n  row_count INTEGER;\n  total NUMBER;\nBEGIN\n  SELECT COUNT(*) INTO row_count FROM raw.orders;\nEND;', ['raw.orders']],
  ['SELECT INTO a new table still is one', 'select * into archive.orders_2023 from sales.orders where y = 2023', ['archive.orders_2023', 'sales.orders']],
]

const partitions: Case[] = [
  ['BigQuery backticked decorator', 'select * from `proj.ds.events$20240101`', ['proj.ds.events']],
  ['bare decorator', 'select * from ds.events$20240101 join ds.users u on true', ['ds.events', 'ds.users']],
  ['partition summary', 'select * from `ds.events$__PARTITIONS_SUMMARY__`', ['ds.events']],
  ['a $ inside a name stays', 'select * from sys.user$info', ['sys.user$info']],
]

const sqlServer: Case[] = [
  ['WITH (NOLOCK)', 'select * from dbo.orders with (nolock) join dbo.users u with (nolock) on u.id = orders.uid', ['dbo.orders', 'dbo.users']],
  ['bare (NOLOCK) after the name', 'select * from dbo.orders (nolock) join dbo.users u on u.id = orders.uid', ['dbo.orders', 'dbo.users']],
  ['(NOLOCK) after the alias', 'select * from dbo.orders o (nolock), dbo.items i (nolock)', ['dbo.orders', 'dbo.items']],
  ['several hints with INDEX()', 'select * from dbo.orders o with (nolock, index(ix_orders)) inner join dbo.x x on 1 = 1', ['dbo.orders', 'dbo.x']],
  ['db..table', 'select * from salesdb..orders o join salesdb..customers c on c.id = o.cid', ['salesdb.orders', 'salesdb.customers']],
  ['[db]..[table]', 'SELECT * FROM [SalesDb]..[Orders]', ['salesdb.orders']],
]

const groups: Array<[string, Case[]]> = [
  ['both branches of a Liquid {% if %}', liquidBranches],
  ['names built from a Liquid variable are never truncated', liquidNames],
  ['the first table of a nested parenthesised join', nestedJoins],
  ['UPDATE after WITH', updateAfterWith],
  ['INSERT / MERGE without INTO', withoutInto],
  ['Databricks CTEs without AS', ctesWithoutAs],
  ['LATERAL VIEW aliases', lateralView],
  ['SELECT … INTO variables', selectInto],
  ['BigQuery partition decorators', partitions],
  ['SQL Server table hints and db..table', sqlServer],
]

for (const [title, cases] of groups) {
  describe(title, () => {
    it.each(cases)('%s', (_label, sql, tables) => {
      expect([...extractTableRefs(sql)].sort()).toEqual([...tables].sort())
    })
  })
}

describe('reads and writes of these constructs', () => {
  it('UPDATE after WITH writes its target and reads the CTE source', () => {
    expect(analyzeTableRefs('with s as (select * from raw.x) update mart.y set v = 1 from s where s.id = y.id'))
      .toEqual({ reads: ['raw.x'], writes: ['mart.y'] })
  })
  it('INSERT and MERGE without INTO write their targets', () => {
    expect(analyzeTableRefs('insert mart.y select * from raw.x')).toEqual({ reads: ['raw.x'], writes: ['mart.y'] })
    expect(analyzeTableRefs('merge mart.c t using staging.c s on t.id = s.id when matched then delete'))
      .toEqual({ reads: ['staging.c'], writes: ['mart.c'] })
  })
  it('a Liquid branch of write targets writes each', () => {
    expect(analyzeTableRefs('insert into {% if eu %} eu.daily {% else %} us.daily {% endif %} select * from raw.e'))
      .toEqual({ reads: ['raw.e'], writes: ['eu.daily', 'us.daily'] })
  })
})
