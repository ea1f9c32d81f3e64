// What every phase of one sync run shares: the run's options, its id and checkpoint, counters, progress and
// the rule for a failed item. `syncWorkspace` builds it once; the listing and fetching phases read it.
import { AppFailure } from '../../shared/errors.ts'
import type { SyncKind } from '../../shared/model.ts'
import type { RunCounters, SyncCheckpoint } from '../library/sync-records.ts'
import type { ModeSpace } from '../mode/schemas.ts'
import type { PreviewDownloads } from './fetch-report-content.ts'
import type { ProgressTracker } from './progress.ts'
import type { SyncWorkspaceOptions } from './sync-workspace.ts'

export interface RunContext extends SyncWorkspaceOptions {
  /** This run's id: stamped on what it fetches, so a later full sync can tell what is older than itself. */
  runId: number
  kind: SyncKind
  checkpoint: SyncCheckpoint
  counters: RunCounters
  tracker: ProgressTracker
  itemFailed: (error: unknown) => void
  iso: () => string
  concurrency: number
  /** The complete collections listing of this run. */
  spaces: ModeSpace[]
  /** Preview pictures downloaded beside the listing, as each page lands. */
  previewQueue: PreviewDownloads
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppFailure('cancelled', 'The sync was cancelled.')
}
