// Which SQL dialect a query is read in, from its data source's Mode adapter (`jdbc:bigquery`, …). Each dialect is a
// @codemirror/lang-sql dialect whose keywords include the warehouse's date parts and clauses and whose built-ins are
// the warehouse's functions, so `DATE_SUB`, `COUNTIF` or `DIV0` are highlighted as functions, not as plain names.
// `formatter` is the sql-formatter language used by the "Format SQL" view.
import { MSSQL, MySQL, PostgreSQL, SQLDialect, StandardSQL, type SQLDialectSpec } from '@codemirror/lang-sql'

export type DialectKey = 'bigquery' | 'snowflake' | 'postgres' | 'redshift' | 'mysql' | 'sqlserver' | 'trino' | 'spark' | 'standard'

export type FormatterLanguage = 'bigquery' | 'snowflake' | 'postgresql' | 'redshift' | 'mysql' | 'transactsql' | 'trino' | 'spark' | 'sql'

export interface QueryDialect {
  key: DialectKey
  /** What the SQL view calls it ("BigQuery"). */
  label: string
  sql: SQLDialect
  formatter: FormatterLanguage
  /** Lower-case words tokenised as keywords and as functions (the dialect test checks both). */
  keywords: ReadonlySet<string>
  functions: ReadonlySet<string>
}

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean).map((w) => w.toLowerCase())

/**
 * The words a lang-sql dialect tokenises like `sample` (its keywords for `select`, its types for `integer`), read from
 * the dialect's word table: the standard lists themselves are not exported. The field is internal to lang-sql, whose
 * version is pinned; the dialect test fails loudly if it ever stops being there.
 */
function wordsLike(dialect: SQLDialect, sample: string): string[] {
  const table = (dialect as unknown as { dialect?: { words?: Record<string, number> } }).dialect?.words ?? {}
  const token = table[sample]
  return token === undefined ? [] : Object.keys(table).filter((w) => table[w] === token)
}

// Date and time parts, as written unquoted in DATE_TRUNC(x, WEEK), INTERVAL 7 DAY, DATEADD(day, …), EXTRACT(…).
const DATE_PARTS = 'microsecond millisecond second minute hour day dayofweek dayofyear week isoweek month quarter year isoyear epoch'
// Clauses and words of the analytics warehouses that standard SQL lacks.
const ANALYTIC_KEYWORDS = 'qualify over partition window filter within ilike rlike regexp limit offset nulls ignore respect lateral unnest struct array tablesample pivot unpivot'

// Functions every warehouse here has, in one spelling or another.
const COMMON_FUNCTIONS = `sum avg min max coalesce nullif cast extract row_number rank dense_rank percent_rank cume_dist
  ntile lag lead first_value last_value nth_value greatest least abs round floor ceil ceiling mod power sqrt exp ln log sign
  lower upper trim ltrim rtrim length substring substr replace concat lpad rpad reverse regexp_replace position stddev
  variance stddev_samp stddev_pop var_samp var_pop corr covar_pop covar_samp percentile_cont percentile_disc median mode
  listagg string_agg array_agg any_value bool_and bool_or date_trunc current_timestamp now to_char to_date to_timestamp
  json_extract_path_text split_part strpos initcap md5 random`

const CLAUSE_WORDS = new Set(words(`left right replace if date time timestamp interval count current_date current_time
  current_timestamp ${DATE_PARTS}`))

interface DialectDef {
  key: DialectKey
  label: string
  formatter: FormatterLanguage
  /** The lang-sql dialect whose tokenizer options (quotes, comments, operators) this one follows. */
  base: SQLDialect
  keywords: string
  functions: string
}

const DEFS: DialectDef[] = [
  {
    key: 'bigquery', label: 'BigQuery', formatter: 'bigquery', base: MySQL,
    keywords: 'except replace safe offset ordinal struct array unnest qualify',
    functions: `date_sub date_add date_diff date_trunc datetime_sub datetime_add datetime_diff datetime_trunc
      timestamp_sub timestamp_add timestamp_diff timestamp_trunc time_sub time_add time_diff time_trunc format_date
      format_timestamp format_datetime parse_date parse_timestamp parse_datetime current_date current_datetime
      unix_seconds unix_millis timestamp_seconds timestamp_millis date datetime timestamp last_day generate_date_array
      countif logical_and logical_or safe_divide safe_cast ieee_divide approx_count_distinct approx_quantiles
      approx_top_count hll_count array_length array_to_string split starts_with ends_with regexp_contains
      regexp_extract regexp_extract_all json_extract json_extract_scalar json_value json_query to_json_string
      farm_fingerprint generate_uuid ifnull if div`,
  },
  {
    key: 'snowflake', label: 'Snowflake', formatter: 'snowflake', base: StandardSQL,
    keywords: 'qualify ilike rlike lateral flatten sample',
    functions: `dateadd datediff timeadd timediff timestampadd timestampdiff date_part date_from_parts last_day
      to_varchar to_number try_to_date try_to_number try_cast current_date current_time convert_timezone
      div0 div0null iff ifnull nvl nvl2 zeroifnull nullifzero decode approx_count_distinct hll count_if
      array_size array_construct array_agg object_construct parse_json flatten split split_to_table regexp_substr
      regexp_like contains startswith endswith editdistance uuid_string hash sha2 monthname dayname year month day
      week quarter dayofweek`,
  },
  {
    key: 'postgres', label: 'PostgreSQL', formatter: 'postgresql', base: PostgreSQL,
    keywords: '',
    functions: `date_part age make_date make_interval generate_series to_number justify_days clock_timestamp
      json_agg jsonb_agg json_build_object jsonb_build_object jsonb_extract_path_text array_length unnest
      regexp_matches string_to_array array_to_string format left right`,
  },
  {
    key: 'redshift', label: 'Redshift', formatter: 'redshift', base: PostgreSQL,
    keywords: 'approximate',
    functions: `dateadd datediff date_part getdate sysdate convert_timezone months_between add_months last_day
      nvl nvl2 decode listagg median approximate regexp_substr regexp_count json_extract_path_text len charindex`,
  },
  {
    key: 'mysql', label: 'MySQL', formatter: 'mysql', base: MySQL,
    keywords: '',
    functions: `date_sub date_add adddate subdate datediff timestampdiff timestampadd date_format str_to_date
      curdate curtime sysdate now date time weekday dayofweek dayofmonth dayofyear yearweek last_day from_unixtime
      unix_timestamp year month day week quarter hour minute ifnull if group_concat char_length locate instr
      json_extract json_unquote`,
  },
  {
    key: 'sqlserver', label: 'SQL Server', formatter: 'transactsql', base: MSSQL,
    keywords: 'top',
    functions: `dateadd datediff datepart datename datefromparts eomonth getdate getutcdate sysdatetime format
      convert try_convert try_cast isnull iif len charindex patindex stuff string_split count_big`,
  },
  {
    key: 'trino', label: 'Trino / Presto', formatter: 'trino', base: StandardSQL,
    keywords: 'unnest tablesample',
    functions: `date_diff date_add date_format date_parse from_iso8601_timestamp from_unixtime to_unixtime
      current_date current_timezone approx_distinct approx_percentile approx_set count_if arbitrary try try_cast
      if element_at cardinality array_join split regexp_like regexp_extract json_extract json_extract_scalar
      day_of_week day_of_year year month day week quarter`,
  },
  {
    key: 'spark', label: 'Databricks / Spark SQL', formatter: 'spark', base: MySQL,
    keywords: 'lateral explode',
    functions: `date_sub date_add datediff date_format to_date to_timestamp unix_timestamp from_unixtime
      months_between add_months last_day trunc current_date year month day weekofyear dayofweek quarter if ifnull
      nvl nanvl approx_count_distinct collect_list collect_set explode size split regexp_extract array_contains
      get_json_object from_json count_if`,
  },
  { key: 'standard', label: 'SQL', formatter: 'sql', base: StandardSQL, keywords: '', functions: '' },
]

function build(def: DialectDef): QueryDialect {
  const keywords = new Set([...wordsLike(def.base, 'select'), ...words(DATE_PARTS), ...words(ANALYTIC_KEYWORDS), ...words(def.keywords)])
  const types = new Set(wordsLike(def.base, 'integer'))
  // MSSQL's built-ins in lang-sql are its functions; MySQL's are client commands (`pager`, `tee`), not kept.
  const functions = new Set([...words(COMMON_FUNCTIONS), ...words(def.functions), ...(def.base === MSSQL ? words(MSSQL.spec.builtin ?? '') : [])])
  // A function is tokenised as a built-in (lang-sql gives built-ins the last word), except words that also start
  // clauses or name types and date parts (`LEFT JOIN`, `CAST(x AS DATE)`, `INTERVAL 7 DAY`): those keep their role.
  const builtin = [...functions].filter((f) => !(CLAUSE_WORDS.has(f) && (keywords.has(f) || types.has(f))))
  for (const f of builtin) { keywords.delete(f); types.delete(f) }
  const spec: SQLDialectSpec = {
    ...def.base.spec,
    keywords: [...keywords].join(' '),
    builtin: builtin.join(' '),
    types: [...types].join(' '),
    // Mode's Liquid `{{ … }}` is marked separately (liquid.ts); braces stay punctuation for the SQL parser.
    identifierQuotes: def.key === 'bigquery' || def.key === 'mysql' || def.key === 'spark' ? '`' : def.key === 'sqlserver' ? '"[' : '"',
    // BigQuery and Spark read "…" as a string, like MySQL; the rest quote identifiers with it.
    doubleQuotedStrings: def.key === 'bigquery' || def.key === 'mysql' || def.key === 'spark',
    hashComments: def.key === 'bigquery' || def.key === 'mysql',
    // `--comment` without a space is a comment everywhere but MySQL.
    spaceAfterDashes: def.key === 'mysql',
  }
  return {
    key: def.key, label: def.label, formatter: def.formatter, sql: SQLDialect.define(spec),
    keywords, functions,
  }
}

const cache = new Map<DialectKey, QueryDialect>()

export function dialectByKey(key: DialectKey): QueryDialect {
  let d = cache.get(key)
  if (!d) {
    d = build(DEFS.find((x) => x.key === key) as DialectDef)
    cache.set(key, d)
  }
  return d
}

/**
 * The dialect for a Mode data source adapter. Mode names adapters `jdbc:<driver>`; the sample and the fixtures show
 * jdbc:postgresql, jdbc:redshift, jdbc:snowflake, jdbc:bigquery, jdbc:mysql and jdbc:presto. The other spellings
 * (jdbc:sqlserver, jdbc:trino, jdbc:databricks, jdbc:spark, jdbc:athena, …) are assumed from the JDBC driver names,
 * hence the loose matching; anything unknown reads as standard SQL.
 */
export function dialectKeyForAdapter(adapter: string | null | undefined): DialectKey {
  const a = (adapter ?? '').toLowerCase()
  if (a.includes('bigquery')) return 'bigquery'
  if (a.includes('snowflake')) return 'snowflake'
  if (a.includes('redshift')) return 'redshift'
  if (a.includes('postgres') || a.includes('greenplum') || a.includes('vertica')) return 'postgres'
  if (a.includes('mysql') || a.includes('mariadb') || a.includes('singlestore') || a.includes('memsql')) return 'mysql'
  if (a.includes('sqlserver') || a.includes('mssql') || a.includes('azure') || a.includes('synapse')) return 'sqlserver'
  if (a.includes('presto') || a.includes('trino') || a.includes('athena') || a.includes('starburst')) return 'trino'
  if (a.includes('databricks') || a.includes('spark') || a.includes('hive') || a.includes('impala')) return 'spark'
  return 'standard'
}

export function dialectForAdapter(adapter: string | null | undefined): QueryDialect {
  return dialectByKey(dialectKeyForAdapter(adapter))
}
