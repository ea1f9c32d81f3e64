// Reads what the access review needs from the library: members with their report counts and newest report,
// groups with members, collections with default access levels and grants, and the state of each access part.
import { ACCESS_PARTS, type AccessPartState } from '../../shared/access-model.ts'
import type { Library } from '../library/open-library.ts'
import { LIVE } from '../library/read-models.ts'
import { collectionLabel } from '../search/facet-labels.ts'
import type { AccessData } from './access-review.ts'

type Row = Record<string, unknown>
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v))
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0)) || 0

const NOT_SYNCED: Record<AccessPartState['part'], string> = {
  groups: 'Groups have not been read yet: sync to read them.',
  permissions: 'Who can see each collection has not been read yet: sync to read it.',
  activity: 'Member activity has not been read yet: sync to read it.',
}

/** No library yet: nothing to review, every part not synced. */
export function emptyAccessData(): AccessData {
  return { workspace: null, members: [], groups: [], collections: [], parts: ACCESS_PARTS.map((part) => notSynced(part)) }
}

function notSynced(part: AccessPartState['part']): AccessPartState {
  return { part, status: 'not_synced', note: NOT_SYNCED[part], checkedAt: null }
}

export function readAccessData(library: Library): AccessData {
  const workspace = str((library.prepare('SELECT username FROM workspace LIMIT 1').get() as Row | undefined)?.username) ?? library.workspace
  const members = (library.prepare(
    `SELECT m.username, m.name, m.is_admin, m.state, m.activated_at, m.managed_by_scim, m.last_day_engaged,
            (SELECT max(created_at) FROM reports r WHERE r.creator_username = m.username) AS last_created,
            (SELECT count(*) FROM reports r WHERE r.creator_username = m.username AND ${LIVE}) AS live,
            (SELECT count(*) FROM reports r WHERE r.creator_username = m.username AND NOT ${LIVE}) AS archived
       FROM members m ORDER BY m.username`,
  ).all() as Row[]).map((m) => ({
    username: String(m.username),
    name: str(m.name),
    isAdmin: num(m.is_admin) === 1,
    state: str(m.state),
    activatedAt: str(m.activated_at),
    managedByScim: num(m.managed_by_scim) === 1,
    lastDayEngaged: str(m.last_day_engaged),
    lastReportCreatedAt: str(m.last_created),
    reports: { live: num(m.live), archived: num(m.archived) },
  }))
  const membersOf = library.prepare('SELECT username FROM group_members WHERE group_token = ? ORDER BY username')
  const groups = (library.prepare('SELECT token, name, group_type, managed, members_listed FROM groups ORDER BY name, token').all() as Row[]).map((g) => ({
    token: String(g.token),
    name: String(g.name),
    groupType: str(g.group_type),
    managed: num(g.managed) === 1,
    membersListed: num(g.members_listed) === 1,
    members: (membersOf.all(String(g.token)) as Row[]).map((r) => String(r.username)),
  }))
  const grantsOf = library.prepare('SELECT accessor_kind, accessor_key, resolved, access_level FROM collection_permissions WHERE collection_token = ?')
  const collections = (library.prepare(
    `SELECT c.token, c.name, c.is_personal, c.space_type, c.owner_username, c.restricted, c.default_access_level, c.permissions_listed_at,
            (SELECT count(*) FROM reports r WHERE r.collection_token = c.token AND ${LIVE}) AS report_count,
            (SELECT count(*) FROM reports r WHERE r.collection_token = c.token AND NOT ${LIVE}) AS archived_count
       FROM collections c ORDER BY c.position, c.token`,
  ).all() as Row[]).map((c) => {
    const personal = num(c.is_personal) === 1 || c.space_type === 'private'
    return {
      token: String(c.token),
      label: collectionLabel(String(c.name), personal, str(c.owner_username)),
      isPersonal: personal,
      ownerUsername: str(c.owner_username),
      restrictedFlag: num(c.restricted) === 1,
      defaultAccessLevel: str(c.default_access_level),
      grantsKnown: c.permissions_listed_at !== null && c.permissions_listed_at !== undefined,
      grants: (grantsOf.all(String(c.token)) as Row[]).map((g) => ({
        kind: g.accessor_kind === 'group' ? ('group' as const) : ('user' as const),
        key: String(g.accessor_key),
        resolved: num(g.resolved) === 1,
        level: str(g.access_level),
      })),
      reportCount: num(c.report_count),
      archivedCount: num(c.archived_count),
    }
  })
  const stored = new Map((library.prepare('SELECT part, status, detail, checked_at FROM access_parts').all() as Row[]).map((r) => [String(r.part), r]))
  const parts: AccessPartState[] = ACCESS_PARTS.map((part) => {
    const row = stored.get(part)
    if (!row) return notSynced(part)
    const known: readonly string[] = ['ok', 'needs_admin', 'needs_discovery', 'unavailable', 'partial', 'failed']
    const status = (known.includes(String(row.status)) ? String(row.status) : 'failed') as AccessPartState['status']
    return { part, status, note: str(row.detail) ?? (status === 'ok' ? 'Read in full.' : status), checkedAt: str(row.checked_at) }
  })
  return { workspace, members, groups, collections, parts }
}
