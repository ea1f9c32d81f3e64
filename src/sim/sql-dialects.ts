// How each warehouse spells the same analytics SQL: table qualification, date truncation, intervals, safe
// division and quoted aliases. The adapters match Mode's `data_sources[].adapter` values.

export type DialectKey = 'postgres' | 'redshift' | 'snowflake' | 'bigquery' | 'mysql' | 'trino'

export interface TableDef {
  schema: string
  name: string
  /** Primary key. */
  id: string
  /** The main timestamp column. */
  ts: string
  /** The entity the table is about (customer, user, account…). */
  entity: string
  /** Numeric columns worth summing or averaging. */
  measures: string[]
  /** Categorical columns worth grouping by. */
  dims: string[]
}

export interface Dialect {
  key: DialectKey
  adapter: string
  table(t: TableDef): string
  trunc(grain: 'day' | 'week' | 'month' | 'quarter', column: string): string
  daysAgo(days: number): string
  safeDiv(numerator: string, denominator: string): string
  alias(name: string): string
  approxDistinct(column: string): string
  dateDiffDays(from: string, to: string): string
}

const dq = (name: string): string => `"${name}"`
const bt = (name: string): string => `\`${name}\``

export const DIALECTS: Record<DialectKey, Dialect> = {
  postgres: {
    key: 'postgres',
    adapter: 'jdbc:postgresql',
    table: (t) => `${t.schema}.${t.name}`,
    trunc: (g, c) => `date_trunc('${g}', ${c})::date`,
    daysAgo: (n) => `current_date - interval '${n} days'`,
    safeDiv: (a, b) => `${a}::numeric / nullif(${b}, 0)`,
    alias: dq,
    approxDistinct: (c) => `count(distinct ${c})`,
    dateDiffDays: (a, b) => `(${b}::date - ${a}::date)`,
  },
  redshift: {
    key: 'redshift',
    adapter: 'jdbc:redshift',
    table: (t) => `${t.schema}.${t.name}`,
    trunc: (g, c) => `date_trunc('${g}', ${c})`,
    daysAgo: (n) => `dateadd(day, -${n}, getdate())`,
    safeDiv: (a, b) => `${a}::float / nullif(${b}, 0)`,
    alias: dq,
    approxDistinct: (c) => `approximate count(distinct ${c})`,
    dateDiffDays: (a, b) => `datediff(day, ${a}, ${b})`,
  },
  snowflake: {
    key: 'snowflake',
    adapter: 'jdbc:snowflake',
    table: (t) => `ANALYTICS.${t.schema.toUpperCase()}.${t.name.toUpperCase()}`,
    trunc: (g, c) => `DATE_TRUNC('${g.toUpperCase()}', ${c})`,
    daysAgo: (n) => `DATEADD(day, -${n}, CURRENT_DATE())`,
    safeDiv: (a, b) => `DIV0(${a}, ${b})`,
    alias: dq,
    approxDistinct: (c) => `APPROX_COUNT_DISTINCT(${c})`,
    dateDiffDays: (a, b) => `DATEDIFF('day', ${a}, ${b})`,
  },
  bigquery: {
    key: 'bigquery',
    adapter: 'jdbc:bigquery',
    table: (t) => `\`acme-data-prod.${t.schema}.${t.name}\``,
    trunc: (g, c) => `DATE_TRUNC(DATE(${c}), ${g.toUpperCase()})`,
    daysAgo: (n) => `DATE_SUB(CURRENT_DATE(), INTERVAL ${n} DAY)`,
    safeDiv: (a, b) => `SAFE_DIVIDE(${a}, ${b})`,
    alias: bt,
    approxDistinct: (c) => `APPROX_COUNT_DISTINCT(${c})`,
    dateDiffDays: (a, b) => `DATE_DIFF(DATE(${b}), DATE(${a}), DAY)`,
  },
  mysql: {
    key: 'mysql',
    adapter: 'jdbc:mysql',
    table: (t) => `\`${t.schema === 'analytics' ? 'shop' : t.schema}\`.\`${t.name}\``,
    trunc: (g, c) => g === 'month' ? `DATE_FORMAT(${c}, '%Y-%m-01')`
      : g === 'week' ? `DATE_SUB(DATE(${c}), INTERVAL WEEKDAY(${c}) DAY)` : `DATE(${c})`,
    daysAgo: (n) => `DATE_SUB(NOW(), INTERVAL ${n} DAY)`,
    safeDiv: (a, b) => `${a} / NULLIF(${b}, 0)`,
    alias: bt,
    approxDistinct: (c) => `COUNT(DISTINCT ${c})`,
    dateDiffDays: (a, b) => `DATEDIFF(${b}, ${a})`,
  },
  trino: {
    key: 'trino',
    adapter: 'jdbc:presto',
    table: (t) => `hive.${t.schema}.${t.name}`,
    trunc: (g, c) => `date_trunc('${g}', ${c})`,
    daysAgo: (n) => `current_date - interval '${n}' day`,
    safeDiv: (a, b) => `cast(${a} as double) / nullif(${b}, 0)`,
    alias: dq,
    approxDistinct: (c) => `approx_distinct(${c})`,
    dateDiffDays: (a, b) => `date_diff('day', ${a}, ${b})`,
  },
}

/** The warehouse tables the sample company's analysts query, by key. */
export const TABLES: Record<string, TableDef> = {
  orders: { schema: 'analytics', name: 'fct_orders', id: 'order_id', ts: 'ordered_at', entity: 'customer_id',
    measures: ['net_revenue', 'gross_revenue', 'discount_amount', 'item_count'], dims: ['channel', 'country', 'order_status', 'platform'] },
  customers: { schema: 'analytics', name: 'dim_customers', id: 'customer_id', ts: 'signed_up_at', entity: 'customer_id',
    measures: ['lifetime_revenue', 'order_count'], dims: ['acquisition_channel', 'country', 'customer_tier', 'segment'] },
  subscriptions: { schema: 'analytics', name: 'fct_subscriptions', id: 'subscription_id', ts: 'started_at', entity: 'account_id',
    measures: ['mrr', 'seats'], dims: ['plan', 'billing_interval', 'segment'] },
  invoices: { schema: 'finance', name: 'fct_invoices', id: 'invoice_id', ts: 'issued_at', entity: 'account_id',
    measures: ['amount_usd', 'tax_usd'], dims: ['currency', 'invoice_status', 'plan'] },
  payments: { schema: 'finance', name: 'fct_payments', id: 'payment_id', ts: 'captured_at', entity: 'customer_id',
    measures: ['amount_usd', 'fee_usd'], dims: ['payment_method', 'processor', 'payment_status', 'country'] },
  refunds: { schema: 'finance', name: 'fct_refunds', id: 'refund_id', ts: 'refunded_at', entity: 'customer_id',
    measures: ['refund_amount_usd'], dims: ['refund_reason', 'channel'] },
  events: { schema: 'events', name: 'fct_events', id: 'event_id', ts: 'event_ts', entity: 'user_id',
    measures: ['duration_ms'], dims: ['event_name', 'platform', 'app_version', 'country'] },
  users: { schema: 'analytics', name: 'dim_users', id: 'user_id', ts: 'created_at', entity: 'user_id',
    measures: ['sessions_30d'], dims: ['signup_source', 'platform', 'country', 'is_verified'] },
  sessions: { schema: 'events', name: 'fct_sessions', id: 'session_id', ts: 'session_start', entity: 'user_id',
    measures: ['pageviews', 'session_seconds'], dims: ['utm_source', 'utm_medium', 'device_type', 'landing_page'] },
  page_views: { schema: 'events', name: 'page_views', id: 'page_view_id', ts: 'viewed_at', entity: 'user_id',
    measures: ['load_time_ms'], dims: ['page_path', 'referrer_domain', 'device_type'] },
  search_queries: { schema: 'events', name: 'search_queries', id: 'search_id', ts: 'searched_at', entity: 'user_id',
    measures: ['result_count', 'clicked_position'], dims: ['search_term', 'platform'] },
  experiments: { schema: 'experiments', name: 'exposures', id: 'exposure_id', ts: 'exposed_at', entity: 'user_id',
    measures: ['converted'], dims: ['experiment_key', 'variant', 'platform'] },
  marketing_spend: { schema: 'marketing', name: 'fct_ad_spend', id: 'spend_id', ts: 'spend_date', entity: 'campaign_id',
    measures: ['spend_usd', 'impressions', 'clicks'], dims: ['channel', 'network', 'country'] },
  campaigns: { schema: 'marketing', name: 'dim_campaigns', id: 'campaign_id', ts: 'launched_at', entity: 'campaign_id',
    measures: ['budget_usd'], dims: ['campaign_type', 'channel', 'objective'] },
  email_sends: { schema: 'marketing', name: 'email_sends', id: 'send_id', ts: 'sent_at', entity: 'customer_id',
    measures: ['opened', 'clicked'], dims: ['campaign_name', 'template', 'list_name'] },
  shipments: { schema: 'ops', name: 'fct_shipments', id: 'shipment_id', ts: 'shipped_at', entity: 'order_id',
    measures: ['shipping_cost_usd', 'weight_kg'], dims: ['carrier', 'warehouse', 'service_level', 'destination_country'] },
  inventory: { schema: 'ops', name: 'inventory_snapshots', id: 'snapshot_id', ts: 'snapshot_date', entity: 'sku',
    measures: ['on_hand_units', 'reserved_units'], dims: ['warehouse', 'category', 'supplier'] },
  support_tickets: { schema: 'support', name: 'zendesk_tickets', id: 'ticket_id', ts: 'created_at', entity: 'customer_id',
    measures: ['first_response_minutes', 'csat_score'], dims: ['priority', 'ticket_channel', 'topic', 'assignee_team'] },
  products: { schema: 'analytics', name: 'dim_products', id: 'sku', ts: 'launched_at', entity: 'sku',
    measures: ['list_price', 'unit_cost'], dims: ['category', 'brand', 'supplier'] },
  returns: { schema: 'ops', name: 'fct_returns', id: 'return_id', ts: 'returned_at', entity: 'order_id',
    measures: ['refund_amount_usd', 'units'], dims: ['return_reason', 'warehouse', 'category'] },
  opportunities: { schema: 'salesforce', name: 'opportunity', id: 'opportunity_id', ts: 'close_date', entity: 'account_id',
    measures: ['amount', 'probability'], dims: ['stage_name', 'owner_name', 'lead_source', 'region'] },
  accounts: { schema: 'salesforce', name: 'account', id: 'account_id', ts: 'created_date', entity: 'account_id',
    measures: ['annual_revenue', 'number_of_employees'], dims: ['industry', 'region', 'account_tier'] },
  dbt_runs: { schema: 'meta', name: 'dbt_model_runs', id: 'run_id', ts: 'started_at', entity: 'model_name',
    measures: ['execution_seconds', 'rows_affected'], dims: ['status', 'materialization', 'target'] },
  query_history: { schema: 'meta', name: 'warehouse_query_history', id: 'query_id', ts: 'start_time', entity: 'user_name',
    measures: ['credits_used', 'bytes_scanned'], dims: ['warehouse_name', 'role_name', 'query_type'] },
  table_stats: { schema: 'meta', name: 'table_stats_daily', id: 'table_id', ts: 'stat_date', entity: 'table_name',
    measures: ['row_count', 'null_rate'], dims: ['schema_name', 'owner_team'] },
  employees: { schema: 'hr', name: 'dim_employees', id: 'employee_id', ts: 'hired_at', entity: 'employee_id',
    measures: ['tenure_days'], dims: ['department', 'location', 'level', 'employment_type'] },
  requisitions: { schema: 'hr', name: 'fct_requisitions', id: 'requisition_id', ts: 'opened_at', entity: 'requisition_id',
    measures: ['days_open'], dims: ['department', 'recruiter', 'req_status'] },
  disputes: { schema: 'finance', name: 'fct_disputes', id: 'dispute_id', ts: 'opened_at', entity: 'customer_id',
    measures: ['disputed_amount_usd'], dims: ['dispute_reason', 'dispute_status', 'processor'] },
}
