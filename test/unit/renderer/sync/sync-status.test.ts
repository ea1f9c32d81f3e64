import { describe, expect, it } from 'vitest'
import type { SyncState } from '../../../../src/shared/model.ts'
import { summariseSync } from '../../../../src/renderer/src/screens/sync/sync-status.ts'
import { relativeTime } from '../../../../src/renderer/src/screens/sync/relative-time.ts'
import { PHASE_LABELS, phaseCount } from '../../../../src/shared/sync-phases.ts'
import { PHASE_LABELS as SCREEN_LABELS } from '../../../../src/renderer/src/screens/sync/sync-status.ts'
import { progressPercent } from '../../../../src/renderer/src/screens/sync/sync-status.ts'

const NOW = Date.parse('2025-06-01T12:00:00Z')
const base: SyncState = { status: 'idle', progress: null, lastRun: null, lastSuccessAt: '2025-06-01T11:55:00Z', nextScheduledAt: '2025-06-02T03:00:00Z', error: null }
const progress = { runId: 1, kind: 'full' as const, phase: 'queries' as const, done: 250, total: 1000, requests: 300, rateLimitWaits: 2, waitingForRateLimit: false, etaMs: 60_000, startedAt: '2025-06-01T11:50:00Z' }

describe('sync status summary', () => {
  it('says when the last sync was and when the next one is', () => {
    expect(summariseSync(base, true, NOW)).toEqual({ tone: 'ok', title: 'Synced 5 min ago', detail: 'Next in 15 h' })
  })
  it('shows phase, counts and a percentage while syncing, and rate-limit waits', () => {
    expect(summariseSync({ ...base, status: 'syncing', progress }, true, NOW)).toMatchObject({ tone: 'busy', title: 'Syncing', detail: 'Fetching SQL · 250 of 1,000 reports', percent: 25 })
    expect(summariseSync({ ...base, status: 'syncing', progress: { ...progress, total: null, waitingForRateLimit: true } }, true, NOW)).toMatchObject({ tone: 'warning', title: 'Waiting for rate limit', percent: null })
  })
  it('tells offline and errors apart', () => {
    expect(summariseSync(base, false, NOW)).toMatchObject({ tone: 'warning', title: 'Offline', detail: 'Synced 5 min ago' })
    expect(summariseSync({ ...base, status: 'error', error: { code: 'bad_credentials', message: 'Mode rejected the token' } }, true, NOW)).toMatchObject({ tone: 'error', detail: 'Mode rejected the token' })
  })
  it('writes relative times', () => {
    expect(relativeTime(null, NOW)).toBe('never')
    expect(relativeTime('2025-06-01T11:59:50Z', NOW)).toBe('just now')
    expect(relativeTime('2025-06-01T09:00:00Z', NOW)).toBe('3 h ago')
    expect(relativeTime('2025-05-31T08:00:00Z', NOW)).toBe('yesterday')
    expect(relativeTime('2025-05-25T12:00:00Z', NOW)).toBe('7 days ago')
  })
  it('puts a unit on every count and has one label per phase', () => {
    expect(phaseCount({ phase: 'listing', done: 3, total: 12 }, 'en-US')).toBe('3 of 12 collections')
    expect(phaseCount({ phase: 'queries', done: 1, total: 1 }, 'en-US')).toBe('1 of 1 report')
    expect(phaseCount({ phase: 'collections', done: 40, total: null }, 'en-US')).toBe('40 collections so far')
    expect(phaseCount({ phase: 'people', done: 1, total: 2 }, 'en-US')).toBe('1 of 2 lists')
    expect(phaseCount({ phase: 'starting', done: 0, total: null })).toBeNull()
    expect(SCREEN_LABELS).toBe(PHASE_LABELS)
  })
  it('has no percentage (an indeterminate bar) while the phase has no total', () => {
    expect(progressPercent({ ...progress, total: null })).toBeNull()
    expect(progressPercent({ ...progress, total: 0 })).toBeNull()
    expect(progressPercent(progress)).toBe(25)
  })
})
