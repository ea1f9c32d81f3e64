// The People screen's filters: text, role, state, group, and "inactive for N+ days" (the threshold the
// Access review sets). Native controls, so each is reachable and operable from the keyboard.
import type { Group } from '../../../../shared/model.ts'
import { statesOf, type PeopleFilters, type PersonRow } from './people-order.ts'

export function PeopleFiltersBar({ rows, groups, filters, onChange, inactiveDays }: {
  rows: readonly PersonRow[]
  groups: readonly Group[]
  filters: PeopleFilters
  onChange: (filters: PeopleFilters) => void
  inactiveDays: number
}) {
  const set = (patch: Partial<PeopleFilters>) => onChange({ ...filters, ...patch })
  const states = statesOf(rows)
  return (
    <div className="people-filters" role="group" aria-label="Filter members">
      <input type="search" className="input people-filter" placeholder="Filter people" aria-label="Filter people" value={filters.text} onChange={(e) => set({ text: e.target.value })} />
      <label className="people-select">
        <span>Role</span>
        <select className="input" value={filters.role} onChange={(e) => set({ role: e.target.value as PeopleFilters['role'] })}>
          <option value="all">All</option>
          <option value="admin">Admins</option>
          <option value="member">Members</option>
        </select>
      </label>
      <label className="people-select">
        <span>State</span>
        <select className="input" value={filters.state} onChange={(e) => set({ state: e.target.value })}>
          <option value="all">All</option>
          {states.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </label>
      <label className="people-select">
        <span>Group</span>
        <select className="input" value={filters.group} onChange={(e) => set({ group: e.target.value })} disabled={groups.length === 0}>
          <option value="all">All</option>
          {groups.map((g) => <option key={g.token} value={g.token}>{g.name}</option>)}
        </select>
      </label>
      <label className="people-check">
        <input type="checkbox" checked={filters.inactiveOnly} onChange={(e) => set({ inactiveOnly: e.target.checked })} />
        <span>Inactive {inactiveDays.toLocaleString()}+ days</span>
      </label>
    </div>
  )
}
