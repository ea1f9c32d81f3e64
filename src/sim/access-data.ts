// Who may see what, and who was active when: the access data an admin token reads from Mode (collection
// permissions, memberships' activation and SCIM flags, Discovery-API-like member activity), added to a generated
// workspace from its own sub-stream of the seed, so every other part of the workspace stays byte-identical.
// Activity is stored as dates `daysAgo` before a reference instant (the simulator's start), so "inactive for 90
// days" means the same thing whenever a test runs.
import { generateWorkspace } from './generator.ts'
import { Rng, hashString, mixSeed, tokenText } from './prng.ts'
import type { Truth, TruthAccessLevel, TruthMember, TruthPermission, TruthSpace } from './truth.ts'

const DAY_MS = 86_400_000

/** YYYY-MM-DD, `days` days before `referenceMs` (UTC), as Discovery's `last_day_engaged`. */
export function dayBefore(referenceMs: number, days: number): string {
  return new Date(referenceMs - days * DAY_MS).toISOString().slice(0, 10)
}

/** True when the workspace already carries access data (a ready-made truth, or one filled before). */
export function hasAccessData(truth: Truth): boolean {
  return truth.members.some((m) => m.last_day_engaged !== undefined) || truth.spaces.some((s) => s.permissions !== undefined)
}

/** Fills activation dates, SCIM flags, activity, default access levels and grants; picks the member-token account. */
export function addAccessData(truth: Truth, seed: number, referenceMs: number): Truth {
  const rng = new Rng(mixSeed(seed, hashString(truth.workspace.username), 0xacce55))
  const usedTokens = new Set<string>()
  const freshToken = (): string => {
    let t = tokenText(rng.tokenValue())
    while (usedTokens.has(t)) t = tokenText(rng.tokenValue())
    usedTokens.add(t)
    return t
  }
  for (const m of truth.members) {
    m.activated_at = m.state === 'invited' ? null : new Date(referenceMs - rng.int(120, 2400) * DAY_MS).toISOString()
    m.managed_by_scim = rng.chance(0.2)
    m.last_day_engaged = engagedDay(rng, m, referenceMs)
  }
  const active = truth.members.filter((m) => m.state === 'active' && m.username !== truth.account_username)
  for (const s of truth.spaces) {
    s.default_access_level = s.space_type === 'private' ? 'view' : s.restricted ? 'restricted' : rng.chance(0.6) ? 'edit' : 'view'
    s.permissions = s.space_type === 'private' ? [] : grants(rng, s, truth, active, freshToken)
  }
  truth.member_account_username ??= active.find((m) => !m.admin)?.username
  return truth
}

function engagedDay(rng: Rng, m: TruthMember, referenceMs: number): string | null {
  if (m.state === 'invited') return null
  if (m.state === 'deactivated') return dayBefore(referenceMs, rng.int(120, 900))
  const roll = rng.next()
  if (roll < 0.05) return null
  if (roll < 0.75) return dayBefore(referenceMs, rng.int(0, 60))
  if (roll < 0.9) return dayBefore(referenceMs, rng.int(61, 200))
  return dayBefore(referenceMs, rng.int(201, 700))
}

function grants(rng: Rng, s: TruthSpace, truth: Truth, active: TruthMember[], freshToken: () => string): TruthPermission[] {
  const out: TruthPermission[] = []
  const restricted = s.default_access_level === 'restricted'
  const users = restricted ? rng.int(1, 3) : rng.chance(0.3) ? 1 : 0
  for (let i = 0; i < users && active.length > 0; i++) {
    const m = rng.pick(active)
    if (out.some((p) => p.accessor_token === m.token)) continue
    out.push({ token: freshToken(), accessor_type: 'Account', accessor_token: m.token, action: rng.chance(0.5) ? 'edit' : 'view' })
  }
  const groupCount = restricted ? rng.int(0, 2) : rng.chance(0.3) ? 1 : 0
  // Group 0 is Everyone, whose access is the default level itself; the others are granted explicitly.
  const named = truth.groups.slice(1)
  for (let i = 0; i < groupCount && named.length > 0; i++) {
    const g = rng.pick(named)
    if (out.some((p) => p.accessor_token === g.token)) continue
    out.push({ token: freshToken(), accessor_type: 'UserGroup', accessor_token: g.token, action: rng.chance(0.5) ? 'edit' : 'view' })
  }
  return out
}

/** The usernames, group tokens and collection tokens of the cases `plantAccessReviewCases` guarantees. */
export interface AccessReviewCases {
  inactiveAdmin: string
  inactiveMember: string
  deactivatedOwner: string
  emptyGroup: string
  noAccessGroup: string
  restrictedCollection: string
  /** A grant on the restricted collection to a user token no membership carries. */
  unknownAccessorToken: string
}

/**
 * Makes sure one workspace holds every case the access review reports: an inactive admin, an inactive member,
 * a deactivated member who still owns reports and sits in a group (and has a personal collection), an empty
 * group, a group with members but no access anywhere, and a restricted collection whose `restricted` flag is
 * (like Mode's, at times) false, granted to a user, a group, the deactivated member and an unknown token.
 */
export function plantAccessReviewCases(truth: Truth, referenceMs: number): AccessReviewCases {
  const account = truth.account_username
  const owners = new Set(truth.reports.map((r) => r.creator_username))
  const active = truth.members.filter((m) => m.state === 'active' && m.username !== account && m.username !== truth.member_account_username)
  const pick = (label: string, test: (m: TruthMember) => boolean): TruthMember => {
    const m = active.find((x) => test(x) && !taken.has(x.username))
    if (!m) throw new Error(`the workspace has no member for the ${label} case; generate more reports`)
    taken.add(m.username)
    return m
  }
  const taken = new Set<string>()
  const owner = pick('deactivated owner', (m) => owners.has(m.username) && !m.admin)
  const inactiveAdmin = pick('inactive admin', () => true)
  const inactiveMember = pick('inactive member', (m) => !m.admin)
  // Their reports pass to the account: Discovery's day is then their only activity figure.
  for (const r of truth.reports) if (r.creator_username === inactiveAdmin.username || r.creator_username === inactiveMember.username) r.creator_username = account
  const grantee = pick('group member', (m) => !m.admin)

  inactiveAdmin.admin = true
  inactiveAdmin.last_day_engaged = dayBefore(referenceMs, 400)
  inactiveMember.last_day_engaged = dayBefore(referenceMs, 150)
  owner.state = 'deactivated'
  owner.admin = false
  owner.last_day_engaged = dayBefore(referenceMs, 300)
  const ownerGroup = truth.groups[1] ?? truth.groups[0]!
  if (!ownerGroup.member_usernames.includes(owner.username)) ownerGroup.member_usernames.push(owner.username)

  const tokenFor = (label: string): string => tokenText(mixSeed(hashString(truth.workspace.username), hashString(label)) * 4096 + 0xace)
  const emptyGroup = { token: tokenFor('empty-group'), name: 'Alumni 2021', member_usernames: [] as string[] }
  const noAccessGroup = { token: tokenFor('no-access-group'), name: 'Vendors', member_usernames: [grantee.username, inactiveMember.username] }
  truth.groups.push(emptyGroup, noAccessGroup)

  const unknownAccessorToken = tokenFor('unknown-accessor')
  const level: TruthAccessLevel = 'restricted'
  const restricted: TruthSpace = {
    token: tokenFor('board-pack'), id: 1_919_999, name: 'Board Pack', description: 'Board meeting material.',
    space_type: 'custom', state: 'active', restricted: false, personal_owner_username: null, default_access_level: level,
    permissions: [
      { token: tokenFor('perm-1'), accessor_type: 'Account', accessor_token: inactiveMember.token, action: 'view' },
      { token: tokenFor('perm-2'), accessor_type: 'UserGroup', accessor_token: ownerGroup.token, action: 'edit' },
      { token: tokenFor('perm-3'), accessor_type: 'Account', accessor_token: owner.token, action: 'edit' },
      { token: tokenFor('perm-4'), accessor_type: 'Account', accessor_token: unknownAccessorToken, action: 'view' },
    ],
  }
  truth.spaces.splice(truth.spaces.findIndex((s) => s.space_type === 'private'), 0, restricted)
  // Nothing else grants the two new groups anything: the empty one and "Vendors" have no access.
  return {
    inactiveAdmin: inactiveAdmin.username,
    inactiveMember: inactiveMember.username,
    deactivatedOwner: owner.username,
    emptyGroup: emptyGroup.token,
    noAccessGroup: noAccessGroup.token,
    restrictedCollection: restricted.token,
    unknownAccessorToken,
  }
}

/** A generated workspace with access data and every review case planted (tests, the access-review e2e). */
export function generateAccessReviewWorkspace(options: { seed: number; reports: number; workspace?: string; referenceMs: number }): { truth: Truth; cases: AccessReviewCases } {
  const truth = addAccessData(generateWorkspace(options), options.seed, options.referenceMs)
  return { truth, cases: plantAccessReviewCases(truth, options.referenceMs) }
}
