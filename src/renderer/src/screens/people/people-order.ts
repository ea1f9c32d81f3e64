// The People screen's order and filters, pure so they are tested apart from the screen: the default order
// (admins first, then active, then by name), a sort by any column, and filters by role, state, group,
// inactivity and text.
import type { ActivityFigure } from '../../../../shared/access-model.ts'
import type { Person } from '../../../../shared/model.ts'

/** A member with what the screen shows beside the library's person: their groups and their activity. */
export interface PersonRow extends Person {
  groups: { token: string; name: string }[]
  /** The most recent activity figure with its source, or null when no source has one. */
  lastActive: ActivityFigure | null
  /** In the review's inactive list at the current threshold. */
  inactive: boolean
}

export const PEOPLE_SORTS = ['default', 'name', 'role', 'state', 'reports', 'lastActive'] as const
export type PeopleSort = (typeof PEOPLE_SORTS)[number]
export type SortDirection = 'asc' | 'desc'

export interface PeopleFilters {
  text: string
  role: 'all' | 'admin' | 'member'
  /** 'all', or a state as Mode spells it (compared without case). */
  state: string
  /** 'all', or a group token. */
  group: string
  inactiveOnly: boolean
}

export const NO_FILTERS: PeopleFilters = { text: '', role: 'all', state: 'all', group: 'all', inactiveOnly: false }

const displayName = (p: Person) => p.name ?? p.username
const byName = (a: Person, b: Person) => displayName(a).localeCompare(displayName(b)) || a.username.localeCompare(b.username)
const isActive = (p: Person) => !p.state || p.state.toLowerCase() === 'active'

/** Admins first, then active before others, then by name (or username when a name is missing). */
export function orderPeople<P extends Person>(members: readonly P[]): P[] {
  return [...members].sort((a, b) => Number(b.isAdmin) - Number(a.isAdmin) || Number(isActive(b)) - Number(isActive(a)) || byName(a, b))
}

/** Sorted by one column; ties and unknown values (no state, no activity) always go last, then by name. */
export function sortPeople<P extends PersonRow>(rows: readonly P[], sort: PeopleSort, direction: SortDirection): P[] {
  if (sort === 'default') return orderPeople(rows)
  const sign = direction === 'asc' ? 1 : -1
  const compare = (a: P, b: P): number => {
    switch (sort) {
      case 'name': return sign * byName(a, b)
      case 'role': return sign * (Number(b.isAdmin) - Number(a.isAdmin))
      case 'state': return unknownLast(a.state?.toLowerCase() ?? null, b.state?.toLowerCase() ?? null, sign)
      case 'reports': return sign * (a.reportCount - b.reportCount)
      case 'lastActive': return unknownLast(a.lastActive?.day ?? null, b.lastActive?.day ?? null, sign)
    }
  }
  return [...rows].sort((a, b) => compare(a, b) || byName(a, b))
}

function unknownLast(a: string | null, b: string | null, sign: number): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1
  return sign * a.localeCompare(b)
}

export function filterPeople<P extends PersonRow>(rows: readonly P[], f: PeopleFilters): P[] {
  const text = f.text.trim().toLowerCase()
  return rows.filter((p) =>
    (f.role === 'all' || (f.role === 'admin') === p.isAdmin) &&
    (f.state === 'all' || (p.state ?? '').toLowerCase() === f.state.toLowerCase()) &&
    (f.group === 'all' || p.groups.some((g) => g.token === f.group)) &&
    (!f.inactiveOnly || p.inactive) &&
    (!text || [p.name, p.username, p.email].some((v) => v?.toLowerCase().includes(text))))
}

/** The states present, in a stable order (active first), for the state filter. */
export function statesOf(rows: readonly Person[]): string[] {
  const states = [...new Set(rows.map((p) => p.state?.toLowerCase()).filter((s): s is string => !!s))]
  return states.sort((a, b) => Number(b === 'active') - Number(a === 'active') || a.localeCompare(b))
}
