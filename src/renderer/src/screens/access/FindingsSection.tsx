// One section of the access review: its findings as a table, each subject opening in the app (a person or
// group on the People screen, a collection's reports in the library) and, outside the sample, in Mode.
import type { AccessFinding, AccessReview, FindingKind, ReviewCollection } from '../../../../shared/access-model.ts'
import { FINDING_SECTION_TITLES, FINDING_TITLES } from '../../../../shared/access-csv.ts'
import { ExternalLinkButton } from '../../components/ExternalLinkButton.tsx'
import { useNavigation } from '../../stores/navigation.ts'
import { filterTerm } from '../library/query-filters.ts'

const EMPTY_TEXT: Record<FindingKind, string> = {
  admin: 'No admins in the library.',
  inactive: 'Nobody has been inactive that long.',
  deactivated_with_access: 'No deactivated member owns reports or sits in a group.',
  group_without_members: 'Every group has members.',
  group_without_access: 'Every group has access somewhere.',
  restricted_collection: 'No restricted collections.',
  personal_of_deactivated: 'No personal collections of deactivated members.',
}

/** An empty section whose part this token could not read says so, instead of "none". */
function unknownText(kind: FindingKind, review: AccessReview): string | null {
  const status = (part: 'groups' | 'permissions') => review.parts.find((p) => p.part === part)?.status
  const groupsRead = status('groups') === 'ok' || status('groups') === 'partial'
  if ((kind === 'group_without_members' || kind === 'group_without_access') && !groupsRead) return 'Not known: reading groups needs an admin or workspace API token.'
  if (kind === 'group_without_access' && status('permissions') !== 'ok') return 'Not known: it needs every collection\'s permissions, which need an admin or workspace API token.'
  return null
}

const SUBJECT_HEADERS = { person: 'Person', group: 'Group', collection: 'Collection' } as const

function openInApp(f: AccessFinding): void {
  const nav = useNavigation.getState()
  if (f.subject.type === 'person') nav.navigate({ name: 'people', filter: f.subject.key })
  else if (f.subject.type === 'group') nav.navigate({ name: 'people', group: f.subject.key })
  // By token: two collections may share a name, and the token lists exactly this one.
  else nav.search(filterTerm('collection', f.subject.key))
}

function inAppLabel(f: AccessFinding): string {
  if (f.subject.type === 'collection') return `Show the reports of ${f.subject.label}`
  return f.subject.type === 'group' ? `Show group ${f.subject.label} on the People screen` : `Show ${f.subject.label} on the People screen`
}

function Grants({ collection }: { collection: ReviewCollection }) {
  if (!collection.grantsKnown) return <p className="faint">Who can see it is not known: reading it needs an admin or workspace API token.</p>
  return (
    <ul className="grant-list" aria-label={`Who can see ${collection.label}`}>
      {collection.grants.map((g) => {
        const inactive = g.state !== null && g.state !== 'active'
        return (
          <li key={`${g.kind}:${g.key}`} className={`grant-chip${g.resolved ? '' : ' grant-unknown'}${inactive ? ' grant-inactive' : ''}`}>
            {g.label}{g.kind === 'group' ? ' (group)' : ''}{inactive ? ` · ${g.state}` : ''} · {g.level ?? 'access'}
          </li>
        )
      })}
      {collection.grants.length === 0 && <li className="grant-chip grant-unknown">no one granted explicitly</li>}
      <li className="grant-chip grant-admins">every admin</li>
    </ul>
  )
}

export function FindingsSection({ kind, review, modeLinks }: { kind: FindingKind; review: AccessReview; modeLinks: boolean }) {
  const findings = review.findings.filter((f) => f.kind === kind)
  const restricted = new Map(review.restrictedCollections.map((c) => [c.token, c]))
  const id = `access-${kind}`
  const personal = findings[0]?.subject.type === 'person'
  return (
    <section className="access-section" aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`} tabIndex={-1}>{FINDING_SECTION_TITLES[kind]} <span className="faint">({findings.length.toLocaleString()})</span></h2>
      {findings.length === 0 ? <p className="muted">{unknownText(kind, review) ?? EMPTY_TEXT[kind]}</p> : (
        <div className="table-scroll">
          <table className="data-table access-table" aria-label={FINDING_TITLES[kind]}>
            <thead>
              <tr>
                <th scope="col">{SUBJECT_HEADERS[findings[0]!.subject.type]}</th>
                <th scope="col">Finding</th>
                {personal && <th scope="col">Last active (source)</th>}
                {modeLinks && <th scope="col"><span className="visually-hidden">In Mode</span></th>}
              </tr>
            </thead>
            <tbody>
              {findings.map((f) => {
                const collection = kind === 'restricted_collection' ? restricted.get(f.subject.key) : undefined
                return (
                  <tr key={`${f.kind}:${f.subject.key}`} data-key={f.subject.key}>
                    <td className="access-subject">
                      <button type="button" className="btn btn-link" onClick={() => openInApp(f)} aria-label={inAppLabel(f)}>{f.subject.label}</button>
                      {f.subject.type === 'person' && f.subject.label !== f.subject.key && <code className="faint">{f.subject.key}</code>}
                    </td>
                    <td>{collection ? <>{collection.defaultAccessLevel === 'restricted' ? 'Restricted (default access: none)' : 'Restricted'}<Grants collection={collection} /></> : f.detail}</td>
                    {personal && <td>{f.activity ?? <span className="faint">No activity on record</span>}</td>}
                    {modeLinks && f.modeUrl && (
                      <td className="access-mode">
                        <ExternalLinkButton url={f.modeUrl} size="sm" variant="ghost">Open in Mode<span className="visually-hidden">: {f.subject.label}</span></ExternalLinkButton>
                      </td>
                    )}
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
