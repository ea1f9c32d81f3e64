// When syncs run, and the user-facing SyncState that explains it. Electron-free: the clock, the timers, the
// network probe and the sync itself are injected, so tests drive days of schedule with a fake clock.
//
// Triggers: nightly at the user's local time (default 03:00); at launch and after resume from sleep when the
// last nightly slot passed without a completed sync (machine asleep or off); on demand. A sync that fails
// because the network is gone (or another transient failure) is retried with exponential backoff; while the
// probe says offline no request is attempted and the state says "offline".
import { toAppError } from '../../shared/errors.ts'
import type { AppError, SyncKind, SyncProgress, SyncRun, SyncState } from '../../shared/model.ts'
import type { SyncResult } from './sync-workspace.ts'

export interface SchedulerClock {
  now(): number
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const systemClock: SchedulerClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms)
    handle.unref?.()
    return handle
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export interface SyncRequest {
  kind: SyncKind
  trigger: string
  signal: AbortSignal
  onProgress: (progress: SyncProgress) => void
}

export interface SchedulerOptions {
  /** Runs one sync (the app wires syncWorkspace with the current library, client and settings). */
  runSync: (request: SyncRequest) => Promise<SyncResult>
  /** False when no workspace is connected: nothing is scheduled and the state says so. */
  isConnected: () => boolean
  /** Local time of the nightly sync, HH:MM. */
  nightlyTime: () => string
  /** The most recent sync run of any outcome (for the state), and the most recent completed one (for catch-up). */
  lastRun: () => SyncRun | null
  lastCompletedRun: () => SyncRun | null
  /** Cheap connectivity check before a retry (e.g. DNS or Electron's net.isOnline); absent = assume online. */
  isOnline?: () => boolean | Promise<boolean>
  onState?: (state: SyncState) => void
  clock?: SchedulerClock
  /** First retry delay after a network failure, doubled each time up to `maxBackoffMs`. */
  initialBackoffMs?: number
  maxBackoffMs?: number
}

/** Failures worth retrying by themselves; anything else (credentials, plan, access) waits for the user. */
const TRANSIENT = new Set(['offline', 'timeout', 'server_error', 'rate_limited', 'malformed_response', 'tls_or_proxy'])

export interface SyncScheduler {
  /** Starts the nightly timer; with `catchUp`, syncs now if the last nightly slot was missed. */
  start(options?: { catchUp?: boolean }): void
  stop(): void
  /** On demand. Returns the state right after starting (a running sync is not started twice). */
  syncNow(options?: { full?: boolean; trigger?: string }): SyncState
  cancel(): SyncState
  /** The machine woke up: timers may have slept through the nightly slot. */
  onResume(): void
  /** The nightly time or the connection changed. */
  reschedule(): void
  getState(): SyncState
  /** Resolves when the running sync (if any) settles; for tests, the CLI and shutdown. */
  idle(): Promise<void>
}

export function createSyncScheduler(options: SchedulerOptions): SyncScheduler {
  const clock = options.clock ?? systemClock
  const initialBackoffMs = options.initialBackoffMs ?? 30_000
  const maxBackoffMs = options.maxBackoffMs ?? 15 * 60_000

  let started = false
  let nightlyTimer: unknown = null
  let retryTimer: unknown = null
  let retryAt: number | null = null
  let backoffMs = initialBackoffMs
  let running: { controller: AbortController; done: Promise<void> } | null = null
  let progress: SyncProgress | null = null
  let status: SyncState['status'] = 'idle'
  let error: AppError | null = null
  let pendingKind: SyncKind = 'incremental'

  function state(): SyncState {
    const lastRun = options.lastRun()
    const lastCompleted = options.lastCompletedRun()
    const connected = options.isConnected()
    return {
      status: !connected ? 'not_connected' : running ? 'syncing' : status,
      progress: running ? progress : null,
      lastRun,
      lastSuccessAt: lastCompleted?.endedAt ?? null,
      nextScheduledAt: connected && started ? new Date(retryAt ?? nextNightly(clock.now(), options.nightlyTime())).toISOString() : null,
      error: running ? null : error,
    }
  }

  const emit = (): void => options.onState?.(state())

  function armNightly(): void {
    if (nightlyTimer !== null) clock.clearTimeout(nightlyTimer)
    nightlyTimer = null
    if (!started || !options.isConnected()) return
    const delay = Math.max(1000, nextNightly(clock.now(), options.nightlyTime()) - clock.now())
    nightlyTimer = clock.setTimeout(() => {
      nightlyTimer = null
      begin('incremental', 'nightly')
      armNightly()
    }, delay)
  }

  function clearRetry(): void {
    if (retryTimer !== null) clock.clearTimeout(retryTimer)
    retryTimer = null
    retryAt = null
  }

  function scheduleRetry(kind: SyncKind, trigger: string): void {
    clearRetry()
    const delay = backoffMs
    backoffMs = Math.min(maxBackoffMs, backoffMs * 2)
    retryAt = clock.now() + delay
    retryTimer = clock.setTimeout(() => {
      retryTimer = null
      retryAt = null
      void attemptRetry(kind, trigger)
    }, delay)
  }

  async function attemptRetry(kind: SyncKind, trigger: string): Promise<void> {
    if (!started || running || !options.isConnected()) return
    if (options.isOnline && !(await options.isOnline())) {
      status = 'offline'
      scheduleRetry(kind, trigger)
      emit()
      return
    }
    begin(kind, trigger.endsWith('-retry') ? trigger : `${trigger}-retry`)
  }

  function missedNightly(): boolean {
    const slot = previousNightly(clock.now(), options.nightlyTime())
    const last = options.lastCompletedRun()
    return !last || Date.parse(last.startedAt) < slot
  }

  function begin(kind: SyncKind, trigger: string): void {
    if (!options.isConnected()) {
      emit()
      return
    }
    if (running) {
      if (kind === 'full') pendingKind = 'full'
      return
    }
    clearRetry()
    const controller = new AbortController()
    progress = null
    error = null
    status = 'syncing'
    const done = (async () => {
      let result: SyncResult | null = null
      let thrown: unknown = null
      try {
        result = await options.runSync({
          kind,
          trigger,
          signal: controller.signal,
          onProgress: (p) => {
            progress = p
            emit()
          },
        })
      } catch (e) {
        thrown = e
      }
      running = null
      progress = null
      settle(kind, trigger, result, thrown)
      emit()
      if (pendingKind === 'full' && kind !== 'full' && (status as SyncState['status']) === 'idle') {
        pendingKind = 'incremental'
        begin('full', trigger)
      }
    })()
    running = { controller, done }
    emit()
  }

  function settle(kind: SyncKind, trigger: string, result: SyncResult | null, thrown: unknown): void {
    const failure: AppError | null =
      thrown !== null
        ? toAppError(thrown)
        : result && (result.run.outcome === 'failed' || result.run.outcome === 'cancelled')
          ? result.error
          : null
    if (failure === null) {
      status = 'idle'
      error = null
      backoffMs = initialBackoffMs
      return
    }
    if (failure.code === 'cancelled') {
      status = 'idle'
      error = null
      return
    }
    if (failure.code === 'sync_in_progress') {
      // Another process (the CLI, or the app beside it) is syncing this workspace: try again later.
      status = 'idle'
      error = failure
      scheduleRetry(kind, trigger)
      return
    }
    status = failure.code === 'offline' ? 'offline' : 'error'
    error = failure.code === 'offline'
      ? { ...failure, action: failure.action ?? 'Mode Companion will retry automatically when the network is back; your library stays available offline.' }
      : failure
    if (TRANSIENT.has(failure.code)) scheduleRetry(kind, trigger)
  }

  return {
    start(startOptions) {
      started = true
      armNightly()
      if (startOptions?.catchUp && options.isConnected() && missedNightly()) begin('incremental', 'launch')
      else emit()
    },
    stop() {
      started = false
      if (nightlyTimer !== null) clock.clearTimeout(nightlyTimer)
      nightlyTimer = null
      clearRetry()
      running?.controller.abort()
    },
    syncNow(request) {
      backoffMs = initialBackoffMs
      begin(request?.full ? 'full' : 'incremental', request?.trigger ?? 'manual')
      return state()
    },
    cancel() {
      pendingKind = 'incremental'
      clearRetry()
      running?.controller.abort()
      if (!running && (status === 'offline' || status === 'error')) {
        status = 'idle'
        error = null
      }
      const s = state()
      emit()
      return s
    },
    onResume() {
      armNightly()
      if (started && options.isConnected() && !running && missedNightly()) begin('incremental', 'resume')
      else if (retryTimer !== null) {
        // The network often returns with the wake-up: retry now instead of waiting out the backoff.
        const pending = retryAt
        clearRetry()
        if (pending !== null) void attemptRetry('incremental', 'resume')
      }
    },
    reschedule() {
      armNightly()
      emit()
    },
    getState: state,
    async idle() {
      while (running) await running.done
    },
  }
}

function parseTime(hhmm: string): { hours: number; minutes: number } {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm)
  const hours = match ? Math.min(23, Number(match[1])) : 3
  const minutes = match ? Math.min(59, Number(match[2])) : 0
  return { hours, minutes }
}

/** The next local HH:MM strictly after `nowMs` (DST-safe: built from local calendar fields). */
export function nextNightly(nowMs: number, hhmm: string): number {
  const { hours, minutes } = parseTime(hhmm)
  const d = new Date(nowMs)
  d.setHours(hours, minutes, 0, 0)
  if (d.getTime() <= nowMs) {
    d.setDate(d.getDate() + 1)
    d.setHours(hours, minutes, 0, 0)
  }
  return d.getTime()
}

/** The latest local HH:MM at or before `nowMs`. */
export function previousNightly(nowMs: number, hhmm: string): number {
  const { hours, minutes } = parseTime(hhmm)
  const d = new Date(nowMs)
  d.setHours(hours, minutes, 0, 0)
  if (d.getTime() > nowMs) {
    d.setDate(d.getDate() - 1)
    d.setHours(hours, minutes, 0, 0)
  }
  return d.getTime()
}
