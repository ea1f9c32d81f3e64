// The truth document served at GET /__sim/truth: the whole workspace as the simulator's account sees it with
// `filter=all` (every collection, every report including archived ones, every query and chart, every member
// and group). Tests and the sync's property test compare a synced library against it.
// Field names are snake_case like Mode's own API so a reader can map them one to one.

/** `private` is a personal collection (named "Personal" in Mode's UI); the rest are shared collections. */
export type SimSpaceType = 'custom' | 'private' | 'community' | 'open'

export type SimSpaceState = 'active' | 'soft_deleted'

export type SimMemberState = 'active' | 'invited' | 'deactivated'

export interface TruthWorkspace {
  /** The workspace slug used in every path: `/api/{username}/...`. */
  username: string
  /** The display name, e.g. "Acme Analytics". */
  name: string
}

export interface TruthSpace {
  token: string
  id: number
  name: string
  description: string | null
  space_type: SimSpaceType
  state: SimSpaceState
  restricted: boolean
  /** For a personal (`private`) collection: whose it is. Null for shared collections. */
  personal_owner_username: string | null
  /**
   * Who may see the collection without an explicit grant: `restricted` = only the grants below (and admins).
   * Mode's `restricted` flag is not reliable (it came back false for restricted collections), so the simulator
   * sometimes sends it false too. Absent: derived as before (access-data.ts fills it for generated workspaces).
   */
  default_access_level?: TruthAccessLevel
  /** Explicit grants (`GET /spaces/{s}/permissions`, admin tokens only). */
  permissions?: TruthPermission[]
}

export type TruthAccessLevel = 'view' | 'edit' | 'restricted'

export interface TruthPermission {
  token: string
  /** Mode's accessor types: a user (`Account`) or a group (`UserGroup`). */
  accessor_type: 'Account' | 'UserGroup'
  /** The member's user token, or the group's token. */
  accessor_token: string
  action: 'view' | 'edit'
}

export interface TruthChart {
  token: string
  title: string | null
  /** Mode's `view_vegas.chartType`, e.g. "bar", "line", "table", "bigNumber"; null for an unconfigured chart. */
  chart_type: string | null
  /** Result columns on the chart's x axis (`encoding.x[].formula` = `[name]`), and on its y axis / value. */
  x_fields: string[]
  y_fields: string[]
}

/** One `{% form %}` parameter of a query, as the query's SQL declares it. */
export interface TruthParameter {
  name: string
  type: 'text' | 'number' | 'date' | 'select' | 'multiselect'
  default: string | null
  options: string[]
}

export type TruthColumnType = 'string' | 'integer' | 'float' | 'date' | 'boolean'

/**
 * How the simulator misbehaves for one query's results (the bad inputs a client must survive): `purged` (Mode
 * deleted the data after the retention period: 404), `malformed_csv` (an unterminated quote), `gzip` (a gzip
 * body without Content-Encoding), `huge` (more rows and bytes than any cap). Null: a plain CSV.
 */
export type TruthResultFault = 'purged' | 'malformed_csv' | 'gzip' | 'huge' | null

/** A query's result in the report's last successful run. Rows are generated from the tokens (report-content.ts). */
export interface TruthQueryResult {
  query_run_token: string
  columns: { name: string; type: TruthColumnType }[]
  row_count: number
  fault: TruthResultFault
}

/** How the preview image's storage host misbehaves (bad inputs): an expired URL, a redirect to another host, a body that is not an image, an image over 5 MB. */
export type TruthPreviewFault = 'expired' | 'redirect' | 'not_image' | 'oversized' | null

export interface TruthPreview {
  /** The last path segment of the pre-signed URL (after the run token). */
  image_id: string
  fault: TruthPreviewFault
}

export interface TruthSchedule {
  token: string
  name: string
  /** Mode's `cron.freq`: every_15_minutes, every_30_minutes, hourly, daily, weekly, monthly. */
  freq: string
  hour: number
  minute: number
  day_of_week: number | null
  day_of_month: number | null
  time_zone: string
  last_succeeded_at: string | null
  next_scheduled_run: string | null
}

export interface TruthQuery {
  token: string
  id: number
  name: string
  raw_query: string
  data_source_id: number
  created_at: string
  updated_at: string
  charts: TruthChart[]
  /** The `{% form %}` parameters written into `raw_query`. */
  parameters: TruthParameter[]
  /** This query's result in the report's last successful run; null when the run has none for it. */
  result: TruthQueryResult | null
}

export interface TruthReport {
  token: string
  id: number
  /** Mode allows unnamed reports. */
  name: string | null
  description: string | null
  space_token: string
  archived: boolean
  created_at: string
  updated_at: string
  edited_at: string | null
  last_saved_at: string | null
  last_run_at: string | null
  /**
   * Mode's `last_successfully_run_at`. Absent: the same as `last_run_at` (every run so far succeeded); null: the
   * report ran but never succeeded; an earlier time: the last run failed.
   */
  last_successfully_run_at?: string | null
  view_count: number
  creator_username: string
  /** Absolute: `https://app.mode.com/{ws}/reports/{token}` (as Mode's `_links.web.href`). */
  web_url: string
  queries: TruthQuery[]
  /** Mode's `last_successful_run_token`; null for a report that never ran successfully. */
  last_successful_run_token: string | null
  /** The picture of that run (`web_preview_image`); null when Mode has none. */
  preview: TruthPreview | null
  schedules: TruthSchedule[]
  /** Tokens of the datasets (`truth.datasets`) the report imports (`imported_datasets`). */
  imported_dataset_tokens: string[]
}

/** A Mode Dataset: listed under `/spaces/{s}/datasets` as a report of type `DatasetReport`, with its own queries. */
export interface TruthDataset {
  token: string
  id: number
  name: string
  description: string | null
  space_token: string
  created_at: string
  updated_at: string
  creator_username: string
  web_url: string
  queries: TruthQuery[]
}

export interface TruthDataSource {
  id: number
  token: string
  name: string
  /** e.g. `jdbc:postgresql`, `jdbc:snowflake`, `jdbc:bigquery`. */
  adapter: string
  database: string
  host: string
}

export interface TruthMember {
  username: string
  /** The user's Mode token (12 hex), as in memberships' `member_token`. */
  token: string
  name: string
  email: string
  admin: boolean
  state: SimMemberState
  /** When the member accepted the invitation (null while invited). Absent: the simulator's old fixed date. */
  activated_at?: string | null
  managed_by_scim?: boolean
  /** Discovery-API-like member activity: the last day (YYYY-MM-DD) the member engaged; null = never. Admin tokens only. */
  last_day_engaged?: string | null
}

export interface TruthGroup {
  token: string
  name: string
  member_usernames: string[]
}

export interface Truth {
  workspace: TruthWorkspace
  /** The username whose API token the simulator hands out (the account the listings are "seen as"). */
  account_username: string
  spaces: TruthSpace[]
  reports: TruthReport[]
  datasets: TruthDataset[]
  data_sources: TruthDataSource[]
  members: TruthMember[]
  groups: TruthGroup[]
  /** A non-admin active member whose member API token the simulator also hands out (`sim.memberToken`). */
  member_account_username?: string
  /** Reports deleted through mutations (by deleteReport or with their collection), as they were last. */
  deleted_reports?: TruthReport[]
}
