// Test helpers for the Mode client's unit tests: a scripted fetch (the simulator covers real HTTP in
// test/integration/mode) and a fake clock that runs minutes of limiter time instantly.
import { RateLimiter } from '../../../src/main/mode/rate-limiter.ts'

export interface RecordedRequest {
  url: URL
  headers: Headers
}

export type Reply = Response | (() => Response | Promise<Response>) | Error

/** A fetch that answers from `handler(url, n)` (n = how many requests that path+query got before) and records calls. */
export function scriptedFetch(handler: (url: URL, n: number, init: RequestInit | undefined) => Reply | Promise<Reply>) {
  const requests: RecordedRequest[] = []
  const counts = new Map<string, number>()
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url)
    requests.push({ url, headers: new Headers(init?.headers) })
    const key = url.pathname + url.search
    const n = counts.get(key) ?? 0
    counts.set(key, n + 1)
    const reply = await handler(url, n, init)
    if (reply instanceof Error) throw reply
    return typeof reply === 'function' ? reply() : reply
  }
  return { fetch: fetch as typeof globalThis.fetch, requests }
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/hal+json', ...headers } })
}

export function modeError(status: number, id: string, message: string, headers: Record<string, string> = {}): Response {
  return json({ id, message }, status, headers)
}

/** undici's "fetch failed" TypeError wrapping a system error, as Node reports network failures. */
export function networkError(code: string): TypeError {
  const cause = Object.assign(new Error(`connect ${code} 127.0.0.1:9`), { code })
  return new TypeError('fetch failed', { cause })
}

/** A limiter that never holds a unit test back: no rate to speak of, and its 429 pauses pass in virtual time. */
export function unlimited(): RateLimiter {
  let t = 0
  return new RateLimiter({
    requests: 1_000_000,
    perMs: 1,
    concurrency: 64,
    now: () => t,
    sleep: async (ms) => {
      t += ms
    },
  })
}

export function report(token: string, extra: Record<string, unknown> = {}) {
  return { token, id: token.length, name: `Report ${token}`, _links: { creator: { href: '/api/jane' } }, ...extra }
}

export class FakeClock {
  t = 0
  private timers: { at: number; resolve: () => void }[] = []
  now = (): number => this.t
  sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      this.timers.push({ at: this.t + ms, resolve })
    })
  /** Lets pending promise callbacks run. */
  async settle(): Promise<void> {
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r))
  }
  /** Fires timers in time order until none is due before `untilMs` (or none is left). */
  async runUntil(untilMs: number): Promise<void> {
    await this.settle()
    for (let guard = 0; guard < 100_000; guard++) {
      this.timers.sort((a, b) => a.at - b.at)
      const next = this.timers[0]
      if (!next || next.at > untilMs) break
      this.timers.shift()
      this.t = Math.max(this.t, next.at)
      next.resolve()
      await this.settle()
    }
    if (Number.isFinite(untilMs)) this.t = Math.max(this.t, untilMs)
  }
}
