// Right after connecting: the first sync is listing reports. The library opens by itself as soon as the
// first names are in (or the sync ends, even with an empty workspace); the user can also open it at once.
import { useEffect, useState } from 'react'
import type { SyncState } from '../../../../shared/model.ts'
import { api, call } from '../../bridge.ts'
import { Button } from '../../components/Button.tsx'
import { Spinner } from '../../components/Spinner.tsx'
import { useConnection } from '../../stores/connection.ts'

export function PreparingLibrary() {
  const status = useConnection((s) => s.status)
  const finish = useConnection((s) => s.finishPreparing)
  const [sync, setSync] = useState<SyncState | null>(null)

  useEffect(() => {
    let live = true
    let sawSyncing = false
    const onSync = (state: SyncState) => {
      if (!live) return
      setSync(state)
      if (state.status === 'syncing') sawSyncing = true
      else if (sawSyncing || state.status === 'error' || state.status === 'offline') finish()
    }
    const offLibrary = api().on('library.changed', ({ reports }) => { if (live && reports > 0) finish() })
    const offSync = api().on('sync.state', onSync)
    // Names may already be in (events sent before this mounted, or a library kept from before).
    call('library.getStats').then((s) => { if (live && s.reports > 0) finish() }, () => { if (live) finish() })
    call('sync.getState').then(onSync, () => {})
    return () => {
      live = false
      offLibrary()
      offSync()
    }
  }, [finish])

  const progress = sync?.progress
  return (
    <div className="wizard-card card" data-testid="setup-preparing">
      <div className="preparing">
        <Spinner size="lg" label="Preparing the library" />
        <h1 id="wizard-title">Connected{status?.workspaceName || status?.workspace ? ` to ${status.workspaceName ?? status.workspace}` : ''}</h1>
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
    case 'charts': return 'Fetching chart titles'
    case 'results': return 'Fetching last results'
    case 'schedules': return 'Fetching schedules'
    case 'finishing': return 'Finishing'
  }
}
