// The sync's writes of data sources, members and groups (complete listings replace what is stored). Each returns
// the reports whose search documents name something renamed, for the caller to re-index in chunks.
import type { Library } from '../open-library.ts'
import type { ModeDataSource, ModeGroup, ModeMembership } from '../../mode/schemas.ts'
import { tokensOf } from './listing-writes.ts'
import type { Row } from './listing-writes.ts'

/** Replaces the data sources with a complete listing; returns the reports to re-index (a source was renamed). */
export function saveDataSources(library: Library, sources: ModeDataSource[]): string[] {
  return library.transaction(() => {
    const before = new Map((library.prepare('SELECT id, name FROM data_sources').all() as Row[]).map((r) => [String(r.id), r.name]))
    const upsert = library.prepare(
      `INSERT INTO data_sources(id, token, name, adapter, database, host) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET token = excluded.token, name = excluded.name, adapter = excluded.adapter,
         database = excluded.database, host = excluded.host`,
    )
    const seen = new Set<string>()
    const renamed: string[] = []
    for (const ds of sources) {
      const id = ds.id ?? ds.token
      const name = ds.name ?? ds.token
      if (before.has(id) && before.get(id) !== name) renamed.push(id)
      seen.add(id)
      upsert.run(id, ds.token, name, ds.adapter, ds.database, ds.host)
    }
    const remove = library.prepare('DELETE FROM data_sources WHERE id = ?')
    for (const id of before.keys()) if (!seen.has(id)) { remove.run(id); renamed.push(id) }
    const users = library.prepare('SELECT DISTINCT report_token AS token FROM queries WHERE data_source_id = ?')
    return [...new Set(renamed.flatMap((id) => tokensOf(users.all(id))))]
  })
}

export interface PeopleSnapshot {
  memberships: ModeMembership[]
  /** Null when the groups listing was not available (e.g. 403 for non-admins): the stored groups are then left as they are (the access step clears them on a refusal). */
  groups: { group: ModeGroup; usernames: string[]; membersListed?: boolean }[] | null
}

/** Replaces members (and groups, when listed) with complete listings; returns the reports of renamed authors to re-index. */
export function savePeople(library: Library, people: PeopleSnapshot): string[] {
  return library.transaction(() => {
    const before = new Map((library.prepare('SELECT username, name FROM members').all() as Row[]).map((r) => [String(r.username), r.name]))
    const upsert = library.prepare(
      `INSERT INTO members(username, name, email, is_admin, state, member_token, invited, activated_at, managed_by_scim) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(username) DO UPDATE SET name = excluded.name, email = excluded.email, is_admin = excluded.is_admin, state = excluded.state,
         member_token = excluded.member_token, invited = excluded.invited, activated_at = excluded.activated_at, managed_by_scim = excluded.managed_by_scim`,
    )
    const seen = new Set<string>()
    const renamed: string[] = []
    for (const m of people.memberships) {
      if (seen.has(m.username)) continue
      seen.add(m.username)
      if (!before.has(m.username) || before.get(m.username) !== m.name) renamed.push(m.username)
      upsert.run(m.username, m.name, m.email, m.admin ? 1 : 0, m.state, m.memberToken, m.invited ? 1 : 0, m.activatedAt, m.managedByScim ? 1 : 0)
    }
    const remove = library.prepare('DELETE FROM members WHERE username = ?')
    for (const username of before.keys()) if (!seen.has(username)) { remove.run(username); renamed.push(username) }
    const byCreator = library.prepare('SELECT token FROM reports WHERE creator_username = ?')
    const toReindex = renamed.flatMap((u) => tokensOf(byCreator.all(u)))

    if (people.groups) {
      library.prepare('DELETE FROM group_members').run()
      const groupSeen = new Set<string>()
      const upsertGroup = library.prepare(
        `INSERT INTO groups(token, name, group_type, managed, members_listed) VALUES (?, ?, ?, ?, ?) ON CONFLICT(token) DO UPDATE SET
           name = excluded.name, group_type = excluded.group_type, managed = excluded.managed, members_listed = excluded.members_listed`,
      )
      const addMember = library.prepare('INSERT OR IGNORE INTO group_members(group_token, username) VALUES (?, ?)')
      for (const { group, usernames, membersListed } of people.groups) {
        groupSeen.add(group.token)
        upsertGroup.run(group.token, group.name ?? group.token, group.groupType, group.managed ? 1 : 0, membersListed === false ? 0 : 1)
        for (const u of usernames) addMember.run(group.token, u)
      }
      const removeGroup = library.prepare('DELETE FROM groups WHERE token = ?')
      for (const row of library.prepare('SELECT token FROM groups').all() as Row[]) {
        if (!groupSeen.has(String(row.token))) removeGroup.run(String(row.token))
      }
    }
    return toReindex
  })
}

