// The people and access review, computed from what the library holds (pure: the same data and clock give
// the same review). Activity figures come only from named sources — Mode's Discovery API (`last_day_engaged`)
// and the library (the reports a person created) — and are never inferred. Where a part of the access data
// could not be read with this token, the findings that depend on it are left out and a note says why.
import {
  DEFAULT_INACTIVE_DAYS,
  type AccessPartState,
  type AccessReview,
  type ActivityFigure,
  type ReviewCollection,
  type ReviewGroup,
  type ReviewPerson,
} from '../../shared/access-model.ts'
import { findingsOf } from './access-findings.ts'

export interface AccessMember {
  username: string
  name: string | null
  isAdmin: boolean
  state: string | null
  activatedAt: string | null
  managedByScim: boolean
  /** Discovery's `last_day_engaged` (YYYY-MM-DD), when the activity part was read. */
  lastDayEngaged: string | null
  /** The newest `created_at` of a report this person created, as the library holds it. */
  lastReportCreatedAt: string | null
  reports: { live: number; archived: number }
}

export interface AccessGroupData {
  token: string
  name: string
  groupType: string | null
  managed: boolean
  membersListed: boolean
  members: string[]
}

export interface AccessGrantData {
  kind: 'user' | 'group'
  key: string
  resolved: boolean
  level: string | null
}

export interface AccessCollectionData {
  token: string
  label: string
  isPersonal: boolean
  ownerUsername: string | null
  restrictedFlag: boolean
  defaultAccessLevel: string | null
  grantsKnown: boolean
  grants: AccessGrantData[]
  /** Live reports (the app's one count rule), archived ones apart. */
  reportCount: number
  archivedCount: number
}

export interface AccessData {
  workspace: string | null
  members: AccessMember[]
  groups: AccessGroupData[]
  collections: AccessCollectionData[]
  parts: AccessPartState[]
}

const DAY_MS = 86_400_000

/** Mode does not publish its membership states; these words mean the seat is switched off. */
export function isDeactivated(state: string | null): boolean {
  return state !== null && /^(deactivated|disabled|suspended|removed|inactive)$/i.test(state.trim())
}

function isActive(state: string | null): boolean {
  return state === null || state.trim().toLowerCase() === 'active'
}

function dayOf(iso: string | null): string | null {
  if (iso === null) return null
  const ms = Date.parse(iso)
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : null
}

function daysBetween(day: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(`${day}T00:00:00Z`)) / DAY_MS))
}

export interface AccessReviewOptions {
  now: Date
  inactiveDays?: number
  /** False for the sample workspace: its findings carry no Mode link. */
  modeLinks?: boolean
}

export function computeAccessReview(data: AccessData, options: AccessReviewOptions): AccessReview {
  const { now } = options
  const inactiveDays = options.inactiveDays ?? DEFAULT_INACTIVE_DAYS
  const part = (name: AccessPartState['part']) => data.parts.find((p) => p.part === name)
  const usable = (name: AccessPartState['part']) => ['ok', 'partial'].includes(part(name)?.status ?? '')
  const groupsKnown = usable('groups')
  const permissionsComplete = part('permissions')?.status === 'ok'
  const activityKnown = part('activity')?.status === 'ok'

  const groupsOf = new Map<string, { token: string; name: string }[]>()
  if (groupsKnown) {
    for (const g of data.groups) for (const u of g.members) groupsOf.set(u, [...(groupsOf.get(u) ?? []), { token: g.token, name: g.name }])
  }
  const people = new Map(data.members.map((m) => [m.username, person(m, groupsOf.get(m.username) ?? [], activityKnown, now)]))
  const all = [...people.values()]

  const admins = all.filter((p) => p.isAdmin).sort(byName)
  const inactive = all
    .filter((p) => isActive(p.state) && (p.daysInactive === null || p.daysInactive >= inactiveDays))
    .sort((a, b) => (b.daysInactive ?? Infinity) - (a.daysInactive ?? Infinity) || byName(a, b))
  const deactivatedWithAccess = all
    .filter((p) => isDeactivated(p.state) && (p.reports.live + p.reports.archived > 0 || p.groups.length > 0))
    .sort(byName)

  const grantedGroups = new Set(data.collections.flatMap((c) => c.grants.filter((g) => g.kind === 'group').map((g) => g.key)))
  const reviewGroup = (g: AccessGroupData): ReviewGroup => ({ token: g.token, name: g.name, memberCount: g.members.length, managed: g.managed })
  const listedGroups = groupsKnown ? data.groups.filter((g) => g.membersListed) : []
  const groupsWithoutMembers = listedGroups.filter((g) => g.members.length === 0).map(reviewGroup)
  // Everyone's access is each collection's default level, never a grant; and only a complete permissions read can say "none".
  const groupsWithoutAccess = permissionsComplete
    ? listedGroups.filter((g) => g.members.length > 0 && g.groupType !== 'everyone' && !grantedGroups.has(g.token)).map(reviewGroup)
    : []

  const groupNames = new Map(data.groups.map((g) => [g.token, g.name]))
  const collection = (c: AccessCollectionData): ReviewCollection => ({
    token: c.token,
    label: c.label,
    defaultAccessLevel: c.defaultAccessLevel,
    restrictedFlag: c.restrictedFlag,
    grantsKnown: c.grantsKnown,
    grants: c.grants.map((g) => ({
      kind: g.kind,
      key: g.key,
      label: g.kind === 'group' ? (groupNames.get(g.key) ?? `group ${g.key}`) : g.resolved ? (people.get(g.key)?.name ?? g.key) : `unknown user ${g.key}`,
      level: g.level,
      resolved: g.resolved && (g.kind === 'user' ? people.has(g.key) : groupNames.has(g.key)),
      state: g.kind === 'user' ? (people.get(g.key)?.state ?? null) : null,
    })).sort((a, b) => a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label)),
    reportCount: c.reportCount,
    archivedCount: c.archivedCount,
    ownerUsername: c.ownerUsername,
  })
  // The access level decides; the flag alone is not reliable (it came back false for restricted collections).
  const restrictedCollections = data.collections
    .filter((c) => !c.isPersonal && (c.defaultAccessLevel === 'restricted' || (c.defaultAccessLevel === null && c.restrictedFlag)))
    .map(collection)
    .sort((a, b) => a.label.localeCompare(b.label))
  const personalOfDeactivated = data.collections
    .filter((c) => c.isPersonal && c.ownerUsername !== null && isDeactivated(people.get(c.ownerUsername)?.state ?? null))
    .map(collection)
    .sort((a, b) => a.label.localeCompare(b.label))

  const review: Omit<AccessReview, 'findings'> = {
    workspace: data.workspace,
    generatedAt: now.toISOString(),
    inactiveDays,
    parts: data.parts,
    people: [...all].sort(byName),
    admins,
    inactive,
    deactivatedWithAccess,
    groupsWithoutMembers,
    groupsWithoutAccess,
    restrictedCollections,
    personalOfDeactivated,
  }
  return { ...review, findings: findingsOf(review, options.modeLinks ?? true) }
}

function person(m: AccessMember, groups: { token: string; name: string }[], activityKnown: boolean, now: Date): ReviewPerson {
  const figures: ActivityFigure[] = []
  if (activityKnown && m.lastDayEngaged) figures.push({ source: 'discovery', label: 'Discovery API: last day engaged', day: m.lastDayEngaged })
  const created = dayOf(m.lastReportCreatedAt)
  if (created) figures.push({ source: 'library', label: 'Library: last report created', day: created })
  const lastActive = figures.reduce<ActivityFigure | null>((best, f) => (best === null || f.day > best.day ? f : best), null)
  const activated = dayOf(m.activatedAt)
  // With no figure at all, the days since activation are what is known (a member activated last week is not inactive).
  const daysInactive = lastActive ? daysBetween(lastActive.day, now) : activated ? daysBetween(activated, now) : null
  return {
    username: m.username,
    name: m.name,
    isAdmin: m.isAdmin,
    state: m.state,
    lastActive,
    figures,
    daysInactive,
    activatedAt: m.activatedAt,
    managedByScim: m.managedByScim,
    reports: m.reports,
    groups: [...groups].sort((a, b) => a.name.localeCompare(b.name)),
  }
}

function byName(a: ReviewPerson, b: ReviewPerson): number {
  return (a.name ?? a.username).localeCompare(b.name ?? b.username) || a.username.localeCompare(b.username)
}
