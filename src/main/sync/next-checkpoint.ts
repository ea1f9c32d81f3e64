// Where a sync starts: the interrupted sync's listing generation when it is recent and of the same kind, or a
// new one. A full sync's cut-off is a run id (ids only grow, unlike the wall clock) and survives any restart,
// so SQL fetched before a crash is not fetched again and a clock moved back cannot make a full sync skip any.
import type { SyncCheckpoint } from '../library/sync-records.ts'
import type { SyncKind } from '../../shared/model.ts'

const DEFAULT_RESUME_WINDOW_MS = 60 * 60_000

export function nextCheckpoint(
  previous: SyncCheckpoint | null,
  kind: SyncKind,
  runId: number,
  startedAt: string,
  nowMs: number,
  windowMs: number = DEFAULT_RESUME_WINDOW_MS,
): SyncCheckpoint {
  // A checkpoint written before run ids were compared has no refetchBeforeRun: its generation's first run stands in.
  const refetchBeforeRun = kind === 'full' ? (previous?.kind === 'full' ? previous.refetchBeforeRun ?? previous.gen : runId) : null
  const age = nowMs - Date.parse(previous?.startedAt ?? '')
  // A negative age is a clock moved back: the listings are not trusted to be recent then.
  if (previous && previous.kind === kind && age >= 0 && age < windowMs) return { ...previous, refetchBeforeRun }
  return { gen: runId, kind, refetchBeforeRun, startedAt, peopleDone: false, dataSourcesDone: false }
}
