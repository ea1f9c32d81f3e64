// "What changed": what the last sync changed and everything in the last 7 days — new reports, SQL edits,
// renames, moves, archives and deletions. Each opens the report (or, deleted, its tombstone); SQL edits open
// the diff of that edit.
import { useId, useState } from 'react'
import type { ChangeKind, ReportChange } from '../../../../shared/knowledge-model.ts'
import { mainReads } from '../../stores/main-reads.ts'
import { useNavigation } from '../../stores/navigation.ts'
import { formatDateTime, relativeTime } from '../sync/relative-time.ts'
import { useLoad } from '../../stores/use-load.ts'
import './knowledge.css'

export const KIND_LABELS: Record<ChangeKind, string> = {
  new: 'New', sql_edited: 'SQL edited', renamed: 'Renamed', moved: 'Moved', archived: 'Archived', unarchived: 'Unarchived', deleted: 'Deleted',
}
const KIND_TONE: Record<ChangeKind, string> = {
  new: 'badge-success', sql_edited: 'badge-accent', renamed: '', moved: '', archived: 'badge-warning', unarchived: '', deleted: 'badge-danger',
}

export function ChangesScreen() {
  const [tab, setTab] = useState<'last' | 'week'>('last')
  const feed = useLoad('feed', () => mainReads.changes())
  return (
    <section className="screen" aria-labelledby="changes-title" data-testid="changes-screen">
      <div className="screen-header">
        <div>
          <h1 id="changes-title">What changed</h1>
          <p className="muted">What each sync found new, edited, renamed, moved, archived or deleted in Mode.</p>
        </div>
      </div>
      <div className="segmented feed-tabs" role="radiogroup" aria-label="Period">
        {([['last', 'Last sync'], ['week', 'Last 7 days']] as const).map(([value, label]) => (
          <label key={value}>
            <input type="radio" name="feed-period" value={value} checked={tab === value} onChange={() => setTab(value)} />
            <span>{label}</span>
          </label>
        ))}
      </div>
      {feed.state === 'loading' && <p className="muted">Loading…</p>}
      {feed.state === 'error' && <div className="notice notice-error" role="alert"><div className="notice-body">{feed.message}</div></div>}
      {feed.state === 'ready' && (
        tab === 'last'
          ? <FeedList changes={feed.value.lastSyncChanges} empty={feed.value.lastSync ? `Nothing changed in the last sync (${formatDateTime(feed.value.lastSync.endedAt)}).` : 'No sync has finished yet.'} />
          : <FeedList changes={feed.value.changes} empty="Nothing changed in the last 7 days." />
      )}
    </section>
  )
}

function FeedList({ changes, empty }: { changes: ReportChange[]; empty: string }) {
  if (changes.length === 0) return <div className="empty-state" data-testid="feed-empty"><p className="empty-state-body">{empty}</p></div>
  return (
    <ul className="feed-list card" aria-label="Changes" data-testid="feed-list">
      {changes.map((c) => <FeedItem key={c.id} change={c} />)}
    </ul>
  )
}

function FeedItem({ change }: { change: ReportChange }) {
  const nav = useNavigation.getState()
  const open = () => nav.navigate(change.present ? { name: 'report', token: change.reportToken } : { name: 'deleted', token: change.reportToken })
  const canDiff = change.kind === 'sql_edited' && change.queryToken !== null && change.versionId !== null
  const showDiff = () => nav.navigate({
    name: 'diff', origin: 'changes', title: `${change.reportName}: SQL edit`,
    from: { queryToken: change.queryToken!, versionId: change.versionId, label: 'Before' },
    to: { queryToken: change.queryToken!, versionId: change.toVersionId, label: change.toVersionId === null ? 'Now' : 'After' },
  })
  const summary = ![KIND_LABELS[change.kind].toLowerCase(), 'new report'].includes(change.summary.toLowerCase())
  // The report's button is described by the kind of change (and its summary), read after the name.
  const id = useId()
  return (
    <li className="feed-item" data-kind={change.kind}>
      <span className={`badge feed-kind ${KIND_TONE[change.kind]}`} id={`${id}-kind`}>{KIND_LABELS[change.kind]}</span>
      <span className="feed-main">
        <button type="button" className="btn btn-link feed-name" onClick={open} aria-describedby={summary ? `${id}-kind ${id}-summary` : `${id}-kind`}>{change.reportName}</button>
        {summary && <span className="feed-summary" id={`${id}-summary`}>{change.summary}</span>}
      </span>
      {canDiff && <button type="button" className="btn btn-ghost btn-sm" onClick={showDiff}>View diff</button>}
      <time className="feed-time" dateTime={change.at} title={formatDateTime(change.at)}>{relativeTime(change.at)}</time>
    </li>
  )
}
