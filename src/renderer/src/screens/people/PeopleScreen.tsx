// Workspace members and groups, from the local library: sortable by any column, filterable by role, state,
// group, inactivity and text; each person with their groups, the reports they created (live, archived named
// beside, as every count in the app) and when they were last active, with the figure's source.
import { useEffect, useMemo, useState } from 'react'
import { useInactiveThreshold, accessReviewReads } from '../../stores/access-review.ts'
import { useNavigation, type View } from '../../stores/navigation.ts'
import { usePeople } from '../../stores/people.ts'
import { useLoad } from '../../stores/use-load.ts'
import { filterTerm } from '../library/query-filters.ts'
import { PeopleFiltersBar } from './PeopleFiltersBar.tsx'
import { PeopleTable } from './PeopleTable.tsx'
import { filterPeople, NO_FILTERS, sortPeople, type PeopleFilters, type PeopleSort, type PersonRow, type SortDirection } from './people-order.ts'
import './people.css'

function filtersFor(view: View): PeopleFilters {
  return view.name === 'people' ? { ...NO_FILTERS, text: view.filter ?? '', group: view.group ?? 'all' } : NO_FILTERS
}

export function PeopleScreen() {
  const { people, error } = usePeople()
  const view = useNavigation((s) => s.view)
  const days = useInactiveThreshold((s) => s.inactiveDays)
  const review = useLoad(`people-activity:${days}`, () => accessReviewReads.review(days))
  // Arriving from a link (the access review's person or group) starts with that person or group shown.
  const [filters, setFilters] = useState<PeopleFilters>(() => filtersFor(view))
  const [arrivedFrom, setArrivedFrom] = useState(view)
  if (arrivedFrom !== view) {
    setArrivedFrom(view)
    setFilters(filtersFor(view))
  }
  const [sort, setSort] = useState<{ by: PeopleSort; direction: SortDirection }>({ by: 'default', direction: 'asc' })
  useEffect(() => { void usePeople.getState().load() }, [])

  const rows = useMemo<PersonRow[]>(() => {
    const groupsOf = new Map<string, { token: string; name: string }[]>()
    for (const g of people?.groups ?? []) for (const m of g.members) groupsOf.set(m.username, [...(groupsOf.get(m.username) ?? []), { token: g.token, name: g.name }])
    const reviewed = review.state === 'ready' ? review.value : null
    const activity = new Map((reviewed?.people ?? []).map((p) => [p.username, p.lastActive]))
    const inactive = new Set((reviewed?.inactive ?? []).map((p) => p.username))
    return (people?.members ?? []).map((p) => ({ ...p, groups: groupsOf.get(p.username) ?? [], lastActive: activity.get(p.username) ?? null, inactive: inactive.has(p.username) }))
  }, [people, review])
  const shown = useMemo(() => sortPeople(filterPeople(rows, filters), sort.by, sort.direction), [rows, filters, sort])
  const byAuthor = (username: string) => useNavigation.getState().search(filterTerm('author', username))
  const total = people?.members.length ?? 0

  return (
    <div className="screen people-screen">
      <header className="screen-header">
        <div>
          <h1>People</h1>
          <p className="muted" aria-live="polite" data-testid="people-count">
            {people ? `${shown.length === total ? total.toLocaleString() : `${shown.length.toLocaleString()} of ${total.toLocaleString()}`} members, ${people.groups.length.toLocaleString()} groups` : 'Loading…'}
          </p>
        </div>
      </header>
      {error && <div className="notice notice-error" role="alert"><div className="notice-body">{error}</div></div>}

      <section aria-labelledby="members-title" className="people-section">
        <h2 id="members-title">Members</h2>
        <PeopleFiltersBar rows={rows} groups={people?.groups ?? []} filters={filters} onChange={setFilters} inactiveDays={days} />
        {people && people.members.length === 0 ? <p className="muted">No members synced yet.</p> : (
          <PeopleTable rows={shown} all={rows} sort={sort} onSort={setSort} onReports={byAuthor} />
        )}
        {people && people.members.length > 0 && shown.length === 0 && (
          <p className="muted" role="status">No member matches these filters. <button type="button" className="btn btn-link" onClick={() => setFilters(NO_FILTERS)}>Clear the filters</button></p>
        )}
      </section>

      <section aria-labelledby="groups-title" className="people-section">
        <h2 id="groups-title">Groups</h2>
        {people && people.groups.length === 0 && <p className="muted">No groups in the library (reading them needs an admin or workspace API token).</p>}
        <ul className="group-list">
          {(people?.groups ?? []).map((g) => (
            <li key={g.token} className="card group-card" aria-current={filters.group === g.token || undefined}>
              <h3>
                <button type="button" className="btn btn-link group-name" onClick={() => setFilters({ ...NO_FILTERS, group: g.token })} title={`Show the members of ${g.name} above`}>{g.name}</button>{' '}
                <span className="faint">({g.members.length})</span>
              </h3>
              <ul className="group-members" aria-label={`Members of ${g.name}`}>
                {g.members.map((m) => (
                  <li key={m.username}>
                    <button type="button" className="member-chip" onClick={() => byAuthor(m.username)} title={`Reports by ${m.name ?? m.username}`}>
                      {m.name ?? m.username}
                    </button>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
