// Zod schemas for the Mode API resources the app reads, and the normalized types inferred from them.
//
// Lenient where Mode is loose (docs/DESIGN.md, “The Mode API in one screen”): ids and counters arrive as numbers or strings, names
// and descriptions can be null, unknown fields are ignored, links point at `/spaces/` or `/collections/`.
// Strict where it matters: every item needs its `token`, and a list response without its `_embedded.<key>`
// array is a malformed response (see `parseList`), never silently an empty list. Every other field degrades:
// a value of the wrong type, or a link that does not decode, becomes null (false, {}) for that item only, so
// one hostile or broken item never costs the rest of the list.
//
// Output is camelCase and flat: ids are strings, counters are numbers (or null when Mode did not send one),
// timestamps stay ISO strings exactly as Mode sent them, links are reduced to what the library needs.
import { z } from 'zod'

// ---- Building blocks ----------------------------------------------------------------------------------

/** Integer ids arrive as numbers (fixtures) or strings (spec); always a string here, or null when absent. */
const OptionalId = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((v) => (v === null || v === undefined || v === '' ? null : String(v)))
  .catch(null)

/**
 * Tokens are the stable identity of every object; an item without one cannot be stored. Mode's are short
 * (12 hex characters in every fixture); the bound only refuses absurd values, which end up in URLs and file names.
 */
const MAX_TOKEN_LENGTH = 256
const Token = z
  .union([z.string().min(1).max(MAX_TOKEN_LENGTH), z.number().finite()])
  .transform((v) => String(v))

/** Counters are integers in fixtures and strings in the spec; null when missing or not a number. */
const Counter = z
  .union([z.number(), z.string(), z.null()])
  .optional()
  .transform((v) => {
    if (v === null || v === undefined || v === '') return null
    const n = typeof v === 'number' ? v : Number(v)
    return Number.isFinite(n) ? n : null
  })
  .catch(null)

const Text = z
  .string()
  .nullish()
  .transform((v) => v ?? null)
  .catch(null)

/** Free text shown to users: an empty string means "none". */
const NonEmptyText = z
  .string()
  .nullish()
  .transform((v) => (v === null || v === undefined || v.trim() === '' ? null : v))
  .catch(null)

const Flag = z
  .union([z.boolean(), z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => v === true || v === 'true' || v === 1 || v === '1')
  .catch(false)

/** HAL links: `{ rel: { href, templated? } }`. Anything else under `_links` is ignored, never an error. */
export const Links = z
  .record(z.string(), z.unknown())
  .nullish()
  .transform((links) => {
    const out: Record<string, string> = {}
    for (const [rel, value] of Object.entries(links ?? {})) {
      if (typeof value === 'object' && value !== null && typeof (value as { href?: unknown }).href === 'string') {
        out[rel] = (value as { href: string }).href
      }
    }
    return out
  })
  .catch({})

/** `/api/modeuser` or `https://app.mode.com/api/modeuser` → `modeuser` (the creator and member links). */
export function usernameFromHref(href: string | undefined): string | null {
  if (!href) return null
  const path = href.replace(/^[a-z]+:\/\/[^/]+/i, '').split(/[?#]/)[0] ?? ''
  const match = /^\/api\/([^/]+)\/?$/.exec(path)
  return match?.[1] ? decodeOrNull(match[1]) : null
}

/** A path segment decoded; null when its `%` escapes are malformed (the link is then as good as absent). */
function decodeOrNull(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}

/** `/api/ws/collections/abc` or `/api/ws/spaces/abc/…` → `abc`. */
export function spaceTokenFromHref(href: string | undefined): string | null {
  if (!href) return null
  const match = /\/(?:spaces|collections)\/([^/?#]+)/.exec(href)
  return match?.[1] ?? null
}

// ---- Identity -----------------------------------------------------------------------------------------

/** GET /api/verify */
export const ModeVerify = z
  .object({ workspace: Text, workspace_token: OptionalId, _links: Links })
  .transform((v) => ({
    /** The workspace the token belongs to (workspace tokens), when Mode says so. */
    workspace: v.workspace ?? usernameFromHref(v._links.self) ?? null,
    workspaceToken: v.workspace_token,
  }))
export type ModeVerify = z.output<typeof ModeVerify>

/** GET /api/account and GET /api/{username}: a user. */
export const ModeUser = z
  .object({
    username: z.string().min(1),
    name: Text,
    id: OptionalId,
    token: OptionalId,
    email: NonEmptyText,
    user: z.boolean().nullish().catch(null),
    created_at: Text,
  })
  .transform((v) => ({
    username: v.username,
    name: v.name,
    id: v.id,
    token: v.token,
    email: v.email,
    createdAt: v.created_at,
  }))
export type ModeUser = z.output<typeof ModeUser>

/** GET /api/{workspace}: the workspace, which Mode models as an Account. */
export const ModeWorkspace = z
  .object({
    username: z.string().min(1),
    name: Text,
    id: OptionalId,
    token: OptionalId,
    plan_code: Text,
    membership_type: Text,
    trial_state: Text,
    created_at: Text,
  })
  .transform((v) => ({
    username: v.username,
    name: v.name,
    id: v.id,
    token: v.token,
    planCode: v.plan_code,
    membershipType: v.membership_type,
    trialState: v.trial_state,
    createdAt: v.created_at,
  }))
export type ModeWorkspace = z.output<typeof ModeWorkspace>

// ---- Collections ("spaces" in the API) ------------------------------------------------------------------

export const ModeSpace = z
  .object({
    token: Token,
    id: OptionalId,
    name: Text,
    description: NonEmptyText,
    space_type: Text,
    state: Text,
    restricted: Flag,
    default_access_level: Text,
    _links: Links,
  })
  .transform((v) => ({
    token: v.token,
    id: v.id,
    name: v.name,
    description: v.description,
    spaceType: v.space_type,
    /** `private` is a personal collection ("Personal" in Mode's UI). */
    isPersonal: v.space_type === 'private',
    state: v.state,
    // `restricted` can be false for restricted collections (DataHub's Mode connector, confirmed with Mode's support:
    // https://github.com/datahub-project/datahub/pull/11081); the access level is reliable.
    restricted: v.restricted || v.default_access_level === 'restricted',
    defaultAccessLevel: v.default_access_level,
    creatorUsername: usernameFromHref(v._links.creator),
  }))
export type ModeSpace = z.output<typeof ModeSpace>

// ---- Reports ------------------------------------------------------------------------------------------

/** A report as listed in a collection and as fetched alone (same shape; datasets too). */
export const ModeReport = z
  .object({
    token: Token,
    id: OptionalId,
    name: Text,
    description: NonEmptyText,
    type: Text,
    space_token: Text,
    collection_token: Text,
    archived: Flag,
    created_at: Text,
    updated_at: Text,
    edited_at: Text,
    last_saved_at: Text,
    last_run_at: Text,
    // Absent and null differ here: null is "never ran successfully", absent is "not said" (see successListed).
    last_successfully_run_at: z.union([z.string(), z.null()]).optional().catch(undefined),
    view_count: Counter,
    query_count: Counter,
    chart_count: Counter,
    schedules_count: Counter,
    account_username: Text,
    last_successful_run_token: z.union([z.string(), z.number()]).nullish(),
    web_preview_image: z.string().nullish(),
    imported_datasets: z.array(z.unknown()).nullish(),
    _links: Links,
  })
  .transform((v) => ({
    token: v.token,
    id: v.id,
    /** Mode allows unnamed reports. */
    name: v.name,
    description: v.description,
    /** `Report` or `DatasetReport`. */
    type: v.type,
    spaceToken: v.space_token || v.collection_token || spaceTokenFromHref(v._links.space),
    archived: v.archived,
    createdAt: v.created_at,
    updatedAt: v.updated_at,
    editedAt: v.edited_at,
    lastSavedAt: v.last_saved_at,
    lastRunAt: v.last_run_at,
    lastSuccessfullyRunAt: v.last_successfully_run_at ?? null,
    /** Whether the item carried last_successfully_run_at at all (a null included); a wrong type counts as absent. */
    successListed: v.last_successfully_run_at !== undefined,
    viewCount: v.view_count,
    queryCount: v.query_count,
    chartCount: v.chart_count,
    /** There is no inline creator field: only `_links.creator.href` names the author. */
    creatorUsername: usernameFromHref(v._links.creator),
    /** Mode's `_links.web.href`, absolute in practice; the client resolves a relative one. */
    webUrl: v._links.web ?? null,
    schedulesCount: v.schedules_count ?? 0,
    /** Changes with every successful run: what decides whether results and the preview are fetched again. */
    lastSuccessfulRunToken: v.last_successful_run_token === null || v.last_successful_run_token === undefined || v.last_successful_run_token === '' ? null : String(v.last_successful_run_token),
    /** A pre-signed URL that expires about two minutes after the listing was served (fixture: X-Amz-Expires=119). */
    webPreviewImage: v.web_preview_image || null,
    /** `imported_datasets[]`: name and token of each dataset the report imports; malformed entries are skipped. */
    importedDatasets: importedDatasets(v.imported_datasets),
  }))
export type ModeReport = z.output<typeof ModeReport>

function importedDatasets(raw: unknown[] | null | undefined): { token: string; name: string | null }[] {
  const out: { token: string; name: string | null }[] = []
  for (const entry of raw ?? []) {
    if (typeof entry !== 'object' || entry === null) continue
    const { token, name } = entry as { token?: unknown; name?: unknown }
    if (typeof token === 'string' && token !== '') out.push({ token, name: typeof name === 'string' ? name : null })
  }
  return out
}

// ---- Queries and charts -------------------------------------------------------------------------------

export const ModeQuery = z
  .object({
    token: Token,
    id: OptionalId,
    name: Text,
    raw_query: Text,
    data_source_id: OptionalId,
    created_at: Text,
    updated_at: Text,
    _links: Links,
  })
  .transform((v) => ({
    token: v.token,
    id: v.id,
    name: v.name,
    /** The SQL as saved, Liquid (`{{ … }}`, `{% … %}`) included. */
    rawQuery: v.raw_query ?? '',
    dataSourceId: v.data_source_id,
    createdAt: v.created_at,
    updatedAt: v.updated_at,
    creatorUsername: usernameFromHref(v._links.creator),
  }))
export type ModeQuery = z.output<typeof ModeQuery>

/** `view` is `{}` on newer charts; `view_vegas` carries title and type. Both are loose objects. */
const ChartView = z
  .object({ title: z.unknown(), chartTitle: z.unknown(), chartType: z.unknown(), selectedChart: z.unknown(), encoding: z.unknown() })
  .partial()
  .nullish()
  .catch(null)

function nonEmptyString(...candidates: unknown[]): string | null {
  for (const c of candidates) if (typeof c === 'string' && c.trim() !== '') return c
  return null
}

/** `encoding.x = [{formula: "[amount]"}, …]` → `['amount']` (fixture charts.json); anything else is ignored. */
function encodingFields(encoding: unknown, channels: string[]): string[] {
  if (typeof encoding !== 'object' || encoding === null) return []
  const out: string[] = []
  for (const channel of channels) {
    const list = (encoding as Record<string, unknown>)[channel]
    if (!Array.isArray(list)) continue
    for (const item of list.slice(0, 20)) {
      const formula = typeof item === 'object' && item !== null ? (item as { formula?: unknown }).formula : null
      const m = typeof formula === 'string' ? /^\[(.{1,200})\]$/.exec(formula) : null
      if (m) out.push(m[1]!)
    }
  }
  return out
}

export const ModeChart = z
  .object({ token: Token, view: ChartView, view_vegas: ChartView, created_at: Text, updated_at: Text })
  .transform((v) => ({
    token: v.token,
    title: nonEmptyString(v.view_vegas?.title, v.view?.chartTitle, v.view?.title),
    chartType: nonEmptyString(v.view_vegas?.chartType, v.view?.selectedChart),
    /** Result columns on the x axis and on the y axis (or a big number's value), from `view_vegas.encoding`. */
    xFields: encodingFields(v.view_vegas?.encoding, ['x']),
    yFields: encodingFields(v.view_vegas?.encoding, ['y', 'value']),
    createdAt: v.created_at,
    updatedAt: v.updated_at,
  }))
export type ModeChart = z.output<typeof ModeChart>

/** Reusable SQL snippets referenced as `{{ @name as alias }}` inside queries. */
export const ModeDefinition = z
  .object({
    token: Token,
    id: OptionalId,
    name: Text,
    description: NonEmptyText,
    source: Text,
    data_source_id: OptionalId,
    created_at: Text,
    updated_at: Text,
  })
  .transform((v) => ({
    token: v.token,
    id: v.id,
    name: v.name,
    description: v.description,
    source: v.source ?? '',
    dataSourceId: v.data_source_id,
    createdAt: v.created_at,
    updatedAt: v.updated_at,
  }))
export type ModeDefinition = z.output<typeof ModeDefinition>

// ---- Data sources -------------------------------------------------------------------------------------

export const ModeDataSource = z
  .object({
    token: Token,
    id: OptionalId,
    name: Text,
    display_name: Text,
    description: NonEmptyText,
    adapter: Text,
    database: Text,
    host: Text,
    vendor: Text,
    provider: Text,
    warehouse: Text,
    soft_deleted: Flag,
    created_at: Text,
    updated_at: Text,
  })
  .transform((v) => ({
    token: v.token,
    id: v.id,
    name: v.display_name ?? v.name,
    description: v.description,
    /** e.g. `jdbc:postgresql`, `jdbc:snowflake`, `jdbc:bigquery`. */
    adapter: v.adapter,
    database: v.database,
    host: v.host,
    vendor: v.vendor,
    provider: v.provider,
    warehouse: v.warehouse,
    softDeleted: v.soft_deleted,
    createdAt: v.created_at,
    updatedAt: v.updated_at,
  }))
export type ModeDataSource = z.output<typeof ModeDataSource>

// ---- People -------------------------------------------------------------------------------------------

/** Mode's spec names `member_username`/`member_token`; name and email appear under several spellings. */
const EmbeddedUser = z.object({ username: Text, name: Text, email: NonEmptyText }).nullish().catch(null)

export const ModeMembership = z
  .object({
    token: OptionalId,
    member_username: Text,
    username: Text,
    member_token: OptionalId,
    member_name: Text,
    name: Text,
    member_email: NonEmptyText,
    email: NonEmptyText,
    admin: Flag,
    invited: Flag,
    state: Text,
    activated_at: Text,
    managed_by_scim: Flag,
    _links: Links,
    _embedded: z.object({ user: EmbeddedUser, member: EmbeddedUser }).partial().nullish().catch(null),
  })
  .transform((v, ctx) => {
    const user = v._embedded?.user ?? v._embedded?.member ?? null
    const username = v.member_username || v.username || user?.username || usernameFromHref(v._links.user)
    if (!username) {
      ctx.addIssue({ code: 'custom', message: 'membership without member_username', path: ['member_username'] })
      return z.NEVER
    }
    return {
      username,
      memberToken: v.member_token,
      name: v.member_name ?? v.name ?? user?.name ?? null,
      email: v.member_email ?? v.email ?? user?.email ?? null,
      admin: v.admin,
      invited: v.invited,
      /** e.g. `active`, `invited`, `deactivated` (Mode does not publish the enum). */
      state: v.state,
      activatedAt: v.activated_at,
      managedByScim: v.managed_by_scim,
    }
  })
export type ModeMembership = z.output<typeof ModeMembership>

export const ModeGroup = z
  .object({
    token: Token,
    name: Text,
    description: NonEmptyText,
    group_type: Text,
    state: Text,
    member_count: Counter,
    managed: Flag,
  })
  .transform((v) => ({
    token: v.token,
    name: v.name,
    description: v.description,
    groupType: v.group_type,
    state: v.state,
    memberCount: v.member_count,
    managed: v.managed,
  }))
export type ModeGroup = z.output<typeof ModeGroup>

/** The spec gives only `token` and `member_token`; the username comes from `_links.member.href` when absent. */
export const ModeGroupMembership = z
  .object({
    token: Token,
    member_token: OptionalId,
    member_username: Text,
    username: Text,
    member_name: Text,
    name: Text,
    _links: Links,
  })
  .transform((v) => ({
    token: v.token,
    memberToken: v.member_token,
    username: v.member_username || v.username || usernameFromHref(v._links.member) || usernameFromHref(v._links.user),
    name: v.member_name ?? v.name ?? null,
  }))
export type ModeGroupMembership = z.output<typeof ModeGroupMembership>

// ---- Lists --------------------------------------------------------------------------------------------

/** The envelope of every list: items under `_embedded.<key>`, optional `_links.next_page`. */
export interface ModeListPage<T> {
  items: T[]
  /** `_links.next_page.href` when Mode sent one (it often does not). */
  nextPageHref: string | null
  /** Items left out because they could not be read at all (no usable token). */
  skipped?: number
}

export type ListParseResult<T> = { ok: true; page: ModeListPage<T> } | { ok: false; problem: string }

/**
 * Parses a list response. Strict on the envelope: no `_embedded` object, or `_embedded` with other keys but
 * not `key`, or a non-array under `key`, is malformed — an empty list there would make a sync believe a
 * collection was emptied and delete its reports. The one accepted absence is `_embedded: {}` (nothing
 * else inside), the shape Mode returns past the last page (fixture `final_page.json`): an empty page.
 * Items degrade field by field (see the building blocks above); an item that still cannot be read (no usable
 * token) is skipped and counted, and the rest of the page is kept. A page whose every item is unreadable is
 * malformed, never an empty page: that would end the listing early and delete what later pages list.
 */
export function parseList<S extends z.ZodType>(
  body: unknown,
  keyOrKeys: string | readonly string[],
  itemSchema: S,
): ListParseResult<z.output<S>> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, problem: 'not a JSON object' }
  // Several keys: where Mode's key is not known, the first one present is the list.
  const candidates = typeof keyOrKeys === 'string' ? [keyOrKeys] : keyOrKeys
  const embedded = (body as { _embedded?: unknown })._embedded
  if (typeof embedded !== 'object' || embedded === null || Array.isArray(embedded)) {
    return { ok: false, problem: `no _embedded.${candidates[0] ?? ''} list` }
  }
  const key = candidates.find((k) => (embedded as Record<string, unknown>)[k] !== undefined) ?? candidates[0] ?? ''
  const raw = (embedded as Record<string, unknown>)[key]
  let rawItems: unknown[]
  if (raw === undefined && Object.keys(embedded).length === 0) rawItems = []
  else if (Array.isArray(raw)) rawItems = raw
  else return { ok: false, problem: `no _embedded.${key} list` }

  const items: z.output<S>[] = []
  let firstProblem: string | null = null
  for (let i = 0; i < rawItems.length; i++) {
    const parsed = itemSchema.safeParse(rawItems[i])
    if (parsed.success) {
      items.push(parsed.data)
      continue
    }
    const issue = parsed.error.issues[0]
    firstProblem ??= `_embedded.${key}[${i}] ${issue ? `${issue.path.join('.') || '(item)'}: ${issue.message}` : 'invalid'}`
  }
  if (items.length === 0 && firstProblem !== null) return { ok: false, problem: firstProblem }
  const links = Links.safeParse((body as { _links?: unknown })._links)
  const nextPageHref = links.success ? (links.data.next_page ?? null) : null
  return { ok: true, page: { items, nextPageHref, skipped: rawItems.length - items.length } }
}
