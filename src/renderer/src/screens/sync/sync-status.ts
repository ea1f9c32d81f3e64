// How the sync state reads to a person, shared by the badge and the Sync screen.
import type { SyncProgress, SyncState } from '../../../../shared/model.ts'
import { relativeTime } from './relative-time.ts'
import { PHASE_LABELS, phaseCount } from '../../../../shared/sync-phases.ts'

export { PHASE_LABELS }

export type StatusTone = 'ok' | 'busy' | 'warning' | 'error' | 'idle'

export interface StatusSummary {
  tone: StatusTone
  title: string
  detail: string | null
  /** 0–100, or null for an indeterminate bar; undefined when no bar is shown. */
  percent?: number | null
}

export function progressPercent(p: SyncProgress): number | null {
  if (p.total === null || p.total <= 0) return null
  return Math.max(0, Math.min(100, Math.round((p.done / p.total) * 100)))
}

/** "12 of 40 collections": every count carries its unit; a phase that counts nothing says so. */
export function progressCounts(p: SyncProgress): string {
  return phaseCount(p) ?? 'working…'
}

export function summariseSync(state: SyncState | null, online: boolean, now: number = Date.now()): StatusSummary {
  if (!state) return { tone: 'idle', title: 'Sync status…', detail: null }
  const synced = state.lastSuccessAt ? `Synced ${relativeTime(state.lastSuccessAt, now)}` : 'Never synced'
  if (state.status === 'syncing' && state.progress) {
    const p = state.progress
    if (p.waitingForRateLimit) return { tone: 'warning', title: 'Waiting for rate limit', detail: `${PHASE_LABELS[p.phase]} · ${progressCounts(p)}`, percent: progressPercent(p) }
    return { tone: 'busy', title: 'Syncing', detail: `${PHASE_LABELS[p.phase]} · ${progressCounts(p)}`, percent: progressPercent(p) }
  }
  if (state.status === 'syncing') return { tone: 'busy', title: 'Syncing…', detail: null, percent: null }
  if (!online || state.status === 'offline') return { tone: 'warning', title: 'Offline', detail: synced }
  if (state.status === 'error') return { tone: 'error', title: 'Sync failed', detail: state.error?.message ?? synced }
  if (state.status === 'not_connected') return { tone: 'idle', title: 'Not connected', detail: state.lastSuccessAt ? synced : null }
  return { tone: 'ok', title: synced, detail: state.nextScheduledAt ? `Next ${relativeTime(state.nextScheduledAt, now)}` : null }
}
