// Zod schemas for the access data: a collection's permissions and Discovery-API member activity.
//
// Neither response is documented. What is known: permission writes take `{permission: {action, accessor_type:
// Account|UserGroup, accessor_token}}` (Mode's cookbook, the Terraform provider), and reads return `token` and
// `action`; Discovery returns a plain array under the resource name with a top-level `pagination` and
// `_links.next_page`. Everything else here is an assumption, so each field is read under several plausible
// spellings, every value is untrusted, and an item that names no accessor is skipped (and counted), never
// guessed.
import { z } from 'zod'
import { Links, usernameFromHref } from './schemas.ts'

const MAX_TEXT = 512

const Text = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === null || v === undefined ? null : String(v).slice(0, MAX_TEXT)))
  .transform((v) => (v === null || v.trim() === '' ? null : v))
  .catch(null)

/** `/api/ws/groups/abc` (absolute or not) → `abc`. */
export function groupTokenFromHref(href: string | undefined): string | null {
  if (!href) return null
  const match = /\/groups\/([^/?#]+)\/?(?:[?#]|$)/.exec(href)
  if (!match?.[1]) return null
  try {
    return decodeURIComponent(match[1])
  } catch {
    return null
  }
}

/** `view`, `edit`, … lower-cased; anything longer than a word is not an access level. */
function accessLevel(raw: string | null): string | null {
  if (raw === null) return null
  const level = raw.trim().toLowerCase()
  return /^[a-z_]{1,32}$/.test(level) ? level : null
}

function accessorKind(type: string | null): 'user' | 'group' | null {
  const t = type?.toLowerCase().replace(/[^a-z]/g, '') ?? ''
  if (t === 'usergroup' || t === 'group') return 'group'
  if (t === 'account' || t === 'user' || t === 'membership' || t === 'member') return 'user'
  return null
}

/** One explicit grant on a collection: a user (by token and/or username) or a group (by token). */
export const ModePermission = z
  .object({
    token: Text,
    action: Text,
    access_level: Text,
    accessor_type: Text,
    member_type: Text,
    accessor_token: Text,
    member_token: Text,
    group_token: Text,
    accessor_username: Text,
    member_username: Text,
    username: Text,
    _links: Links,
  })
  .transform((v, ctx) => {
    const accessorHref = v._links.accessor ?? v._links.member ?? v._links.user ?? v._links.user_group
    const hrefGroup = groupTokenFromHref(accessorHref)
    const hrefUser = hrefGroup ? null : usernameFromHref(accessorHref)
    const kind = accessorKind(v.accessor_type ?? v.member_type) ?? (hrefGroup || v.group_token ? 'group' : hrefUser || v.accessor_username ? 'user' : null)
    const token = kind === 'group' ? (v.accessor_token ?? v.group_token ?? v.member_token ?? hrefGroup) : (v.accessor_token ?? v.member_token)
    const username = kind === 'user' ? (v.accessor_username ?? v.member_username ?? v.username ?? hrefUser) : null
    if (kind === null || (token === null && username === null)) {
      ctx.addIssue({ code: 'custom', message: 'permission without an accessor', path: ['accessor_token'] })
      return z.NEVER
    }
    return { token: v.token, kind, accessorToken: token, username, level: accessLevel(v.action ?? v.access_level) }
  })
export type ModePermission = z.output<typeof ModePermission>

/** Under these `_embedded` keys, in this order (the real key is not known; data sources use `data_source_entitlements`). */
export const PERMISSION_LIST_KEYS = ['permissions', 'space_permissions', 'collection_permissions', 'entitlements', 'space_entitlements'] as const

/** `2024-05-01` or an ISO timestamp → `2024-05-01`; anything else (a future typo, a number) → null. */
function isoDay(raw: string | null): string | null {
  if (raw === null) return null
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(raw.trim())
  if (!match) return null
  const ms = Date.parse(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`)
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : null
}

/** One member's activity as the Discovery API gives it. */
export const ModeMemberActivity = z
  .object({
    username: Text,
    member_username: Text,
    email: Text,
    member_email: Text,
    last_day_engaged: Text,
  })
  .transform((v, ctx) => {
    const username = v.username ?? v.member_username
    const email = (v.email ?? v.member_email)?.toLowerCase() ?? null
    if (username === null && email === null) {
      ctx.addIssue({ code: 'custom', message: 'member activity without username or email', path: ['username'] })
      return z.NEVER
    }
    return { username, email, lastDayEngaged: isoDay(v.last_day_engaged) }
  })
export type ModeMemberActivity = z.output<typeof ModeMemberActivity>

export interface BatchPage<T> {
  items: T[]
  /** Items that could not be read at all. */
  skipped: number
  nextPageHref: string | null
  totalPages: number | null
}

export type BatchParseResult<T> = { ok: true; page: BatchPage<T> } | { ok: false; problem: string }

/** A Discovery page: `{pagination, <key>: [...], _links}`. The key is assumed to be `members` (also tried: `member_activity`, `users`). */
export function parseBatchPage<S extends z.ZodType>(body: unknown, keys: readonly string[], schema: S): BatchParseResult<z.output<S>> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, problem: 'not a JSON object' }
  const record = body as Record<string, unknown>
  const key = keys.find((k) => Array.isArray(record[k]))
  if (key === undefined) return { ok: false, problem: `no ${keys[0]} list` }
  const raw = record[key] as unknown[]
  const items: z.output<S>[] = []
  for (const item of raw) {
    const parsed = schema.safeParse(item)
    if (parsed.success) items.push(parsed.data)
  }
  const links = Links.safeParse(record._links)
  const pagination = record.pagination as { total_pages?: unknown } | null | undefined
  const total = typeof pagination === 'object' && pagination !== null ? Number(pagination.total_pages) : Number.NaN
  return {
    ok: true,
    page: {
      items,
      skipped: raw.length - items.length,
      nextPageHref: links.success ? (links.data.next_page ?? null) : null,
      totalPages: Number.isInteger(total) && total >= 0 ? total : null,
    },
  }
}
