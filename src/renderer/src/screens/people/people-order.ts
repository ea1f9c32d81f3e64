import type { Person } from '../../../../shared/model.ts'

/** Admins first, then active before others, then by name (or username when a name is missing). */
export function orderPeople(members: readonly Person[]): Person[] {
  const rank = (p: Person) => (p.state && p.state.toLowerCase() !== 'active' ? 1 : 0)
  return [...members].sort(
    (a, b) => Number(b.isAdmin) - Number(a.isAdmin) || rank(a) - rank(b) || (a.name ?? a.username).localeCompare(b.name ?? b.username),
  )
}
