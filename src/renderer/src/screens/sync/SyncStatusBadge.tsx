// The always-visible sync status in the sidebar: last synced, progress while syncing, rate-limit waits,
// offline, errors. Clicking it opens the Sync screen.
import { useEffect } from 'react'
import { useNavigation } from '../../stores/navigation.ts'
import { useSync } from '../../stores/sync.ts'
import { summariseSync } from './sync-status.ts'
import { useNow } from './useNow.ts'
import './sync.css'

export function SyncStatusBadge() {
  const state = useSync((s) => s.state)
  const online = useSync((s) => s.online)
  const now = useNow()
  useEffect(() => useSync.getState().init(), [])
  const summary = summariseSync(state, online, now)
  return (
    <button
      type="button"
      className={`sync-badge sync-${summary.tone}`}
      onClick={() => useNavigation.getState().navigate({ name: 'sync' })}
      data-testid="sync-status"
      aria-label={`Sync status: ${summary.title}${summary.detail ? `, ${summary.detail}` : ''}. Open sync details.`}
      // The detail line is cut to the sidebar's width ("Mode had a problem answ…"): the whole text on hover.
      title={summary.detail ? `${summary.title}: ${summary.detail}` : summary.title}
    >
      <span className="sync-badge-line">
        <span className="sync-dot" aria-hidden="true" />
        <span className="sync-badge-title">{summary.title}</span>
      </span>
      <span className="sync-badge-detail">{summary.detail ?? '\u00a0'}</span>
      <span className={`progress sync-badge-progress${summary.percent === undefined ? ' progress-hidden' : ''}${summary.percent === null ? ' progress-indeterminate' : ''}`} aria-hidden="true">
        <span className="progress-bar" style={{ width: `${summary.percent ?? 0}%` }} />
      </span>
    </button>
  )
}
