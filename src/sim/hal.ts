// HAL+JSON bodies shaped like Mode's (field names and `_links` as in the real responses of test/fixtures/mode/):
// relative hrefs under /api, an absolute `web` link for reports, collections linked as `collections`, and the
// creator only as `_links.creator.href = /api/<username>`.

import { hashString } from './prng.ts'
import type {
  TruthChart, TruthDataset, TruthDataSource, TruthGroup, TruthMember, TruthQuery, TruthReport, TruthSchedule, TruthSpace,
} from './truth.ts'
import type { WorkspaceState } from './workspace-state.ts'

type Json = Record<string, unknown>
const link = (href: string): { href: string } => ({ href })

export function errorBody(id: string, message: string): Json {
  return { id, message }
}

export function list(selfHref: string, key: string, items: unknown[], extraLinks: Json = {}, extra: Json = {}): Json {
  return { ...extra, _links: { self: link(selfHref), ...extraLinks }, _embedded: { [key]: items } }
}

export function renderSpace(ws: WorkspaceState, s: TruthSpace): Json {
  const base = `/api/${ws.slug}/collections/${s.token}`
  return {
    token: s.token,
    id: s.id,
    space_type: s.space_type,
    name: s.name,
    description: s.description,
    state: s.state,
    restricted: s.restricted,
    free_default: s.space_type === 'custom' && s.name === 'Community',
    'viewable?': true,
    default_access_level: s.default_access_level ?? (s.restricted ? 'restricted' : s.space_type === 'private' ? 'view' : 'edit'),
    _links: {
      self: link(base),
      detail: link(`${base}/detail`),
      web: link(`/${ws.slug}/spaces/${s.token}`),
      reports: link(`${base}/reports`),
      creator: link(`/api/${ws.spaceCreators.get(s.token) ?? ws.truth.account_username}`),
      ...(s.space_type === 'private' ? {} : { space_memberships: link(`${base}/memberships`) }),
      search_space_permissions: link(`${base}/permissions/search`),
    },
  }
}

export function renderReport(ws: WorkspaceState, r: TruthReport): Json {
  const api = `/api/${ws.slug}/reports/${r.token}`
  const h = hashString(r.token)
  const runToken = r.last_successful_run_token
  const chartCount = r.queries.reduce((n, q) => n + q.charts.length, 0)
  return {
    token: r.token,
    id: r.id,
    name: r.name,
    description: r.description,
    created_at: r.created_at,
    updated_at: r.updated_at,
    published_at: null,
    edited_at: r.edited_at,
    theme_id: 3,
    color_mappings: {},
    type: 'Report',
    last_successful_sync_at: null,
    last_saved_at: r.last_saved_at,
    archived: r.archived,
    space_token: r.space_token,
    account_id: ws.workspaceId,
    account_username: ws.slug,
    public: false,
    full_width: false,
    manual_run_disabled: false,
    run_privately: true,
    drilldowns_enabled: true,
    is_embedded: false,
    is_signed: false,
    shared: false,
    expected_runtime: (h % 9000) / 1000 + 0.2,
    last_successfully_run_at: r.last_successfully_run_at === undefined ? r.last_run_at : r.last_successfully_run_at,
    last_run_at: r.last_run_at,
    web_preview_image: previewUrl(ws, r),
    last_successful_run_token: runToken,
    query_count: r.queries.length,
    max_query_count: 160,
    chart_count: chartCount,
    runs_count: r.last_run_at ? 1 + (h % 400) : 0,
    schedules_count: r.schedules.length,
    query_preview: r.queries[0]?.raw_query.slice(0, 160) ?? null,
    view_count: r.view_count,
    _links: {
      self: link(api),
      web: link(r.web_url),
      web_edit: link(`/editor/${ws.slug}/reports/${r.token}`),
      csv_export: link(`${api}/results/content.csv`),
      share: link(`/${ws.slug}/reports/${r.token}`),
      account: link(`/api/${ws.slug}`),
      report_run: { templated: true, href: `${api}/runs/{id}?embed[result]=1` },
      space: link(`/api/${ws.slug}/collections/${r.space_token}`),
      queries: link(`${api}/queries`),
      report_runs: link(`${api}/runs`),
      report_schedules: link(`${api}/schedules`),
      ...(runToken ? { last_run: link(`${api}/runs/${runToken}`), last_successful_run: link(`${api}/runs/${runToken}`) } : {}),
      creator: link(`/api/${r.creator_username}`),
      report_index_web: link(`/${ws.slug}/spaces/${r.space_token}/reports/${r.token}`),
    },
    // As in fixture reports_75737b70402e.json: name, token and links of each imported dataset.
    imported_datasets: r.imported_dataset_tokens.map((token) => ({
      name: ws.datasets.get(token)?.name ?? null,
      token,
      _links: { report: link(api), source_dataset: link(`/api/${ws.slug}/reports/${token}`) },
    })),
  }
}

/**
 * A pre-signed S3-style URL as in the fixtures (`…/report-run-previews/web/{ws}/{report}/{run}/{image}?X-Amz-…`,
 * `X-Amz-Expires=119`), on the simulator's origin. An `expired` fault signs it an hour in the past.
 */
export function previewUrl(ws: WorkspaceState, r: TruthReport): string | null {
  if (!r.preview || !r.last_successful_run_token) return null
  const path = `/mode.production/report-run-previews/web/${ws.slug}/${r.token}/${r.last_successful_run_token}/${r.preview.image_id}`
  const signedAt = ws.clock() - (r.preview.fault === 'expired' ? 3_600_000 : 0)
  const date = amzDate(signedAt)
  const query = new URLSearchParams({
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Date': date,
    'X-Amz-Expires': '119',
    'X-Amz-SignedHeaders': 'host',
    'X-Amz-Signature': previewSignature(path, date),
  })
  return `${ws.previewOrigin}${path}?${query.toString()}`
}

export function previewSignature(path: string, date: string): string {
  return [0, 1, 2, 3].map((i) => hashString(`${i}|${path}|${date}`).toString(16).padStart(8, '0')).join('')
}

/** `20211211T003520Z`, as X-Amz-Date. */
export function amzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
}

/** A dataset as `/spaces/{s}/datasets` lists it (fixture datasets_75737b70402e.json): a report of type DatasetReport. */
export function renderDataset(ws: WorkspaceState, d: TruthDataset): Json {
  const api = `/api/${ws.slug}/reports/${d.token}`
  return {
    account_id: ws.workspaceId,
    account_username: ws.slug,
    collection_name: ws.spaces.get(d.space_token)?.name ?? null,
    collection_token: d.space_token,
    created_at: d.created_at,
    description: d.description ?? '',
    edited_at: d.updated_at,
    id: d.id,
    is_sample: false,
    last_run_at: d.updated_at,
    last_saved_at: d.updated_at,
    last_successful_run_token: null,
    name: d.name,
    query_count: d.queries.length,
    query_preview: d.queries[0]?.raw_query.slice(0, 120) ?? null,
    schedules_count: 0,
    space_token: d.space_token,
    token: d.token,
    type: 'DatasetReport',
    updated_at: d.updated_at,
    view_count: hashString(d.token) % 40,
    _links: {
      account: link(`/api/${ws.slug}`),
      creator: link(`/api/${d.creator_username}`),
      dataset_dependencies: link(`/api/${ws.slug}/datasets/${d.token}/reports`),
      queries: link(`${api}/queries`),
      self: link(api),
      web: link(d.web_url),
    },
  }
}

/** A query run of a report run (spec QueryRun): links to its result content. */
export function renderQueryRun(ws: WorkspaceState, r: TruthReport, q: TruthQuery): Json {
  const run = `/api/${ws.slug}/reports/${r.token}/runs/${r.last_successful_run_token}`
  const qr = q.result!.query_run_token
  return {
    id: 1_897_000_000 + q.id,
    token: qr,
    state: 'succeeded',
    raw_source: q.raw_query,
    rendered_source: q.raw_query,
    parameters: {},
    created_at: r.last_run_at,
    completed_at: r.last_run_at,
    data_source_id: q.data_source_id,
    limit: null,
    query_token: q.token,
    query_name: q.name,
    max_result_bytes: 100_000_000,
    error_code: null,
    error_type: null,
    error_message: null,
    _links: {
      self: link(`${run}/query_runs/${qr}`),
      query: link(`/api/${ws.slug}/reports/${r.token}/queries/${q.token}`),
      result: link(`${run}/query_runs/${qr}/results`),
      report_run: link(run),
    },
  }
}

/**
 * A schedule (spec ReportSchedule). Assumption: the spec's response has no cron fields, but its create/update
 * bodies take `cron: {freq, day_of_week, day_of_month, hour, minute, time_zone}`; the simulator answers with
 * the same `cron` object, as the most likely shape (unconfirmed).
 */
export function renderSchedule(ws: WorkspaceState, r: TruthReport, s: TruthSchedule): Json {
  return {
    name: s.name,
    token: s.token,
    parameters: {},
    created_at: r.created_at,
    updated_at: r.updated_at,
    retry_state: 'none',
    retry_count: 0,
    retry_delay: 0,
    timeout: 3600,
    last_run_at: s.last_succeeded_at,
    last_succeeded_at: s.last_succeeded_at,
    last_scheduled_run: s.last_succeeded_at,
    next_scheduled_run: s.next_scheduled_run,
    report_name: r.name,
    delivery: 'email',
    report_token: r.token,
    report_type: 'Report',
    subscribed: false,
    subscriber_count: 0,
    cron: { freq: s.freq, hour: s.hour, minute: s.minute, day_of_week: s.day_of_week, day_of_month: s.day_of_month, time_zone: s.time_zone },
    _links: {
      self: link(`/api/${ws.slug}/reports/${r.token}/schedules/${s.token}`),
      report: link(`/api/${ws.slug}/reports/${r.token}`),
      report_web: link(r.web_url),
      account: link(`/api/${ws.slug}`),
      report_runs: link(`/api/${ws.slug}/reports/${r.token}/runs`),
      report_subscriptions: link(`/api/${ws.slug}/reports/${r.token}/schedules/${s.token}/subscriptions`),
    },
  }
}

export function renderQuery(ws: WorkspaceState, r: Pick<TruthReport, 'token' | 'creator_username'> & { last_run_at?: string | null }, q: TruthQuery): Json {
  const base = `/api/${ws.slug}/reports/${r.token}/queries/${q.token}`
  return {
    id: q.id,
    token: q.token,
    raw_query: q.raw_query,
    created_at: q.created_at,
    updated_at: q.updated_at,
    name: q.name,
    last_run_id: r.last_run_at ? 1_897_000_000 + q.id : null,
    data_source_id: q.data_source_id,
    explorations_count: hashString(q.token) % 4,
    _links: {
      self: link(base),
      report: link(`/api/${ws.slug}/reports/${r.token}`),
      report_runs: link(`/api/${ws.slug}/reports/${r.token}/runs`),
      charts: link(`${base}/charts`),
      query_runs: link(`${base}/runs`),
      creator: link(`/api/${r.creator_username}`),
    },
  }
}

export function renderChart(ws: WorkspaceState, r: TruthReport, q: TruthQuery, c: TruthChart): Json {
  const base = `/api/${ws.slug}/reports/${r.token}/queries/${q.token}/charts/${c.token}`
  const configured = c.chart_type !== null || c.title !== null
  return {
    view: {},
    view_version: 2,
    view_vegas: configured
      ? { title: c.title, description: '', chartType: c.chart_type, encoding: chartEncoding(c), fieldFormats: {} }
      : {},
    token: c.token,
    created_at: q.created_at,
    updated_at: q.updated_at,
    color_palette_token: 'e7882faa26e7',
    switch_view_token: c.token.split('').reverse().join(''),
    _links: {
      self: link(base),
      report_viz_web: link(`/${ws.slug}/reports/${r.token}/viz/${c.token}`),
      creator: link(`/api/${r.creator_username}`),
    },
  }
}

/** `encoding` as in fixture charts.json: each field a `{id, formula: "[column]"}`; a big number puts it under `value`. */
function chartEncoding(c: TruthChart): Json {
  const field = (name: string, i: number) => ({ id: `f${i}`, formula: `[${name}]`, variable: { type: 'DISCRETE' } })
  const big = c.chart_type === 'bigNumber'
  return {
    row: [], column: [], x2: [], y2: [],
    x: c.x_fields.map(field),
    y: big ? [] : c.y_fields.map(field),
    value: big ? c.y_fields.map(field) : [],
  }
}

export function renderDataSource(ws: WorkspaceState, d: TruthDataSource): Json {
  const vendor = d.adapter.replace(/^jdbc:/, '')
  return {
    id: d.id,
    name: d.name,
    description: null,
    token: d.token,
    adapter: d.adapter,
    created_at: '2019-02-14T17:03:11.120Z',
    updated_at: '2025-11-02T08:41:27.530Z',
    public: false,
    asleep: false,
    queryable: true,
    display_name: d.name,
    account_id: ws.workspaceId,
    account_username: ws.slug,
    database: d.database,
    host: d.host,
    port: vendor === 'postgresql' ? 5432 : vendor === 'mysql' ? 3306 : vendor === 'redshift' ? 5439 : 443,
    provider: 'default',
    vendor,
    warehouse: vendor === 'snowflake' ? 'ANALYST_WH' : null,
    bridged: false,
    soft_deleted: false,
    default_access_level: 'View',
    _links: {
      self: link(`/api/${ws.slug}/data_sources/${d.token}`),
      account: link(`/api/${ws.slug}`),
      permissions: link(`/api/${ws.slug}/data_sources/${d.token}/permissions`),
      web: link(`/organizations/${ws.slug}/data_sources/${d.token}`),
    },
  }
}

export function renderMembership(ws: WorkspaceState, m: TruthMember): Json {
  return {
    member_username: m.username,
    member_token: m.token,
    admin: m.admin,
    invited: m.state === 'invited',
    state: m.state,
    activated_at: m.activated_at !== undefined ? m.activated_at : m.state === 'invited' ? null : '2021-03-04T10:12:44.000Z',
    managed_by_scim: m.managed_by_scim ?? false,
    _links: {
      self: link(`/api/${ws.slug}/memberships/${m.token}`),
      user: link(`/api/${m.username}`),
      groups: link(`/api/${ws.slug}/memberships/${m.token}/groups`),
    },
  }
}

export function renderGroup(ws: WorkspaceState, g: TruthGroup, index: number): Json {
  return {
    token: g.token,
    group_type: index === 0 && g.name === 'Everyone' ? 'everyone' : 'custom',
    name: g.name,
    description: null,
    state: 'active',
    member_count: g.member_usernames.length,
    spaces_count: hashString(g.token) % 6,
    data_sources_count: hashString(g.token) % 3,
    managed: false,
    _links: {
      self: link(`/api/${ws.slug}/groups/${g.token}`),
      memberships: link(`/api/${ws.slug}/groups/${g.token}/memberships`),
    },
  }
}

export function renderGroupMembership(ws: WorkspaceState, g: TruthGroup, m: TruthMember): Json {
  const token = (hashString(g.token + m.username).toString(16).padStart(8, '0') + m.token).slice(0, 12)
  return {
    token,
    member_token: m.token,
    _links: {
      self: link(`/api/${ws.slug}/groups/${g.token}/memberships/${token}`),
      member: link(`/api/${m.username}`),
      user_group: link(`/api/${ws.slug}/groups/${g.token}`),
    },
  }
}

export function renderUser(m: TruthMember, id: number): Json {
  const initials = m.name.split(/\s+/).map((w) => w[0] ?? '').join('').slice(0, 2).toUpperCase()
  return {
    username: m.username,
    name: m.name,
    id,
    token: m.token,
    email: m.email,
    email_verified: m.state !== 'invited',
    avatar: { initials, seed: m.token, color_class: `mode-avatar-color-${id % 10}`, type: 'initials' },
    user: true,
    data_source_count: 0,
    organizations_count: 1,
    created_at: '2021-11-29T19:32:33.401Z',
    _links: {
      self: link(`/api/${m.username}`),
      web: link(`/${m.username}`),
      spaces: link(`/api/${m.username}/collections`),
      reports: link(`/api/${m.username}/reports`),
    },
  }
}

export function renderWorkspace(ws: WorkspaceState, token: string): Json {
  const base = `/api/${ws.slug}`
  return {
    username: ws.slug,
    name: ws.truth.workspace.name,
    id: ws.workspaceId,
    token,
    user: false,
    plan_code: 'plus',
    membership_type: 'admin',
    trial_state: null,
    scim_enabled: false,
    admin_data_source_connections_only: false,
    admin_collection_creation_only: false,
    authorized_domains: [],
    created_at: '2019-02-14T16:55:02.000Z',
    _links: {
      self: link(base),
      web: link(`/${ws.slug}`),
      memberships: link(`${base}/memberships`),
      groups: link(`${base}/groups`),
      spaces: link(`${base}/collections`),
      custom_spaces: link(`${base}/collections?filter=custom`),
      data_sources: link(`${base}/data_sources`),
      definitions: link(`${base}/definitions`),
      archived_reports: link(`${base}/reports?filter=archived`),
    },
  }
}
