// The sync panel: the current run (progress, ETA), what comes next, Sync now / Cancel, errors with the action
// that fixes them, and the history of runs with their figures.
import { useEffect } from 'react'
import type { AppError, SyncRun } from '../../../../shared/model.ts'
import { useConnection } from '../../stores/connection.ts'
import { useNavigation } from '../../stores/navigation.ts'
import { useSync } from '../../stores/sync.ts'
import { formatDateTime, formatDuration, relativeTime } from './relative-time.ts'
import { PHASE_LABELS, progressCounts, progressPercent, summariseSync } from './sync-status.ts'
import { useNow } from './useNow.ts'
import './sync.css'

/** Errors the user fixes by reconnecting, rather than by trying again. */
const RECONNECT_CODES = new Set<AppError['code']>(['bad_credentials', 'no_access', 'not_connected', 'plan_no_api', 'not_found', 'storage_unavailable'])

function ErrorAction({ error }: { error: AppError }) {
  if (RECONNECT_CODES.has(error.code)) {
    return <button type="button" className="btn btn-primary btn-sm" onClick={() => useNavigation.getState().navigate({ name: 'settings' })}>Reconnect…</button>
  }
  return <button type="button" className="btn btn-primary btn-sm" onClick={() => void useSync.getState().start(false)}>Retry</button>
}

function runDuration(run: SyncRun): string {
  if (!run.endedAt) return 'running'
  return formatDuration(Date.parse(run.endedAt) - Date.parse(run.startedAt))
}

function plural(n: number, unit: string): string {
  return `${n.toLocaleString()} ${n === 1 ? unit : `${unit}s`}`
}

const OUTCOME_BADGE: Record<string, string> = { success: 'badge-success', partial: 'badge-warning', failed: 'badge-danger', cancelled: '', interrupted: 'badge-warning' }

export function SyncScreen() {
  const { state, history, online, actionError } = useSync()
  const now = useNow(5_000)
  useEffect(() => {
    useSync.getState().init()
    void useSync.getState().loadHistory()
  }, [])
  const summary = summariseSync(state, online, now)
  const syncing = state?.status === 'syncing'
  const p = state?.progress ?? null
  const pct = p ? progressPercent(p) : null
  const isSample = useConnection((s) => s.status?.isSample ?? false)

  return (
    <div className="screen sync-screen">
      <header className="screen-header">
        <div>
          <h1>Sync</h1>
          <p className="muted">Your library is a copy of every report you can see in Mode, refreshed nightly and on demand.</p>
        </div>
        <div className="btn-row">
          {syncing ? (
            // Neutral, not red: cancelling loses nothing (what arrived stays, the next sync resumes).
            <button type="button" className="btn" onClick={() => void useSync.getState().cancel()}>Cancel sync</button>
          ) : (
            <>
              <button type="button" className="btn" onClick={() => void useSync.getState().start(true)} disabled={state?.status === 'not_connected'} title="Re-read everything, not only what changed">
                Full sync
              </button>
              <button type="button" className="btn btn-primary" onClick={() => void useSync.getState().start(false)} disabled={state?.status === 'not_connected'}>
                Sync now
              </button>
            </>
          )}
        </div>
      </header>

      {actionError && <div className="notice notice-error" role="alert"><div className="notice-body">{actionError}</div></div>}

      <section className={`card sync-current sync-${summary.tone}`} aria-labelledby="sync-current-title" aria-live="polite">
        <div className="sync-current-head">
          <span className="sync-dot" aria-hidden="true" />
          <h2 id="sync-current-title">{summary.title}</h2>
        </div>
        {syncing && p ? (
          <>
            <div className={`progress sync-progress${pct === null ? ' progress-indeterminate' : ''}`} role="progressbar" aria-label="Sync progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct ?? undefined} data-testid="sync-progress">
              <div className="progress-bar" style={{ width: `${pct ?? 0}%` }} />
            </div>
            <dl className="sync-figures">
              <div><dt>Phase</dt><dd>{PHASE_LABELS[p.phase]}</dd></div>
              <div><dt>Progress</dt><dd data-testid="sync-counts">{progressCounts(p)}</dd></div>
              <div><dt>Time left</dt><dd>{p.etaMs !== null ? `about ${formatDuration(p.etaMs)}` : 'estimating…'}</dd></div>
              <div><dt>Requests to Mode</dt><dd>{plural(p.requests, 'request')}</dd></div>
              <div><dt>Rate-limit waits</dt><dd>{plural(p.rateLimitWaits, 'wait')}{p.waitingForRateLimit ? ' (waiting now)' : ''}</dd></div>
              <div><dt>Started</dt><dd>{formatDateTime(p.startedAt)} ({relativeTime(p.startedAt, now)}) · {p.kind} sync</dd></div>
            </dl>
          </>
        ) : (
          <dl className="sync-figures">
            <div><dt>Last successful sync</dt><dd>{state?.lastSuccessAt ? `${formatDateTime(state.lastSuccessAt)} (${relativeTime(state.lastSuccessAt, now)})` : 'never'}</dd></div>
            {/* The sample never changes: no nightly sync to announce. */}
            {!isSample && <div><dt>Next scheduled sync</dt><dd data-testid="next-sync">{state?.nextScheduledAt ? `${formatDateTime(state.nextScheduledAt)} (${relativeTime(state.nextScheduledAt, now)})` : 'not scheduled'}</dd></div>}
            <div><dt>Connection</dt><dd>{!online ? 'offline (this computer)' : state?.status === 'offline' ? 'Mode unreachable' : state?.status === 'not_connected' ? 'not connected' : 'online'}</dd></div>
          </dl>
        )}
        {state?.error && (state.status === 'error' || state.status === 'offline') && (
          <div className={`notice ${state.status === 'error' ? 'notice-error' : 'notice-warning'}`} role="alert">
            <div className="notice-body">
              <span className="notice-title">{state.error.message}</span>
              {state.error.action && <span>{state.error.action}</span>}
              <div className="btn-row"><ErrorAction error={state.error} /></div>
            </div>
          </div>
        )}
        {state?.status === 'not_connected' && (
          <div className="notice notice-info"><div className="notice-body"><span>Connect a workspace to sync.</span><div className="btn-row"><ErrorAction error={{ code: 'not_connected', message: 'Not connected' }} /></div></div></div>
        )}
      </section>

      <section className="sync-history" aria-labelledby="sync-history-title">
        <h2 id="sync-history-title">History</h2>
        {history.length === 0 ? (
          <p className="muted">No sync has run yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table" aria-labelledby="sync-history-title" data-testid="sync-history">
              <thead>
                <tr>
                  <th scope="col">Started</th><th scope="col">Kind</th><th scope="col">Outcome</th><th scope="col">Duration</th>
                  <th scope="col" className="num">Requests</th><th scope="col" className="num">Rate limited</th><th scope="col" className="num">Reports changed</th>
                  <th scope="col" className="num">SQL fetched</th><th scope="col" className="num">Errors</th>
                </tr>
              </thead>
              <tbody>
                {history.map((run) => (
                  <tr key={run.id}>
                    <td title={relativeTime(run.startedAt, now)}><time dateTime={run.startedAt}>{formatDateTime(run.startedAt)}</time></td>
                    <td>{run.kind}<span className="faint"> · {run.trigger}</span></td>
                    <td>
                      <span className={`badge ${OUTCOME_BADGE[run.outcome ?? ''] ?? ''}`}>{run.outcome ?? 'running'}</span>
                      {run.errorMessage && <div className="run-error">{run.errorMessage}</div>}
                      {run.itemsSkipped > 0 && (
                        <div className="run-error" data-testid="run-skipped">
                          {run.itemsSkipped.toLocaleString()} unreadable {run.itemsSkipped === 1 ? 'item' : 'items'} from Mode skipped
                        </div>
                      )}
                    </td>
                    <td>{runDuration(run)}</td>
                    <td className="num">{run.requests.toLocaleString()}</td>
                    <td className="num">{run.rateLimited.toLocaleString()}</td>
                    <td className="num">{run.reportsChanged.toLocaleString()}</td>
                    <td className="num">{run.queriesFetched.toLocaleString()}</td>
                    <td className="num">{run.errors.toLocaleString()}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  )
}
