import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSyncScheduler, nextNightly, previousNightly } from '../../../src/main/sync/scheduler.ts'
import type { SchedulerClock, SyncRequest } from '../../../src/main/sync/scheduler.ts'
import type { SyncResult } from '../../../src/main/sync/sync-workspace.ts'
import type { AppError, SyncRun, SyncState } from '../../../src/shared/model.ts'

/** A clock whose timers fire only when the test advances time. */
function fakeClock(startIso: string): SchedulerClock & { advance(ms: number): Promise<void>; jump(ms: number): void } {
  let now = new Date(startIso).getTime()
  let seq = 0
  const timers = new Map<number, { at: number; fn: () => void }>()
  return {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = ++seq
      timers.set(id, { at: now + ms, fn })
      return id
    },
    clearTimeout: (h) => void timers.delete(h as number),
    /** Time passes while the machine sleeps: timers do not fire. */
    jump: (ms) => void (now += ms),
    async advance(ms) {
      const end = now + ms
      for (let guard = 0; guard < 10_000; guard++) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0]
        if (!due) break
        timers.delete(due[0])
        now = due[1].at
        due[1].fn()
        for (let i = 0; i < 5; i++) await Promise.resolve()
      }
      now = end
      for (let i = 0; i < 5; i++) await Promise.resolve()
    },
  }
}

/** A stand-in for syncWorkspace that records each call and answers with the next scripted outcome. */
function harness(startIso: string, opts: { lastCompletedAt?: string | null; online?: () => boolean; nightlyTime?: string } = {}) {
  const clock = fakeClock(startIso)
  const calls: { kind: string; trigger: string; at: string }[] = []
  const script: (AppError | null)[] = []
  let lastCompleted: SyncRun | null = opts.lastCompletedAt ? run(1, opts.lastCompletedAt, 'success') : null
  let last: SyncRun | null = lastCompleted
  const states: SyncState[] = []
  let nextId = 2
  const scheduler = createSyncScheduler({
    clock,
    isConnected: () => true,
    nightlyTime: () => opts.nightlyTime ?? '03:00',
    lastRun: () => last,
    lastCompletedRun: () => lastCompleted,
    isOnline: opts.online,
    initialBackoffMs: 30_000,
    maxBackoffMs: 8 * 60_000,
    onState: (s) => states.push(s),
    runSync: async (req: SyncRequest): Promise<SyncResult> => {
      const at = new Date(clock.now()).toISOString()
      calls.push({ kind: req.kind, trigger: req.trigger, at })
      const failure = script.shift() ?? null
      const r = run(nextId++, at, failure ? 'failed' : 'success')
      last = r
      if (!failure) lastCompleted = r
      return { run: r, error: failure }
    },
  })
  return { clock, calls, script, scheduler, states }
}

function run(id: number, startedAt: string, outcome: SyncRun['outcome']): SyncRun {
  return { id, kind: 'incremental', trigger: 't', startedAt, endedAt: startedAt, outcome, requests: 1, rateLimited: 0, reportsChanged: 0, queriesFetched: 0, errors: 0, errorMessage: null, itemsSkipped: 0 }
}

const offline: AppError = { code: 'offline', message: 'Mode could not be reached.' }
const local = (y: number, mo: number, d: number, h: number, mi = 0) => new Date(y, mo - 1, d, h, mi).toISOString()

describe('sync scheduler', () => {
  it('runs nightly at the chosen local time, every night', async () => {
    const h = harness(local(2025, 6, 10, 12), { lastCompletedAt: local(2025, 6, 10, 9) })
    h.scheduler.start({ catchUp: true })
    expect(h.calls).toHaveLength(0) // 03:00 today was covered by the 09:00 sync
    expect(h.scheduler.getState().nextScheduledAt).toBe(local(2025, 6, 11, 3))
    await h.clock.advance(24 * 3600_000)
    await h.clock.advance(24 * 3600_000)
    expect(h.calls.map((c) => [c.trigger, c.at])).toEqual([
      ['nightly', local(2025, 6, 11, 3)],
      ['nightly', local(2025, 6, 12, 3)],
    ])
    h.scheduler.stop()
  })

  it('catches up at launch when the last nightly slot was missed, and not otherwise', async () => {
    const missed = harness(local(2025, 6, 10, 8), { lastCompletedAt: local(2025, 6, 9, 2) })
    missed.scheduler.start({ catchUp: true })
    await missed.clock.advance(1)
    expect(missed.calls.map((c) => c.trigger)).toEqual(['launch'])
    missed.scheduler.stop()

    const fine = harness(local(2025, 6, 10, 8), { lastCompletedAt: local(2025, 6, 10, 3, 1) })
    fine.scheduler.start({ catchUp: true })
    await fine.clock.advance(1)
    expect(fine.calls).toHaveLength(0)
    fine.scheduler.stop()
  })

  it('syncs after resume from sleep when the machine slept through the nightly slot', async () => {
    const h = harness(local(2025, 6, 10, 22), { lastCompletedAt: local(2025, 6, 10, 21) })
    h.scheduler.start()
    // Asleep from 22:00 to 09:00: no timer fired. On wake-up the app calls onResume().
    h.clock.jump(11 * 3600_000)
    h.scheduler.onResume()
    await h.clock.advance(1)
    expect(h.calls.map((c) => [c.trigger, c.at])).toEqual([['resume', local(2025, 6, 11, 9)]])
    // The stale 03:00 timer was replaced: the next run is tomorrow night, once.
    await h.clock.advance(24 * 3600_000)
    expect(h.calls.map((c) => c.trigger)).toEqual(['resume', 'nightly'])
    h.scheduler.stop()
  })

  it('on network loss shows offline and retries with growing backoff until it succeeds', async () => {
    let online = false
    const h = harness(local(2025, 6, 10, 12), { lastCompletedAt: local(2025, 6, 10, 9), online: () => online })
    h.scheduler.start()
    h.script.push(offline)
    h.scheduler.syncNow()
    await h.clock.advance(1)
    const state = h.scheduler.getState()
    expect(state.status).toBe('offline')
    expect(state.error?.code).toBe('offline')
    expect(state.error?.action).toMatch(/retry/i)
    // While the probe says offline, no sync is attempted; the backoff grows: 30 s, 60 s, 120 s…
    await h.clock.advance(30_000)
    await h.clock.advance(60_000)
    expect(h.calls).toHaveLength(1)
    expect(h.scheduler.getState().nextScheduledAt).toBe(new Date(h.clock.now() + 120_000).toISOString())
    online = true
    await h.clock.advance(120_000)
    expect(h.calls.map((c) => c.trigger)).toEqual(['manual', 'manual-retry'])
    expect(h.scheduler.getState()).toMatchObject({ status: 'idle', error: null })
    // Back to the nightly schedule.
    expect(h.scheduler.getState().nextScheduledAt).toBe(local(2025, 6, 11, 3))
    h.scheduler.stop()
  })

  it('does not retry errors only the user can fix, and says what to do', async () => {
    const h = harness(local(2025, 6, 10, 12), { lastCompletedAt: local(2025, 6, 10, 9) })
    h.scheduler.start()
    h.script.push({ code: 'bad_credentials', message: 'Mode rejected the API token or its password.', action: 'Check the token.' })
    h.scheduler.syncNow()
    await h.clock.advance(60 * 60_000)
    expect(h.calls).toHaveLength(1)
    expect(h.scheduler.getState()).toMatchObject({ status: 'error', error: { code: 'bad_credentials', action: 'Check the token.' } })
    h.scheduler.stop()
  })

  it('never runs two syncs at once and can cancel the running one', async () => {
    const clock = fakeClock(local(2025, 6, 10, 12))
    let started = 0
    let aborted = false
    const scheduler = createSyncScheduler({
      clock,
      isConnected: () => true,
      nightlyTime: () => '03:00',
      lastRun: () => null,
      lastCompletedRun: () => null,
      runSync: (req) =>
        new Promise((resolve) => {
          started++
          req.signal.addEventListener('abort', () => {
            aborted = true
            resolve({ run: run(1, new Date(clock.now()).toISOString(), 'cancelled'), error: { code: 'cancelled', message: 'The sync was cancelled.' } })
          })
        }),
    })
    scheduler.start()
    expect(scheduler.syncNow().status).toBe('syncing')
    expect(scheduler.syncNow().status).toBe('syncing')
    expect(started).toBe(1)
    scheduler.cancel()
    await scheduler.idle()
    expect(aborted).toBe(true)
    expect(scheduler.getState()).toMatchObject({ status: 'idle', error: null })
    scheduler.stop()
  })
})

describe('nightly slot arithmetic', () => {
  it('finds the next and previous local HH:MM', () => {
    expect(nextNightly(new Date(2025, 0, 1, 2, 59).getTime(), '03:00')).toBe(new Date(2025, 0, 1, 3, 0).getTime())
    expect(nextNightly(new Date(2025, 0, 1, 3, 0).getTime(), '03:00')).toBe(new Date(2025, 0, 2, 3, 0).getTime())
    expect(previousNightly(new Date(2025, 0, 1, 2, 59).getTime(), '03:00')).toBe(new Date(2024, 11, 31, 3, 0).getTime())
    expect(previousNightly(new Date(2025, 0, 1, 23, 0).getTime(), '22:30')).toBe(new Date(2025, 0, 1, 22, 30).getTime())
  })
})

// Local wall-clock time jumps twice a year; the nightly slot must stay at the chosen local time across both
// changes, fire once (not twice, not never) on the night whose slot falls in the skipped or repeated hour.
describe('the nightly slot across daylight-saving changes (America/New_York)', () => {
  const savedTz = process.env.TZ
  beforeAll(() => { process.env.TZ = 'America/New_York' })
  afterAll(() => { if (savedTz === undefined) delete process.env.TZ; else process.env.TZ = savedTz })
  const hour = 3600_000
  const localHour = (iso: string) => { const d = new Date(iso); return `${d.getDate()} ${d.getHours()}:${String(d.getMinutes()).padStart(2, '0')}` }
  /** Starts at noon of the given day (its 09:00 sync done) and lets three days pass: the syncs that ran. */
  async function threeNights(month: number, day: number, nightlyTime?: string) {
    const h = harness(local(2025, month, day, 12), { lastCompletedAt: local(2025, month, day, 9), nightlyTime })
    h.scheduler.start()
    await h.clock.advance(3 * 24 * hour)
    h.scheduler.stop()
    return h.calls
  }

  it('keeps 03:00 local on both sides of the spring and autumn changes (23 h and 25 h apart)', async () => {
    for (const [month, day, nights, hoursAcross] of [[3, 8, ['9 3:00', '10 3:00', '11 3:00'], 23], [11, 1, ['2 3:00', '3 3:00', '4 3:00'], 25]] as const) {
      const calls = await threeNights(month, day)
      expect(calls.map((c) => localHour(c.at))).toEqual(nights)
      expect(Date.parse(calls[0]!.at) - Date.parse(local(2025, month, day, 3))).toBe(hoursAcross * hour)
      expect(Date.parse(calls[2]!.at) - Date.parse(calls[1]!.at)).toBe(24 * hour)
    }
  })

  it('a slot inside the skipped hour runs once that night, an hour later by the clock, then at its time again', async () => {
    // 02:30 does not exist on March 9 (02:00 → 03:00): the sync runs at 03:30 that night, once.
    expect((await threeNights(3, 8, '02:30')).map((c) => localHour(c.at))).toEqual(['9 3:30', '10 2:30', '11 2:30'])
  })

  it('a slot inside the repeated hour runs once that night, not twice', async () => {
    // 01:30 happens twice on November 2 (02:00 → 01:00): one sync, at the first.
    const calls = await threeNights(11, 1, '01:30')
    expect(calls.map((c) => localHour(c.at))).toEqual(['2 1:30', '3 1:30', '4 1:30'])
    expect(calls.every((c) => c.trigger === 'nightly')).toBe(true)
    expect(Date.parse(calls[1]!.at) - Date.parse(calls[0]!.at)).toBe(25 * hour)
  })

  it('catches up after sleeping through a slot that fell in the skipped hour', async () => {
    const h = harness(local(2025, 3, 8, 23), { lastCompletedAt: local(2025, 3, 8, 9), nightlyTime: '02:30' })
    h.scheduler.start()
    h.clock.jump(10 * hour) // asleep from 23:00 to 10:00 EDT: the 03:30 slot passed unseen
    h.scheduler.onResume()
    await h.clock.advance(1000)
    expect(h.calls.map((c) => c.trigger)).toEqual(['resume'])
    h.scheduler.stop()
  })
})
