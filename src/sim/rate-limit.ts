// Mode's limit as peers describe it: a leaky bucket per user (about 40 requests per 10 s). Each request pours
// one unit in; the bucket drains continuously; a request that would overflow it is refused with 429.

export interface RateLimitOptions {
  requests: number
  perMs: number
}

export class LeakyBucket {
  private level = 0
  private last: number
  private readonly capacity: number
  private readonly drainPerMs: number
  private readonly now: () => number

  constructor(options: RateLimitOptions, now: () => number = () => performance.now()) {
    this.capacity = options.requests
    this.drainPerMs = options.requests / options.perMs
    this.now = now
    this.last = now()
  }

  /** Admits the request (true) or refuses it, leaving the bucket as it was (false). */
  tryTake(): boolean {
    this.drain()
    if (this.level + 1 > this.capacity + 1e-9) return false
    this.level += 1
    return true
  }

  /** Whole seconds until one more request would fit (at least 1), for `Retry-After`. */
  retryAfterSeconds(): number {
    this.drain()
    const excess = this.level + 1 - this.capacity
    return Math.max(1, Math.ceil(excess / this.drainPerMs / 1000))
  }

  private drain(): void {
    const t = this.now()
    this.level = Math.max(0, this.level - (t - this.last) * this.drainPerMs)
    this.last = t
  }
}
