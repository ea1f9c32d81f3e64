// Workspace members (admins first) and groups, from the local library; each person links to the reports
// they created.
import { useEffect, useMemo, useState } from 'react'
import { useNavigation } from '../../stores/navigation.ts'
import { usePeople } from '../../stores/people.ts'
import { filterTerm } from '../library/query-filters.ts'
import { orderPeople } from './people-order.ts'
import './people.css'

export function PeopleScreen() {
  const { people, error } = usePeople()
  const [filter, setFilter] = useState('')
  useEffect(() => { void usePeople.getState().load() }, [])
  const members = useMemo(() => {
    const f = filter.trim().toLowerCase()
    return orderPeople(people?.members ?? []).filter((p) => !f || [p.name, p.username, p.email].some((v) => v?.toLowerCase().includes(f)))
  }, [people, filter])
  // Mode's memberships listing carries usernames, roles and states but (so far) no names or emails; show
  // those columns only when the library actually has them, rather than a column of dashes.
  const showNames = people?.members.some((p) => p.name) ?? false
  const showEmails = people?.members.some((p) => p.email) ?? false
  const byAuthor = (username: string) => useNavigation.getState().search(filterTerm('author', username))

  return (
    <div className="screen people-screen">
      <header className="screen-header">
        <div>
          <h1>People</h1>
          <p className="muted" aria-live="polite">{people ? `${people.members.length.toLocaleString()} members, ${people.groups.length.toLocaleString()} groups` : 'Loading…'}</p>
        </div>
        <input type="search" className="input people-filter" placeholder="Filter people" aria-label="Filter people" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </header>
      {error && <div className="notice notice-error" role="alert"><div className="notice-body">{error}</div></div>}

      <section aria-labelledby="members-title" className="people-section">
        <h2 id="members-title">Members</h2>
        {people && people.members.length === 0 ? <p className="muted">No members synced yet.</p> : (
          <div className="table-scroll">
            <table className="data-table" data-testid="members">
              <thead>
                <tr>{showNames && <th scope="col">Name</th>}<th scope="col">Username</th>{showEmails && <th scope="col">Email</th>}<th scope="col">Role</th><th scope="col">State</th><th scope="col" className="num">Reports</th></tr>
              </thead>
              <tbody>
                {members.map((p) => (
                  <tr key={p.username}>
                    {showNames && <td>{p.name ?? <span className="faint">—</span>}</td>}
                    <td><code>{p.username}</code></td>
                    {showEmails && <td>{p.email ?? <span className="faint">—</span>}</td>}
                    <td className="member-role">{p.isAdmin ? <span className="badge badge-sample">Admin</span> : <span className="faint">Member</span>}</td>
                    <td>{p.state ?? <span className="faint">—</span>}</td>
                    <td className="num">
                      {p.reportCount > 0 ? (
                        <button type="button" className="btn btn-link" onClick={() => byAuthor(p.username)} aria-label={`${p.reportCount} reports by ${p.name ?? p.username}`}>
                          {p.reportCount.toLocaleString()}
                        </button>
                      ) : <span className="faint">0</span>}
                      {/* The same rule as every count: live reports (what the link lists), archived ones named beside. */}
                      {p.archivedReportCount > 0 && <span className="faint"> · {p.archivedReportCount.toLocaleString()} archived</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {people && people.members.length > 0 && (!showNames || !showEmails) && (
          <p className="faint people-note">Mode's API lists members by username; their names and email addresses are not part of it.</p>
        )}
      </section>

      <section aria-labelledby="groups-title" className="people-section">
        <h2 id="groups-title">Groups</h2>
        {people && people.groups.length === 0 && <p className="muted">No groups.</p>}
        <ul className="group-list">
          {(people?.groups ?? []).map((g) => (
            <li key={g.token} className="card group-card">
              <h3>{g.name} <span className="faint">({g.members.length})</span></h3>
              <ul className="group-members">
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
