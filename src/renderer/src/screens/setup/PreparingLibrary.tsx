// Right after connecting: the first sync is listing reports. The library opens by itself as soon as the
// first names are in (or the sync ends, even with an empty workspace); the user can also open it at once.
import { useEffect, useRef } from 'react'
import type { SyncState } from '../../../../shared/model.ts'
import { Button } from '../../components/Button.tsx'
import { Spinner } from '../../components/Spinner.tsx'
import { useConnection } from '../../stores/connection.ts'
import { useLibrary } from '../../stores/library.ts'
import { useSync } from '../../stores/sync.ts'

export function PreparingLibrary() {
  const status = useConnection((s) => s.status)
  const finish = useConnection((s) => s.finishPreparing)
  const sync = useSync((s) => s.state)
  const libraryVersion = useLibrary((s) => s.libraryVersion)
  const changedReports = useLibrary((s) => s.changedReports)
  const versionAtMount = useRef(libraryVersion)
  const sawSyncing = useRef(false)

  // Names may already be in (events sent before this mounted, or a library kept from before).
  useEffect(() => {
    useSync.getState().init()
    useLibrary.getState().watchLibrary()
    let live = true
    void useLibrary.getState().loadStats().then((stats) => { if (live && (stats === null || stats.reports > 0)) finish() })
    return () => { live = false }
  }, [finish])
  // The first names arrived.
  useEffect(() => {
    if (libraryVersion !== versionAtMount.current && changedReports !== null && changedReports > 0) finish()
  }, [libraryVersion, changedReports, finish])
  // The sync ended, even with an empty workspace, or could not run.
  useEffect(() => {
    if (!sync) return
    if (sync.status === 'syncing') sawSyncing.current = true
    else if (sawSyncing.current || sync.status === 'error' || sync.status === 'offline') finish()
  }, [sync, finish])

  const progress = sync?.progress
  return (
    <div className="wizard-card card" data-testid="setup-preparing">
      <div className="preparing">
        <Spinner size="lg" label="Preparing the library" />
        <h1 id="wizard-title">Connected{status?.workspaceDisplayName || status?.workspace ? ` to ${status.workspaceDisplayName ?? status.workspace}` : ''}</h1>
        <p className="muted">
          {status?.accountName ? `Signed in as ${status.accountName}. ` : ''}
          Fetching the list of reports — the library opens as soon as the first names arrive.
        </p>
        <p className="faint" aria-live="polite" style={{ minHeight: 22 }}>
          {progress ? `${phaseLabel(progress.phase)}${progress.total ? ` · ${progress.done} of ${progress.total}` : ''}` : ' '}
        </p>
        <div
          className="progress"
          role="progressbar"
          aria-label="First sync"
          aria-valuemin={0}
          aria-valuemax={progress?.total ?? undefined}
          aria-valuenow={progress?.total ? progress.done : undefined}
        >
          <div className="progress-fill" style={{ width: progress?.total ? `${Math.min(100, (100 * progress.done) / progress.total)}%` : '0%' }} />
        </div>
        <Button onClick={finish}>Open the library now</Button>
      </div>
    </div>
  )
}

function phaseLabel(phase: NonNullable<SyncState['progress']>['phase']): string {
  switch (phase) {
    case 'starting': return 'Starting'
    case 'collections': return 'Listing collections'
    case 'listing': return 'Listing reports'
    case 'people': return 'Fetching people'
    case 'queries': return 'Fetching SQL'
    case 'access': return 'Reading who can see what'
    case 'charts': return 'Fetching chart titles'
    case 'results': return 'Fetching last results'
    case 'schedules': return 'Fetching schedules'
    case 'finishing': return 'Finishing'
  }
}
