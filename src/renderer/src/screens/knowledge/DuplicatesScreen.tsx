// Duplicates: reports holding copies of the same query, grouped, each group led by its likely original (the
// most viewed copy, then the most recently run). Every other copy says how close it is and opens a diff
// against the original.
import type { DuplicateGroup, DuplicateMember } from '../../../../shared/knowledge-model.ts'
import { mainReads } from '../../stores/main-reads.ts'
import { useNavigation } from '../../stores/navigation.ts'
import { relativeTime } from '../sync/relative-time.ts'
import { similarityLabel } from './similarity-label.ts'
import { useLoad } from '../../stores/use-load.ts'
import './knowledge.css'

export function DuplicatesScreen() {
  const list = useLoad('duplicates', () => mainReads.duplicates(200))
  return (
    <section className="screen" aria-labelledby="duplicates-title" data-testid="duplicates-screen">
      <div className="screen-header">
        <div>
          <h1 id="duplicates-title">Duplicates</h1>
          <p className="muted">
            Reports whose SQL is a copy of another's — the same query reformatted, with other aliases or values, or drifted a little.
            {list.state === 'ready' && list.value.total > 0 && ` ${list.value.total.toLocaleString()} groups, ${list.value.reportsInGroups.toLocaleString()} reports.`}
          </p>
        </div>
      </div>
      {list.state === 'loading' && <p className="muted">Loading…</p>}
      {list.state === 'error' && <div className="notice notice-error" role="alert"><div className="notice-body">{list.message}</div></div>}
      {list.state === 'ready' && list.value.groups.length === 0 && (
        <div className="empty-state" data-testid="duplicates-empty"><p className="empty-state-body">No duplicate SQL found. Copies appear here after the sync that sees them.</p></div>
      )}
      {list.state === 'ready' && list.value.groups.length > 0 && (
        <div className="dup-groups">{list.value.groups.map((g) => <Group key={g.id} group={g} />)}</div>
      )}
    </section>
  )
}

function Group({ group }: { group: DuplicateGroup }) {
  const original = group.members[0]!
  return (
    <section className="card dup-group" aria-label={`Copies of ${original.reportName}`} data-testid="duplicate-group">
      <header className="dup-group-header">{group.members.length} reports · likely original: <strong>{original.reportName}</strong></header>
      <ul className="dup-members">{group.members.map((m) => <Member key={m.reportToken} member={m} original={original} />)}</ul>
    </section>
  )
}

function Member({ member, original }: { member: DuplicateMember; original: DuplicateMember }) {
  const nav = useNavigation.getState()
  const isOriginal = member.kind === 'original'
  const compare = () => nav.navigate({
    name: 'diff', origin: 'duplicates', title: `${member.reportName} against ${original.reportName}`,
    from: { queryToken: member.originalQueryToken!, versionId: null, label: `${original.reportName} (original)` },
    to: { queryToken: member.queryToken, versionId: null, label: member.reportName },
  })
  return (
    <li className={`dup-member${isOriginal ? ' is-original' : ''}`}>
      <span className={`badge ${isOriginal ? 'badge-success' : member.kind === 'exact' ? 'badge-accent' : ''}`}>
        {isOriginal ? 'Likely original' : similarityLabel(member.kind === 'exact' ? 'exact' : 'near', member.similarity)}
        {!isOriginal && !member.direct && (member.kind === 'exact' ? ' as a copy' : ' to a copy')}
      </span>
      <span className="dup-main">
        <button type="button" className="btn btn-link dup-name" onClick={() => nav.navigate({ name: 'report', token: member.reportToken })}>{member.reportName}</button>
        <span className="dup-meta">
          {member.collection ?? 'No collection'} · {member.viewCount.toLocaleString()} views · last run {relativeTime(member.lastRunAt)}
        </span>
      </span>
      {!isOriginal && member.originalQueryToken && <button type="button" className="btn btn-ghost btn-sm" onClick={compare}>Diff against original</button>}
    </li>
  )
}
