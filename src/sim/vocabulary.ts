// Word lists for realistic sample workspaces: an e-commerce / SaaS company's analytics team in Mode.
// Each shared collection belongs to a domain, and a domain's reports draw their metrics and tables from it,
// so a "Finance" collection reads like finance work and its SQL touches finance tables.

export const FIRST_NAMES = [
  'Ava', 'Ben', 'Chloe', 'Dana', 'Elif', 'Farah', 'Gabriel', 'Hana', 'Isaac', 'Jonas', 'Kemi', 'Liam', 'Maya',
  'Nikhil', 'Olivia', 'Priya', 'Quinn', 'Rafael', 'Sofia', 'Tariq', 'Uma', 'Victor', 'Wen', 'Ximena', 'Yusuf',
  'Zoe', 'Aaron', 'Beatriz', 'Carlos', 'Diego', 'Emma', 'Fatima', 'Grace', 'Hiro', 'Ines', 'Jamal', 'Keiko',
  'Lucas', 'Mei', 'Noah', 'Omar', 'Paula', 'Rosa', 'Sven', 'Tomás', 'Valentina', 'William', 'Yara', 'Zain',
  'Amara', 'Bjorn', 'Camille', 'Dmitri', 'Esther', 'Felix', 'Greta', 'Hugo', 'Ingrid', 'Jae', 'Kofi',
]

export const LAST_NAMES = [
  'Whitfield', 'Okafor', 'Nakamura', 'Schmidt', 'Garcia', 'Patel', 'Kowalski', 'Haddad', 'Johansson', 'Chen',
  'Moreau', 'Rossi', 'Singh', 'Oliveira', 'Kim', 'Novak', "O'Brien", 'Fischer', 'Andersen', 'Ibrahim', 'Lopez',
  'Tanaka', 'Murphy', 'Dubois', 'Mensah', 'Ivanova', 'Costa', 'Yilmaz', 'Brennan', 'Nguyen', 'Horvath',
  'Silva', 'Weber', 'Kaur', 'Park', 'Lindqvist', 'Ferreira', 'Abbott', 'Van Dijk', 'Morales', 'Sato', 'Reyes',
  'Bauer', 'Osei', 'Petrov', 'Hughes', 'Castillo', 'Jensen', 'Mahmoud', 'Walsh',
]

export interface Domain {
  key: string
  /** Shared collection names for this domain (the first is the main one). */
  collections: string[]
  metrics: string[]
  /** Table keys (see TABLES in sql-templates.ts) this domain's queries read. */
  tables: string[]
}

export const DOMAINS: Domain[] = [
  {
    key: 'finance',
    collections: ['Finance', 'Finance — Board Reporting', 'Revenue Accounting', 'FP&A Forecasts'],
    metrics: ['Net Revenue Retention', 'Gross Margin', 'Monthly Recurring Revenue', 'ARR Bridge', 'Deferred Revenue',
      'Cash Collections', 'Refund Rate', 'Net Revenue', 'Gross Merchandise Value', 'Payback Period',
      'Operating Expenses', 'Bookings vs Billings', 'Revenue per Employee', 'Days Sales Outstanding'],
    tables: ['orders', 'invoices', 'payments', 'subscriptions', 'customers', 'refunds'],
  },
  {
    key: 'growth',
    collections: ['Growth', 'Experimentation', 'Onboarding', 'Activation Lab'],
    metrics: ['Weekly Active Users', 'Signup Conversion', 'Activation Rate', 'Day-7 Retention', 'Referral Signups',
      'Trial to Paid Conversion', 'Experiment Lift', 'Onboarding Completion', 'Viral Coefficient',
      'New vs Returning Users', 'Time to First Order', 'Resurrected Users'],
    tables: ['events', 'users', 'experiments', 'sessions', 'orders', 'subscriptions'],
  },
  {
    key: 'product',
    collections: ['Product Analytics', 'Mobile', 'Search & Discovery', 'Checkout', 'Platform Health'],
    metrics: ['Feature Adoption', 'Daily Active Users', 'Session Length', 'Search Click-Through Rate',
      'Checkout Abandonment', 'Crash-Free Sessions', 'Stickiness (DAU/MAU)', 'Cart Conversion',
      'Page Load Time', 'Funnel Drop-off', 'Power Users', 'Retention Curve'],
    tables: ['events', 'sessions', 'users', 'page_views', 'search_queries', 'orders'],
  },
  {
    key: 'marketing',
    collections: ['Marketing', 'Lifecycle Marketing', 'Paid Acquisition', 'SEO & Content', 'Brand'],
    metrics: ['Customer Acquisition Cost', 'ROAS', 'Email Open Rate', 'Campaign Attribution', 'Cost per Lead',
      'Organic Traffic', 'Channel Mix', 'Lifetime Value', 'LTV to CAC', 'Unsubscribe Rate', 'Promo Redemptions',
      'First-Touch Attribution', 'Multi-Touch Attribution'],
    tables: ['marketing_spend', 'campaigns', 'email_sends', 'sessions', 'customers', 'orders'],
  },
  {
    key: 'ops',
    collections: ['Ops', 'Supply Chain', 'Logistics', 'Customer Support', 'Merchandising'],
    metrics: ['On-Time Delivery', 'Fulfillment Cost per Order', 'Inventory Turns', 'Stockouts', 'Ticket Volume',
      'First Response Time', 'CSAT', 'Return Rate', 'Warehouse Throughput', 'Carrier Performance',
      'Backorders', 'Sell-Through Rate', 'Resolution Time'],
    tables: ['shipments', 'inventory', 'support_tickets', 'orders', 'products', 'returns'],
  },
  {
    key: 'sales',
    collections: ['Sales', 'Customer Success', 'Partnerships', 'Account Management'],
    metrics: ['Pipeline Coverage', 'Win Rate', 'Sales Cycle Length', 'Churn', 'Expansion Revenue', 'Seat Utilization',
      'Health Score', 'Quota Attainment', 'Renewal Forecast', 'Logo Retention', 'Average Contract Value'],
    tables: ['opportunities', 'accounts', 'subscriptions', 'customers', 'invoices', 'events'],
  },
  {
    key: 'data',
    collections: ['Data Platform', 'Data Quality', 'dbt Monitoring', 'Warehouse Costs'],
    metrics: ['Pipeline Freshness', 'dbt Model Runtime', 'Row Count Anomalies', 'Warehouse Credits',
      'Failed Jobs', 'Query Cost by Team', 'Table Usage', 'Late-Arriving Data', 'Null Rate Checks'],
    tables: ['dbt_runs', 'query_history', 'table_stats', 'events', 'orders'],
  },
  {
    key: 'people',
    collections: ['People Analytics', 'Executive Dashboards', 'Company KPIs'],
    metrics: ['Headcount', 'Attrition', 'Time to Hire', 'Offer Acceptance Rate', 'Company KPI Scorecard',
      'Revenue per Employee', 'eNPS', 'Hiring Plan vs Actual'],
    tables: ['employees', 'requisitions', 'orders', 'subscriptions', 'customers'],
  },
  {
    key: 'risk',
    collections: ['Risk & Fraud', 'Payments', 'Trust & Safety'],
    metrics: ['Chargeback Rate', 'Fraud Loss', 'Payment Success Rate', 'Authorization Rate', 'Disputes',
      'Flagged Accounts', 'Manual Review Queue', 'Decline Reasons'],
    tables: ['payments', 'orders', 'customers', 'disputes', 'events'],
  },
]

/** Collections that are not tied to one team. */
export const MISC_COLLECTIONS = ['Sandbox', 'Archive — 2023', 'Ad Hoc Requests', 'Onsite Demos', 'Q4 Planning',
  'Investor Updates', 'Holiday Peak Readiness', 'International Expansion']

export const DIMENSIONS = ['Cohort', 'Channel', 'Region', 'Country', 'Plan', 'Segment', 'Platform', 'Week',
  'Month', 'Product Category', 'Acquisition Source', 'Device', 'Customer Tier', 'Sales Rep', 'Warehouse',
  'Campaign', 'Experiment Variant', 'App Version', 'Industry', 'Company Size', 'Carrier', 'Payment Method']

export const SEGMENTS = ['Mobile', 'Web', 'iOS', 'Android', 'EMEA', 'North America', 'APAC', 'LATAM',
  'Enterprise', 'SMB', 'Mid-Market', 'Self-Serve', 'New Customers', 'Returning Customers', 'Marketplace',
  'Wholesale', 'DTC', 'Free Tier', 'Pro Plan', 'UK', 'Germany', 'Japan']

export const PERIODS = ['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2', 'FY24', 'FY25', 'FY26', 'YTD', 'MTD', 'Last 90 Days',
  'Weekly', 'Monthly', 'Daily', 'Trailing 12 Months', 'Black Friday', '2024', '2025', '2026']

export const REPORT_FORMS: ((m: string, d: string, s: string, p: string) => string)[] = [
  (m, d) => `${m} by ${d}`,
  (m, _d, s) => `${m} — ${s}`,
  (m, _d, _s, p) => `${m} ${p}`,
  (m, _d, _s, p) => `${m.split(' ')[0]} Drivers ${p}`,
  (m) => `${m} Deep Dive`,
  (m, d, s) => `${m} by ${d} (${s})`,
  (m) => `${m} Dashboard`,
  (m, _d, s, p) => `${p} ${m} Review — ${s}`,
  (m, d) => `[WIP] ${m} by ${d}`,
  (m) => `Copy of ${m}`,
  (m, d, _s, p) => `${m} vs Target by ${d}, ${p}`,
  (m) => `${m} Anomalies`,
  (m, _d, s) => `${s} ${m} Trend`,
  (m, d) => `What moves ${m}? A look by ${d}`,
  (m, _d, _s, p) => `${m} Forecast (${p})`,
  (m, d) => `${m}: ${d} breakdown`,
]

export const DESCRIPTION_FORMS: ((m: string, d: string, team: string, table: string) => string)[] = [
  (m, d, _t, table) => `Tracks ${m.toLowerCase()} by ${d.toLowerCase()}. Source: ${table}.`,
  (_m, _d, team) => `Used in the weekly ${team} review. Ping #data-${team.toLowerCase().replace(/[^a-z]+/g, '-')} with questions.`,
  (m) => `Definitive numbers for ${m.toLowerCase()}; matches the board deck.`,
  (m, d) => `Exploratory: how ${m.toLowerCase()} varies with ${d.toLowerCase()}. Not reviewed yet.`,
  (_m, _d, _t, table) => `Reads ${table} (refreshed hourly by dbt). Filters out test accounts and internal orders.`,
  (m) => `${m} — methodology in the Data Platform wiki. Numbers before 2023 are restated.`,
  (_m, d, team) => `Requested by the ${team} team; broken down by ${d.toLowerCase()}.`,
  (m) => `DEPRECATED: use the new ${m} dashboard instead.`,
]

export const QUERY_NAMES = ['Query 1', 'Main query', 'Daily rollup', 'Cohorts', 'By segment', 'Totals',
  'Detail rows', 'Funnel', 'Trend', 'Top 20', 'Weekly', 'Base table', 'Targets', 'QA check', 'Retention matrix',
  'Summary', 'Breakdown', 'Raw export']

export const CHART_TYPES = ['bar', 'line', 'area', 'table', 'bigNumber', 'pie', 'scatter', 'pivotTable',
  'stackedBar', 'histogram', 'lineAndBar']

export const CHART_TITLES = ['Trend', 'Weekly trend', 'By segment', 'Top 10', 'Summary', 'Share of total',
  'Cohort heatmap', 'Funnel', 'Daily', 'vs. last year', 'Distribution', 'Pivot']

export const GROUP_NAMES = ['Everyone', 'Analysts', 'Data Engineering', 'Finance Team', 'Growth Squad',
  'Marketing Ops', 'Leadership', 'Customer Success', 'Product Managers', 'Contractors', 'Ops Team',
  'Sales Leadership', 'Data Viewers', 'SQL Power Users']
