// The members table: sortable headers (buttons, with aria-sort on the sorted column), each person's role,
// state, groups, reports (live reports link to them; archived ones are named beside, the app's one count
// rule) and last activity with where the figure came from.
import type { ActivityFigure } from '../../../../shared/access-model.ts'
import type { PeopleSort, PersonRow, SortDirection } from './people-order.ts'

type Sort = { by: PeopleSort; direction: SortDirection }

const SOURCE_NAMES: Record<ActivityFigure['source'], string> = { discovery: 'Discovery API', library: 'library' }

function SortHeader({ label, by, sort, onSort, className, firstDirection = 'asc' }: {
  label: string
  by: PeopleSort
  sort: Sort
  onSort: (sort: Sort) => void
  className?: string
  firstDirection?: SortDirection
}) {
  const active = sort.by === by
  const next: Sort = active ? { by, direction: sort.direction === 'asc' ? 'desc' : 'asc' } : { by, direction: firstDirection }
  return (
    <th scope="col" className={className} aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
      <button type="button" className="sort-header" onClick={() => onSort(next)} title={`Sort by ${label.toLowerCase()}`}>
        {label}
        <span aria-hidden="true" className="sort-indicator">{active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}</span>
      </button>
    </th>
  )
}

export function PeopleTable({ rows, all, sort, onSort, onReports }: {
  rows: readonly PersonRow[]
  all: readonly PersonRow[]
  sort: Sort
  onSort: (sort: Sort) => void
  onReports: (username: string) => void
}) {
  // Mode's memberships listing carries usernames, roles and states but (so far) no names or emails; show
  // those columns only when the library actually has them, rather than a column of dashes.
  const showNames = all.some((p) => p.name)
  const showEmails = all.some((p) => p.email)
  const header = { sort, onSort }
  return (
    <>
      <div className="table-scroll">
        <table className="data-table people-table" data-testid="members" aria-label="Members">
          <thead>
            <tr>
              {showNames && <SortHeader label="Name" by="name" {...header} />}
              {showNames ? <th scope="col">Username</th> : <SortHeader label="Username" by="name" {...header} />}
              {showEmails && <th scope="col">Email</th>}
              <SortHeader label="Role" by="role" {...header} />
              <SortHeader label="State" by="state" {...header} />
              <th scope="col">Groups</th>
              <SortHeader label="Reports" by="reports" className="num" firstDirection="desc" {...header} />
              <SortHeader label="Last active" by="lastActive" firstDirection="desc" {...header} />
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.username} data-username={p.username}>
                {showNames && <td>{p.name ?? <span className="faint">—</span>}</td>}
                {/* The username heads its row: a screen reader names the person with each cell it reads. */}
                <th scope="row"><code>{p.username}</code></th>
                {showEmails && <td>{p.email ?? <span className="faint">—</span>}</td>}
                <td className="member-role">{p.isAdmin ? <span className="badge badge-sample">Admin</span> : <span className="faint">Member</span>}</td>
                <td>{p.state ?? <span className="faint">—</span>}</td>
                <td className="member-groups">{p.groups.length > 0 ? p.groups.map((g) => g.name).join(', ') : <span className="faint">—</span>}</td>
                <td className="num">
                  {p.reportCount > 0 ? (
                    <button type="button" className="btn btn-link" onClick={() => onReports(p.username)} aria-label={`${p.reportCount} reports by ${p.name ?? p.username}`}>
                      {p.reportCount.toLocaleString()}
                    </button>
                  ) : <span className="faint">0</span>}
                  {/* The same rule as every count: live reports (what the link lists), archived ones named beside. */}
                  {p.archivedReportCount > 0 && <span className="faint"> · {p.archivedReportCount.toLocaleString()} archived</span>}
                </td>
                <td className="member-active">
                  {p.lastActive
                    ? <><span className="active-day">{p.lastActive.day}</span> <span className="faint">({SOURCE_NAMES[p.lastActive.source]})</span></>
                    : <span className="faint">none on record</span>}
                  {p.inactive && <span className="badge badge-warning">inactive</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {all.length > 0 && (!showNames || !showEmails) && (
        <p className="faint people-note">Mode's API lists members by username; their names and email addresses are not part of it.</p>
      )}
    </>
  )
}
