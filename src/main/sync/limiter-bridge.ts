// The sync worker's rate limiter is the parent's: Mode meters ~40 requests per 10 s per user, and the worker's
// sync and the main thread's on-demand fetches (charts of an open report) spend that one budget. A limiter of
// the worker's own would let both run at the full rate at once. So the worker asks the parent's RateLimiter for
// every token over a MessagePort (acquire → granted, release), and reports 429s to it; the parent tracks what
// it granted and gives it all back when the worker goes away, so a crashed sync never strands a slot.
import type { MessagePort } from 'node:worker_threads'
import type { RateLimiterStats, RequestLimiter } from '../mode/rate-limiter.ts'

/** Worker → parent. */
export type LimiterBridgeRequest =
  | { type: 'acquire'; id: number }
  | { type: 'release'; id: number }
  | { type: 'rate_limited'; retryAfterMs: number | null }

/** Parent → worker. `waitedMs`: how long the shared limiter held this request back. */
export type LimiterBridgeReply =
  | { type: 'granted'; id: number; waitedMs: number }
  | { type: 'waiting'; waiting: boolean }

/** A shared limiter may tell who is held back right now (RateLimiter does). */
export interface ObservableLimiter extends RequestLimiter {
  onWaitingChanged?: (listener: (waiting: boolean) => void) => () => void
}

/** Parent side: grants tokens of `limiter` to the worker until closed; close() returns every one it holds. */
export function serveLimiterBridge(port: MessagePort, limiter: ObservableLimiter): { close: () => void } {
  const held = new Map<number, { controller: AbortController; release: (() => void) | null }>()
  const send = (message: LimiterBridgeReply): void => {
    try {
      port.postMessage(message)
    } catch {
      // The worker is gone; close() gives the tokens back.
    }
  }
  const unsubscribe = limiter.onWaitingChanged?.((waiting) => send({ type: 'waiting', waiting })) ?? (() => {})
  port.on('message', (message: LimiterBridgeRequest) => {
    if (message.type === 'rate_limited') {
      limiter.noteRateLimited(message.retryAfterMs)
    } else if (message.type === 'acquire') {
      const entry = { controller: new AbortController(), release: null as (() => void) | null }
      held.set(message.id, entry)
      const asked = performance.now()
      limiter.acquire(entry.controller.signal).then(
        (release) => {
          if (!held.has(message.id)) return release()
          entry.release = release
          send({ type: 'granted', id: message.id, waitedMs: Math.round(performance.now() - asked) })
        },
        () => held.delete(message.id),
      )
    } else if (message.type === 'release') {
      const entry = held.get(message.id)
      held.delete(message.id)
      if (entry?.release) entry.release()
      else entry?.controller.abort()
    }
  })
  return {
    close: () => {
      unsubscribe()
      for (const entry of held.values()) {
        if (entry.release) entry.release()
        else entry.controller.abort()
      }
      held.clear()
      port.close()
    },
  }
}

/** Worker side: a RequestLimiter whose tokens come from the parent's (see serveLimiterBridge). */
export function createBridgedLimiter(port: MessagePort, concurrency: number): RequestLimiter & { readonly waiting: boolean } {
  let nextId = 1
  let waiting = false
  const pending = new Map<number, (release: () => void) => void>()
  const counters = { requests: 0, rateLimited: 0, waits: 0, waitMs: 0, inFlight: 0 }
  const post = (message: LimiterBridgeRequest): void => port.postMessage(message)
  port.on('message', (reply: LimiterBridgeReply) => {
    if (reply.type === 'waiting') {
      waiting = reply.waiting
      return
    }
    const resolve = pending.get(reply.id)
    if (!resolve) return
    pending.delete(reply.id)
    if (pending.size === 0) port.unref()
    counters.requests++
    counters.inFlight++
    // A round trip between threads takes a fraction of a millisecond: only a longer hold is the rate limit.
    if (reply.waitedMs > 1) {
      counters.waits++
      counters.waitMs += reply.waitedMs
    }
    let released = false
    resolve(() => {
      if (released) return
      released = true
      counters.inFlight--
      post({ type: 'release', id: reply.id })
    })
  })
  port.unref()
  return {
    concurrency,
    get waiting() {
      return waiting
    },
    acquire(signal?: AbortSignal): Promise<() => void> {
      if (signal?.aborted) return Promise.reject(signal.reason)
      const id = nextId++
      return new Promise((resolve, reject) => {
        const onAbort = (): void => {
          if (!pending.delete(id)) return
          if (pending.size === 0) port.unref()
          post({ type: 'release', id })
          reject(signal!.reason)
        }
        pending.set(id, (release) => {
          signal?.removeEventListener('abort', onAbort)
          resolve(release)
        })
        signal?.addEventListener('abort', onAbort, { once: true })
        port.ref()
        post({ type: 'acquire', id })
      })
    },
    noteRateLimited(retryAfterMs: number | null): void {
      counters.rateLimited++
      post({ type: 'rate_limited', retryAfterMs })
    },
    stats(): RateLimiterStats {
      return { requests: counters.requests, rateLimited: counters.rateLimited, waits: counters.waits, waitMs: counters.waitMs, inFlight: counters.inFlight, queued: pending.size, waiting }
    },
  }
}
