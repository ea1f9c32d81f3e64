// The limiter's arithmetic on a fake clock: the long-run rate equals the limit, no 10 s window ever holds
// more than Mode allows, concurrency is capped, a 429 pauses everyone and slows the rate, and aborts unqueue.
import { describe, expect, it } from 'vitest'
import { parseRetryAfter, RateLimiter } from '../../../src/main/mode/rate-limiter.ts'
import { FakeClock } from './fake-mode.ts'

/** Acquires `n` permits as fast as the limiter allows, releasing each at once; returns grant times. */
async function grantTimes(limiter: RateLimiter, clock: FakeClock, n: number, untilMs: number): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < n; i++) {
    void limiter.acquire().then((release) => {
      times.push(clock.now())
      release()
    })
  }
  await clock.runUntil(untilMs)
  return times
}

function maxInWindow(times: number[], windowMs: number): number {
  let max = 0
  for (let i = 0, j = 0; i < times.length; i++) {
    while ((times[i] as number) - (times[j] as number) >= windowMs) j++
    max = Math.max(max, i - j + 1)
  }
  return max
}

describe('RateLimiter', () => {
  it('runs at the configured rate (40 per 10 s) and never puts more than 40 + one burst in any 10 s', async () => {
    const clock = new FakeClock()
    const limiter = new RateLimiter({ now: clock.now, sleep: clock.sleep })
    const times = await grantTimes(limiter, clock, 400, 200_000)
    expect(times).toHaveLength(400)
    expect(limiter.capacity).toBe(4)
    // 4 start at once (the bucket), then one every 250 ms: the 400th at (400 - 4) × 250 ms.
    expect(times.at(-1)).toBeGreaterThanOrEqual(396 * 250 - 1)
    expect(times.at(-1)).toBeLessThanOrEqual(396 * 250 + 400 * 2)
    expect(maxInWindow(times, 10_000)).toBeLessThanOrEqual(44)
    // Steady state (after the first burst): exactly the limit.
    expect(maxInWindow(times.slice(4), 10_000)).toBeLessThanOrEqual(40)
    const stats = limiter.stats()
    expect(stats.requests).toBe(400)
    expect(stats.waits).toBe(396)
    expect(stats.waitMs).toBeGreaterThan(0)
  })

  it('respects a custom rate', async () => {
    const clock = new FakeClock()
    const limiter = new RateLimiter({ requests: 10, perMs: 1000, capacity: 1, now: clock.now, sleep: clock.sleep })
    const times = await grantTimes(limiter, clock, 21, 10_000)
    expect(times.at(-1)).toBeGreaterThanOrEqual(1999)
    expect(times.at(-1)).toBeLessThanOrEqual(2100)
  })

  it('caps requests in flight at the concurrency', async () => {
    const clock = new FakeClock()
    const limiter = new RateLimiter({ requests: 1000, perMs: 1, concurrency: 3, now: clock.now, sleep: clock.sleep })
    const releases: (() => void)[] = []
    for (let i = 0; i < 10; i++) void limiter.acquire().then((r) => releases.push(r))
    await clock.runUntil(1000)
    expect(releases).toHaveLength(3)
    releases[0]?.()
    await clock.runUntil(2000)
    expect(releases).toHaveLength(4)
    expect(limiter.stats()).toMatchObject({ inFlight: 3, queued: 6 })
  })

  it('pauses everyone for Retry-After after a 429, then runs at half rate for a while', async () => {
    const clock = new FakeClock()
    const limiter = new RateLimiter({ now: clock.now, sleep: clock.sleep, slowdownMs: 20_000 })
    await grantTimes(limiter, clock, 4, 0) // spend the burst
    limiter.noteRateLimited(5_000)
    const times = await grantTimes(limiter, clock, 9, 60_000)
    expect(times[0]).toBeGreaterThanOrEqual(5_000)
    // Half of 4/s = one every 500 ms during the slowdown.
    const gaps = times.slice(1).map((t, i) => t - (times[i] as number))
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(499)
    expect(limiter.stats().rateLimited).toBe(1)
  })

  it('halves the rate again on a 429 after the pause (not for 429s of requests already in flight), then recovers', async () => {
    const clock = new FakeClock()
    const limiter = new RateLimiter({ now: clock.now, sleep: clock.sleep, slowdownMs: 10_000 })
    limiter.noteRateLimited(1_000)
    limiter.noteRateLimited(1_000) // same burst: still one halving
    expect(limiter.currentRateFactor()).toBe(0.5)
    await clock.runUntil(2_000)
    limiter.noteRateLimited(1_000)
    expect(limiter.currentRateFactor()).toBe(0.25)
    for (let i = 0; i < 10; i++) {
      await clock.runUntil(clock.now() + 1_100)
      limiter.noteRateLimited(1_000)
    }
    expect(limiter.currentRateFactor()).toBe(1 / 16)
    await clock.runUntil(clock.now() + 12_000)
    expect(limiter.currentRateFactor()).toBe(1)
  })

  it('pauses for a default time when Mode sends no Retry-After', async () => {
    const clock = new FakeClock()
    const limiter = new RateLimiter({ now: clock.now, sleep: clock.sleep })
    await grantTimes(limiter, clock, 4, 0)
    limiter.noteRateLimited(null)
    const [first] = await grantTimes(limiter, clock, 1, 60_000)
    expect(first).toBeGreaterThanOrEqual(1_000)
  })

  it('reports waiting while the rate (not concurrency) holds requests back', async () => {
    const clock = new FakeClock()
    const changes: boolean[] = []
    const limiter = new RateLimiter({ now: clock.now, sleep: clock.sleep, onWaitingChange: (w) => changes.push(w) })
    for (let i = 0; i < 8; i++) void limiter.acquire().then((release) => release())
    await clock.settle()
    expect(limiter.waiting).toBe(true)
    await clock.runUntil(10_000)
    expect(limiter.stats().requests).toBe(8)
    expect(limiter.waiting).toBe(false)
    expect(changes).toEqual([true, false])
  })

  it('an aborted waiter leaves the queue and rejects with the abort reason', async () => {
    const clock = new FakeClock()
    const limiter = new RateLimiter({ requests: 1, perMs: 10_000, capacity: 1, now: clock.now, sleep: clock.sleep })
    const first = await limiter.acquire()
    const controller = new AbortController()
    const second = limiter.acquire(controller.signal)
    controller.abort(new Error('stop'))
    await expect(second).rejects.toThrow('stop')
    expect(limiter.stats().queued).toBe(0)
    first()
  })
})

describe('parseRetryAfter', () => {
  it('reads seconds, fractional seconds and HTTP dates; ignores junk', () => {
    expect(parseRetryAfter('2')).toBe(2000)
    expect(parseRetryAfter('1.5')).toBe(1500)
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(30_000)
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:29:00 GMT'))).toBe(0)
    expect(parseRetryAfter('soon')).toBeNull()
    expect(parseRetryAfter(null)).toBeNull()
    expect(parseRetryAfter('')).toBeNull()
  })
})
