// One limiter per Mode user, shared by every request of a sync: a token bucket that keeps under Mode's
// documented ~40 requests per 10 s per user, plus a cap on requests in flight. Mode meters with a leaky bucket
// (docs/DESIGN.md, “The Mode API in one screen”), so the bucket here is small (one second's worth of requests by default): a burst
// never goes beyond what Mode's bucket has already drained, and the long-run rate equals the limit.
// On a 429 everybody pauses (for `Retry-After` when Mode sends it) and the rate halves for a cool-down; another
// 429 after the pause halves it again (down to 1/16), so a limit lower than configured is found in a few steps.
// After a cool-down without 429s the full rate returns. Clock and sleep are injectable so tests can run minutes of traffic in microseconds.

export interface RateLimiterOptions {
  /** Requests allowed per `perMs` (Mode: 40 per 10 000 ms). */
  requests?: number
  perMs?: number
  /** Bucket size: how many requests may start back to back. Default: one second's worth, at least 1. */
  capacity?: number
  /** Requests in flight at once. */
  concurrency?: number
  /** Pause after a 429 without `Retry-After`. Default: the time Mode's bucket needs to drain `capacity` requests. */
  defaultPauseMs?: number
  /** How long the rate stays reduced after the last 429, and by which factor each 429 multiplies it. */
  slowdownMs?: number
  slowdownFactor?: number
  /** The lowest share of the configured rate the slowdown may reach. */
  minRateFactor?: number
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  /** Called when requests start or stop being held back by the limit (for "waiting for the rate limit"). */
  onWaitingChange?: (waiting: boolean) => void
}

export interface RateLimiterStats {
  /** Requests let through. */
  requests: number
  /** 429 answers reported by the client. */
  rateLimited: number
  /** Requests that had to wait for a token or a 429 pause, and the total of those waits. */
  waits: number
  waitMs: number
  inFlight: number
  queued: number
  waiting: boolean
}

/** What a Mode client needs of a limiter: RateLimiter here, or the sync worker's proxy of the parent's one. */
export interface RequestLimiter {
  readonly concurrency: number
  acquire(signal?: AbortSignal): Promise<() => void>
  noteRateLimited(retryAfterMs: number | null): void
  stats(): RateLimiterStats
}

interface Waiter {
  resolve: (release: () => void) => void
  reject: (reason: unknown) => void
  enqueuedAt: number
  signal: AbortSignal | undefined
  onAbort: (() => void) | undefined
}

export class RateLimiter implements RequestLimiter {
  readonly requestsPerWindow: number
  readonly windowMs: number
  readonly capacity: number
  readonly concurrency: number
  private readonly defaultPauseMs: number
  private readonly slowdownMs: number
  private readonly slowdownFactor: number
  private readonly minRateFactor: number
  private rateFactor = 1
  private readonly now: () => number
  private readonly sleep: (ms: number) => Promise<void>
  private readonly onWaitingChange: ((waiting: boolean) => void) | undefined

  private tokens: number
  private lastRefill: number
  private pausedUntil = 0
  private slowUntil = 0
  private inFlight = 0
  private readonly queue: Waiter[] = []
  private timerPending = false
  private timerDueAt = Infinity
  private isWaiting = false
  private counters = { requests: 0, rateLimited: 0, waits: 0, waitMs: 0 }
  private readonly waitingListeners = new Set<(waiting: boolean) => void>()

  constructor(options: RateLimiterOptions = {}) {
    this.requestsPerWindow = options.requests ?? 40
    this.windowMs = options.perMs ?? 10_000
    if (!(this.requestsPerWindow > 0) || !(this.windowMs > 0)) throw new RangeError('rate must be positive')
    const perSecond = (this.requestsPerWindow * 1000) / this.windowMs
    this.capacity = Math.max(1, options.capacity ?? Math.min(this.requestsPerWindow, Math.floor(perSecond)))
    this.concurrency = Math.max(1, options.concurrency ?? 4)
    this.defaultPauseMs = options.defaultPauseMs ?? (this.capacity * this.windowMs) / this.requestsPerWindow
    this.slowdownMs = options.slowdownMs ?? this.windowMs * 3
    this.slowdownFactor = options.slowdownFactor ?? 0.5
    this.minRateFactor = options.minRateFactor ?? 1 / 16
    this.now = options.now ?? (() => performance.now())
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)))
    this.onWaitingChange = options.onWaitingChange
    this.tokens = this.capacity
    this.lastRefill = this.now()
  }

  /**
   * Waits for a concurrency slot and a token. Resolves with `release`, to call once the response is read.
   * Rejects with the signal's reason if it aborts while queued.
   */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason)
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, enqueuedAt: this.now(), signal, onAbort: undefined }
      if (signal) {
        waiter.onAbort = () => {
          const i = this.queue.indexOf(waiter)
          if (i >= 0) this.queue.splice(i, 1)
          this.updateWaiting()
          reject(signal.reason)
        }
        signal.addEventListener('abort', waiter.onAbort, { once: true })
      }
      this.queue.push(waiter)
      this.pump()
    })
  }

  /** Mode answered 429: pause everyone and slow down for a while. */
  noteRateLimited(retryAfterMs: number | null): void {
    const now = this.now()
    this.counters.rateLimited++
    this.refill(now)
    // 429s for requests sent before the current pause began are not new evidence: slow down once per pause.
    if (now >= this.pausedUntil) {
      this.rateFactor = now < this.slowUntil ? Math.max(this.minRateFactor, this.rateFactor * this.slowdownFactor) : this.slowdownFactor
    }
    this.tokens = 0
    this.lastRefill = now
    const pause = retryAfterMs ?? this.defaultPauseMs
    this.pausedUntil = Math.max(this.pausedUntil, now + pause)
    this.slowUntil = now + pause + this.slowdownMs
    this.pump()
  }

  /** Also tells `listener` when requests start or stop being held back (the sync worker's bridge forwards it). */
  onWaitingChanged(listener: (waiting: boolean) => void): () => void {
    this.waitingListeners.add(listener)
    return () => this.waitingListeners.delete(listener)
  }

  get waiting(): boolean {
    return this.isWaiting
  }

  stats(): RateLimiterStats {
    return { ...this.counters, inFlight: this.inFlight, queued: this.queue.length, waiting: this.isWaiting }
  }

  /** The share of the configured rate in force now (1 unless slowed down by recent 429s). */
  currentRateFactor(): number {
    return this.now() < this.slowUntil ? this.rateFactor : 1
  }

  /** Tokens per millisecond right now (reduced during the cool-down after a 429). */
  private rateAt(now: number): number {
    const base = this.requestsPerWindow / this.windowMs
    return now < this.slowUntil ? base * this.rateFactor : base
  }

  private refill(now: number): void {
    if (now <= this.lastRefill) return
    // While paused nothing accrues: the pause is the time Mode's bucket needs to drain what we already sent.
    const from = Math.max(this.lastRefill, this.pausedUntil)
    if (now > from) this.tokens = Math.min(this.capacity, this.tokens + (now - from) * this.rateAt(now))
    this.lastRefill = now
  }

  private pump(): void {
    const now = this.now()
    this.refill(now)
    while (this.queue.length > 0 && this.inFlight < this.concurrency) {
      if (now < this.pausedUntil || this.tokens < 1) break
      const waiter = this.queue.shift() as Waiter
      this.tokens -= 1
      this.inFlight++
      this.counters.requests++
      const waited = now - waiter.enqueuedAt
      if (waited > 0) {
        this.counters.waits++
        this.counters.waitMs += waited
      }
      if (waiter.signal && waiter.onAbort) waiter.signal.removeEventListener('abort', waiter.onAbort)
      waiter.resolve(this.releaser())
    }
    this.updateWaiting()
    if (this.queue.length > 0 && this.inFlight < this.concurrency) this.scheduleWake(now)
  }

  private releaser(): () => void {
    let released = false
    return () => {
      if (released) return
      released = true
      this.inFlight--
      this.pump()
    }
  }

  /** One timer at a time, due when the next token (or the end of a pause) is there. */
  private scheduleWake(now: number): void {
    const rate = this.rateAt(now)
    const start = Math.max(now, this.pausedUntil)
    const dueAt = start + Math.max(0, (1 - this.tokens) / rate)
    if (this.timerPending && this.timerDueAt <= dueAt) return
    this.timerPending = true
    this.timerDueAt = dueAt
    void this.sleep(Math.max(1, Math.ceil(dueAt - now))).then(() => {
      if (this.timerDueAt !== dueAt) return // superseded by an earlier timer
      this.timerPending = false
      this.timerDueAt = Infinity
      this.pump()
    })
  }

  /** Held back = someone is queued while a concurrency slot is free (so only the rate stops them). */
  private updateWaiting(): void {
    const waiting = this.queue.length > 0 && this.inFlight < this.concurrency
    if (waiting !== this.isWaiting) {
      this.isWaiting = waiting
      this.onWaitingChange?.(waiting)
      for (const listener of this.waitingListeners) listener(waiting)
    }
  }
}

/** `Retry-After` is seconds (possibly fractional, as DataHub reads it) or an HTTP date. Null when absent or unusable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number = Date.now()): number | null {
  if (value === null || value === undefined) return null
  const text = value.trim()
  if (text === '') return null
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000)
  const date = Date.parse(text)
  if (Number.isNaN(date)) return null
  return Math.max(0, date - nowMs)
}
