// The access data of a sync: groups with their members (listed with the people), then each shared
// collection's explicit grants and Discovery member activity. All of it is admin-only or Enterprise-only in
// Mode: a refusal is recorded per part ("needs an admin token", "needs a Discovery API token") and the rest of
// the sync goes on. Requests: the groups listing, one or two per group, one per shared collection (personal
// collections are their owner's alone: no request), and Discovery's pages (999 members each) — all through
// the client's rate limiter. A non-admin token stops after two refused collections.
import type { ModeSpace } from '../mode/schemas.ts'
import type { PeopleSnapshot } from '../library/writes/people-writes.ts'
import {
  forgetCollectionPermissions,
  recordAccessPart,
  saveCollectionPermissions,
  saveDefaultAccessLevels,
  saveMemberActivity,
  type AccessPartStatus,
} from '../library/writes/access-writes.ts'
import { runPool } from './run-pool.ts'
import type { ContentContext } from './fetch-report-content.ts'
import { describeError, errorCode } from './sync-errors.ts'

/** What the step needs of the run; `itemFailed` counts a real failure (a 5xx, a time-out, a malformed answer), never a refusal. */
export type AccessSyncContext = Omit<ContentContext, 'tracker'>

/** Mode's refusal of this token for an admin-only resource (403; a 403 that mentions the plan; a 400 about API keys). */
function isRefusal(error: unknown): boolean {
  const code = errorCode(error)
  return code === 'no_access' || code === 'plan_no_api'
}

/** Members from the memberships listing (no per-user requests); groups and their members when the token may see them. */
export async function listPeopleAndGroups(ctx: AccessSyncContext): Promise<PeopleSnapshot> {
  const { client, signal, library } = ctx
  const memberships = await client.listMemberships({ signal })
  let groups: PeopleSnapshot['groups'] = null
  try {
    const list = await client.listGroups({ signal })
    const byMemberToken = new Map(memberships.filter((m) => m.memberToken).map((m) => [m.memberToken!, m.username]))
    const withMembers: NonNullable<PeopleSnapshot['groups']> = list.map((group) => ({ group, usernames: [], membersListed: true }))
    let unlisted = 0
    await runPool(
      withMembers,
      ctx.concurrency,
      async (entry) => {
        try {
          for (const m of await client.listGroupMemberships(entry.group.token, { signal })) {
            const username = m.username ?? (m.memberToken ? byMemberToken.get(m.memberToken) : undefined)
            if (username && !entry.usernames.includes(username)) entry.usernames.push(username)
          }
        } catch (error) {
          if (signal?.aborted) throw error
          entry.membersListed = false
          unlisted++
          if (!isRefusal(error)) ctx.itemFailed(error)
        }
      },
      signal,
    )
    groups = withMembers
    const detail = unlisted === 0 ? null : `The members of ${unlisted} of ${list.length} groups could not be read.`
    recordAccessPart(library, 'groups', unlisted === 0 ? 'ok' : 'partial', detail, ctx.iso())
  } catch (error) {
    if (signal?.aborted) throw error
    // Groups are admin-only in Mode: without access the library simply keeps no groups (not an error).
    if (!isRefusal(error)) throw error
    library.transaction(() => {
      library.prepare('DELETE FROM group_members').run()
      library.prepare('DELETE FROM groups').run()
    })
    recordAccessPart(library, 'groups', 'needs_admin', 'Groups and their members need an admin or workspace API token.', ctx.iso())
  }
  return { memberships, groups }
}

/** Default access levels, explicit grants of each shared collection, and Discovery activity. */
export async function syncAccess(ctx: AccessSyncContext, spaces: ModeSpace[]): Promise<void> {
  saveDefaultAccessLevels(ctx.library, spaces)
  await syncPermissions(ctx, spaces.filter((s) => !s.isPersonal && s.state !== 'soft_deleted'))
  await syncActivity(ctx)
}

async function syncPermissions(ctx: AccessSyncContext, shared: ModeSpace[]): Promise<void> {
  const { library, client, signal } = ctx
  const unread: string[] = []
  let refused = 0
  let firstFailure: unknown = null
  const readOne = async (space: ModeSpace): Promise<void> => {
    try {
      saveCollectionPermissions(library, space.token, await client.listSpacePermissions(space.token, { signal }), ctx.iso())
    } catch (error) {
      if (signal?.aborted) throw error
      unread.push(space.token)
      if (isRefusal(error)) refused++
      else if (errorCode(error) !== 'not_found') {
        firstFailure ??= error
        ctx.itemFailed(error)
      }
    }
  }
  // Probe: a non-admin token is refused everywhere, so two refusals in a row (one could be a collection
  // deleted a moment ago, which Mode also answers 403) end the step after two requests.
  let next = 0
  while (next < shared.length && next < 2) {
    await readOne(shared[next]!)
    next++
    if (unread.length === 0) break
  }
  if (refused >= 2 || (refused === shared.length && refused > 0)) {
    forgetCollectionPermissions(library)
    recordAccessPart(library, 'permissions', 'needs_admin', 'Who can see each collection needs an admin or workspace API token.', ctx.iso())
    return
  }
  await runPool(shared.slice(next), ctx.concurrency, readOne, signal)
  if (unread.length > 0) forgetCollectionPermissions(library, unread)
  const status: AccessPartStatus = unread.length === 0 ? 'ok' : unread.length === shared.length ? 'failed' : 'partial'
  const detail = unread.length === 0 ? null
    : `The permissions of ${unread.length} of ${shared.length} shared collections could not be read${firstFailure ? ` (${describeError(firstFailure)})` : ''}.`
  recordAccessPart(library, 'permissions', status, detail, ctx.iso())
}

async function syncActivity(ctx: AccessSyncContext): Promise<void> {
  const { library, client, signal } = ctx
  try {
    const rows = await client.listMemberActivity({ signal })
    const matched = saveMemberActivity(library, rows)
    recordAccessPart(library, 'activity', 'ok', `Mode's Discovery API gave a last active day for ${matched} members.`, ctx.iso())
  } catch (error) {
    if (signal?.aborted) throw error
    saveMemberActivity(library, null)
    const code = errorCode(error)
    // Discovery is an Enterprise feature read with its own kind of token; refusals and absence are expected.
    if (code === 'no_access' || code === 'plan_no_api' || code === 'bad_credentials') {
      recordAccessPart(library, 'activity', 'needs_discovery', 'Member activity needs access to Mode\'s Discovery API (Enterprise plans, a token it accepts).', ctx.iso())
    } else if (code === 'not_found') {
      recordAccessPart(library, 'activity', 'unavailable', 'Mode\'s Discovery API is not available for this workspace (Enterprise plans).', ctx.iso())
    } else {
      recordAccessPart(library, 'activity', 'failed', `Member activity could not be read: ${describeError(error)}`, ctx.iso())
    }
  }
}
