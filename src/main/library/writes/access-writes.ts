// The sync's writes of access data: collections' default access levels and explicit grants, Discovery member
// activity, and what each part of the access data came to for this token (read, or refused and why).
import type { Library } from '../open-library.ts'
import type { ModeMemberActivity, ModePermission } from '../../mode/access-schemas.ts'
import type { ModeSpace } from '../../mode/schemas.ts'
import type { Row } from './listing-writes.ts'

export type AccessPart = 'groups' | 'permissions' | 'activity'
/** `needs_admin`: Mode refused this token (admin or workspace token needed); `needs_discovery`: Discovery refused it; `unavailable`: not offered for this workspace. */
export type AccessPartStatus = 'ok' | 'needs_admin' | 'needs_discovery' | 'unavailable' | 'partial' | 'failed'

export function recordAccessPart(library: Library, part: AccessPart, status: AccessPartStatus, detail: string | null, now: string): void {
  library.prepare(
    `INSERT INTO access_parts(part, status, detail, checked_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(part) DO UPDATE SET status = excluded.status, detail = excluded.detail, checked_at = excluded.checked_at`,
  ).run(part, status, detail, now)
}

/** Each listed collection's `default_access_level`, as Mode sent it (normalised to a short lower-case word). */
export function saveDefaultAccessLevels(library: Library, spaces: ModeSpace[]): void {
  library.transaction(() => {
    const update = library.prepare('UPDATE collections SET default_access_level = ? WHERE token = ?')
    for (const s of spaces) {
      const level = s.defaultAccessLevel?.trim().toLowerCase() ?? null
      update.run(level !== null && /^[a-z_]{1,32}$/.test(level) ? level : null, s.token)
    }
  })
}

/** Replaces one collection's grants with a complete listing. A user named only by token becomes its username when a membership carries that token. */
export function saveCollectionPermissions(library: Library, collectionToken: string, permissions: ModePermission[], now: string): void {
  library.transaction(() => {
    const byToken = new Map((library.prepare('SELECT username, member_token FROM members WHERE member_token IS NOT NULL').all() as Row[])
      .map((r) => [String(r.member_token), String(r.username)]))
    library.prepare('DELETE FROM collection_permissions WHERE collection_token = ?').run(collectionToken)
    const insert = library.prepare(
      `INSERT INTO collection_permissions(collection_token, accessor_kind, accessor_key, resolved, access_level) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET access_level = CASE WHEN excluded.access_level = 'edit' THEN 'edit' ELSE coalesce(access_level, excluded.access_level) END`,
    )
    for (const p of permissions) {
      if (p.kind === 'group') {
        if (p.accessorToken) insert.run(collectionToken, 'group', p.accessorToken, 1, p.level)
        continue
      }
      const username = p.username ?? (p.accessorToken ? byToken.get(p.accessorToken) : undefined)
      if (username) insert.run(collectionToken, 'user', username, 1, p.level)
      else if (p.accessorToken) insert.run(collectionToken, 'user', p.accessorToken, 0, p.level)
    }
    library.prepare('UPDATE collections SET permissions_listed_at = ? WHERE token = ?').run(now, collectionToken)
  })
}

/** The token cannot read grants: none are kept (stale grants would be shown as current). */
export function forgetCollectionPermissions(library: Library, collectionTokens?: string[]): void {
  library.transaction(() => {
    if (!collectionTokens) {
      library.prepare('DELETE FROM collection_permissions').run()
      library.prepare('UPDATE collections SET permissions_listed_at = NULL').run()
      return
    }
    const remove = library.prepare('DELETE FROM collection_permissions WHERE collection_token = ?')
    const unmark = library.prepare('UPDATE collections SET permissions_listed_at = NULL WHERE token = ?')
    for (const token of collectionTokens) {
      remove.run(token)
      unmark.run(token)
    }
  })
}

/** Discovery activity by username, or by email when that is all a row names; null clears every figure. Returns how many members got one. */
export function saveMemberActivity(library: Library, rows: ModeMemberActivity[] | null): number {
  return library.transaction(() => {
    library.prepare('UPDATE members SET last_day_engaged = NULL').run()
    if (!rows) return 0
    const byUsername = library.prepare('UPDATE members SET last_day_engaged = ? WHERE username = ?')
    const byEmail = library.prepare('UPDATE members SET last_day_engaged = ? WHERE lower(email) = ? AND last_day_engaged IS NULL')
    let matched = 0
    for (const row of rows) {
      if (row.lastDayEngaged === null) continue
      const result = row.username !== null ? byUsername.run(row.lastDayEngaged, row.username) : row.email !== null ? byEmail.run(row.lastDayEngaged, row.email) : null
      matched += Number(result?.changes ?? 0)
    }
    return matched
  })
}
