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
}

export interface TruthChart {
  token: string
  title: string | null
  /** Mode's `view_vegas.chartType`, e.g. "bar", "line", "table", "bigNumber"; null for an unconfigured chart. */
  chart_type: string | null
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
  view_count: number
  creator_username: string
  /** Absolute: `https://app.mode.com/{ws}/reports/{token}` (as Mode's `_links.web.href`). */
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
  data_sources: TruthDataSource[]
  members: TruthMember[]
  groups: TruthGroup[]
}
