// What the library says when there is nothing to list: the sync has not brought names yet (with its
// progress), or the query matched nothing (with ways out).
import { useNavigation } from '../../stores/navigation.ts'
import { useSync } from '../../stores/sync.ts'
import { PHASE_LABELS, phaseCount } from '../../../../shared/sync-phases.ts'
import { includesArchived, setArchived, queryTerms } from './query-filters.ts'

export interface LibraryEmptyStateProps {
  kind: 'empty-library' | 'no-results'
  query: string
  filters: string[]
  archived: boolean
  offline: boolean
  onQuery: (query: string) => void
}

export function LibraryEmptyState({ kind, query, filters, archived, offline, onQuery }: LibraryEmptyStateProps) {
  const sync = useSync((s) => s.state)
  if (kind === 'empty-library') {
    const p = sync?.progress
    const pct = p && p.total ? Math.min(100, Math.round((p.done / p.total) * 100)) : null
    const syncing = sync?.status === 'syncing'
    const failed = !syncing && sync?.status === 'error' ? sync.error : null
    // A sync finished and found nothing: saying "on its way" or "nothing synced yet" would be untrue.
    const syncedEmpty = !syncing && !failed && !offline && sync?.lastSuccessAt != null
    const heading = syncing ? 'Your library is on its way'
      : failed ? 'Your library could not be filled yet'
        : syncedEmpty ? 'Your library is empty'
          : 'Nothing synced yet'
    return (
      <div className="empty-state" data-testid="empty-library">
        <h2>{heading}</h2>
        {syncing ? (
          p ? <>
            <p className="empty-state-body">Report names arrive first; search works as soon as they do. Now: {PHASE_LABELS[p.phase]}{phaseCount(p) ? ` (${phaseCount(p)})` : ''}.</p>
            {/* Indeterminate until the phase knows its total: a bar stuck at a made-up 5 % reads as stalled. */}
            <div className={`progress${pct === null ? ' progress-indeterminate' : ''}`} role="progressbar" aria-label="Sync progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct ?? undefined}>
              <div className="progress-bar" style={{ width: `${pct ?? 0}%` }} />
            </div>
          </> : <p className="empty-state-body">Report names arrive first; search works as soon as they do.</p>
        ) : failed ? (
          <>
            <p className="empty-state-body" role="alert">The sync could not bring your reports: {failed.message}{failed.action ? ` ${failed.action}` : ''}</p>
            <button type="button" className="btn btn-primary" onClick={() => useNavigation.getState().navigate({ name: 'sync' })}>Open sync details</button>
          </>
        ) : offline ? (
          <p className="empty-state-body">You are offline and nothing has been synced yet. Reports appear here after the first sync.</p>
        ) : syncedEmpty ? (
          <>
            <p className="empty-state-body">The last sync found no reports this account can see in Mode. If you expected some, check that the API key&apos;s account can open them in Mode, then sync again.</p>
            <button type="button" className="btn btn-primary" onClick={() => void useSync.getState().start(false)}>Sync now</button>
          </>
        ) : (
          <>
            <p className="empty-state-body">Nothing has been synced yet. Start a sync to copy every report you can see.</p>
            <button type="button" className="btn btn-primary" onClick={() => void useSync.getState().start(false)}>Sync now</button>
          </>
        )}
      </div>
    )
  }
  const words = queryTerms(query).filter((t) => !/^-?[a-z]+:/i.test(t))
  return (
    <div className="empty-state" data-testid="no-results">
      <h2>No reports match</h2>
      <p className="empty-state-body">
        Nothing in your library matches <code>{query}</code>.{offline ? ' You are offline: this searched your local copy.' : ''}
      </p>
      <ul className="suggestions">
        {filters.map((f) => (
          <li key={f}>
            <button type="button" className="btn-link btn" onClick={() => onQuery(queryTerms(query).filter((t) => t !== f).join(' '))}>
              Remove <code>{f}</code>
            </button>
          </li>
        ))}
        {!archived && !includesArchived(query) && (
          <li>
            <button type="button" className="btn-link btn" onClick={() => onQuery(setArchived(query, true))}>Include archived reports</button>
          </li>
        )}
        {words.length > 1 && (
          <li>
            <button type="button" className="btn-link btn" onClick={() => onQuery(words[0] as string)}>Search only <code>{words[0]}</code></button>
          </li>
        )}
        <li className="muted">Check the spelling, use fewer words, or search a table with <code>table:name</code>.</li>
      </ul>
    </div>
  )
}
