// Progress events of one sync run: phase, done/total, requests, rate-limit waits, whether requests are being
// held back by the limit right now, and an ETA from the phase's observed pace. Emission is throttled so a
// 10,000-report sync does not flood the UI; phase changes and the final state are always emitted.
import type { SyncKind, SyncPhase, SyncProgress } from '../../shared/model.ts'
import type { SyncClient } from './sync-client.ts'

export interface ProgressTrackerOptions {
  runId: number
  kind: SyncKind
  startedAt: string
  client: SyncClient
  onProgress?: (progress: SyncProgress) => void
  /** Called whenever progress is emitted (the sync's lock heartbeat rides on it). */
  onTick?: () => void
  now?: () => number
  minIntervalMs?: number
}

export class ProgressTracker {
  private phaseName: SyncPhase = 'starting'
  private done = 0
  private total: number | null = null
  private phaseStartedAt: number
  private lastEmit = -Infinity
  private readonly baseRequests: number
  private readonly baseWaits: number
  private readonly baseRateLimited: number
  private readonly baseSkipped: number
  private readonly options: ProgressTrackerOptions
  private readonly now: () => number

  constructor(options: ProgressTrackerOptions) {
    this.options = options
    this.now = options.now ?? (() => performance.now())
    this.phaseStartedAt = this.now()
    this.baseRequests = options.client.stats().requests
    this.baseRateLimited = options.client.stats().rateLimited
    this.baseSkipped = options.client.stats().skippedItems
    this.baseWaits = options.client.limiter?.stats().waits ?? 0
  }

  get requests(): number {
    return this.options.client.stats().requests - this.baseRequests
  }

  get rateLimited(): number {
    return this.options.client.stats().rateLimited - this.baseRateLimited
  }

  /** Items Mode listed that could not be read at all, so this run left them out. */
  get skippedItems(): number {
    return this.options.client.stats().skippedItems - this.baseSkipped
  }

  phase(phase: SyncPhase, total: number | null = null): void {
    this.phaseName = phase
    this.done = 0
    this.total = total
    this.phaseStartedAt = this.now()
    this.emit(true)
  }

  setTotal(total: number | null): void {
    this.total = total
    this.emit(false)
  }

  advance(by = 1): void {
    this.done += by
    this.emit(false)
  }

  snapshot(): SyncProgress {
    const limiterStats = this.options.client.limiter?.stats()
    return {
      runId: this.options.runId,
      kind: this.options.kind,
      phase: this.phaseName,
      done: this.done,
      total: this.total,
      requests: this.requests,
      rateLimitWaits: (limiterStats?.waits ?? 0) - this.baseWaits,
      waitingForRateLimit: limiterStats?.waiting ?? false,
      etaMs: this.eta(),
      startedAt: this.options.startedAt,
    }
  }

  /** Remaining units of this phase at the pace observed so far; null until there is a pace to go by. */
  private eta(): number | null {
    if (this.total === null || this.done < 3) return null
    const remaining = Math.max(0, this.total - this.done)
    const perUnit = (this.now() - this.phaseStartedAt) / this.done
    return Math.round(remaining * perUnit)
  }

  emit(force: boolean): void {
    const t = this.now()
    if (!force && t - this.lastEmit < (this.options.minIntervalMs ?? 200)) return
    this.lastEmit = t
    this.options.onTick?.()
    this.options.onProgress?.(this.snapshot())
  }
}
