// One Mode GET as the client performs it: paced by the shared limiter, bounded in time and in size, never
// following a redirect off Mode's origin, retried with backoff when the failure is transient, and turned into a
// ModeApiError otherwise. Works the same over Node's fetch, Electron's net.fetch and the sync worker's bridge.
import {
  cancelledError,
  errorFromNetwork,
  errorFromStatus,
  malformedError,
  ModeApiError,
  redirectRefusedError,
  responseTooLargeError,
  timeoutError,
  type RequestContext,
} from './errors.ts'
import { parseRetryAfter, type RequestLimiter } from './rate-limiter.ts'
import type { Redactor } from './redact.ts'

/** JSON bodies above this are refused: Mode's largest real pages are a few MB (a report with huge SQL). */
export const MAX_JSON_BODY_BYTES = 32 * 1024 * 1024
/** Same-origin redirects followed per request (Mode is not known to redirect its API at all). */
const MAX_REDIRECTS = 3
/** Statuses worth another attempt: the rate limit and the gateway/overload family. Never 400/401/403/404. */
const RETRY_STATUSES = new Set([429, 502, 503, 504])
/** A hung endpoint is retried once, not maxAttempts times: each attempt already cost `timeoutMs`. */
const MAX_TIMEOUT_ATTEMPTS = 2
/**
 * A 500 is retried, but fewer times than a 503: peers saw Mode answer 500 once on an object that then loaded
 * fine, and also 500 every time on some heavy objects, where each further attempt is a wasted request.
 */
const MAX_SERVER_ERROR_ATTEMPTS = 3

export type HttpGetEvent =
  | { type: 'response'; method: string; path: string; status: number; ms: number; attempt: number }
  | { type: 'retry'; method: string; path: string; attempt: number; delayMs: number; code: string; status: number | null }
  | { type: 'rate_limited'; path: string; retryAfterMs: number | null }

export interface HttpGetOptions {
  fetch: typeof globalThis.fetch
  apiBase: string
  headers: Record<string, string>
  limiter: RequestLimiter
  redact: Redactor
  timeoutMs: number
  maxAttempts: number
  baseBackoffMs: number
  maxBackoffMs: number
  maxRetryAfterMs: number
  maxBodyBytes: number
  random: () => number
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  onEvent?: (event: HttpGetEvent) => void
}

export interface HttpGetCounters {
  requests: number
  retries: number
  rateLimited: number
  waitMs: number
}

interface Answer {
  status: number
  headers: Headers
  text: string
}

export function createHttpGet(options: HttpGetOptions) {
  const { limiter, redact } = options
  const origin = new URL(options.apiBase).origin
  const counters: HttpGetCounters = { requests: 0, retries: 0, rateLimited: 0, waitMs: 0 }

  /**
   * One request (one limiter token): the status, headers and body text, or a thrown redirect/size error. With
   * `streamOk`, a 2xx comes back unread for the caller's own (capped) reader.
   */
  async function send(url: string, ctx: RequestContext, signal: AbortSignal, streamOk: boolean): Promise<Answer | { redirectTo: URL } | { streamed: Response }> {
    counters.requests++
    // 'manual' everywhere: Node's fetch then hands back the 3xx, Electron's net.fetch rejects it, and neither
    // forwards the Authorization header to wherever the Location points.
    const response = await options.fetch(url, { method: 'GET', headers: options.headers, signal, redirect: 'manual' })
    // A fetch that ignored 'manual' and followed anyway: the answer is not Mode's; refuse it.
    const landed = safeOrigin(response.url)
    if (response.redirected || (landed !== null && landed !== origin)) {
      await discard(response)
      throw redirectRefusedError(ctx, landed === origin ? null : landed && redact(landed), response.status)
    }
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400 && response.status !== 304)) {
      await discard(response)
      const target = safeUrl(response.headers.get('location'), url)
      if (!target || target.origin !== origin) throw redirectRefusedError(ctx, target ? redact(target.origin) : null, response.status || null)
      return { redirectTo: target }
    }
    if (streamOk && response.ok) return { streamed: response }
    const text = await readTextCapped(response, options.maxBodyBytes)
    if (text === null) throw responseTooLargeError(ctx, options.maxBodyBytes, response.status)
    return { status: response.status, headers: response.headers, text }
  }

  /**
   * One GET with retries; returns the parsed JSON body of a 2xx answer, or what `readOk` makes of a 2xx
   * response, read after the limiter slot is released (its errors are the reader's, never retried).
   */
  async function getJson(path: string, signal: AbortSignal | undefined, ctx: RequestContext, readOk?: (response: Response) => Promise<unknown>, base: string = options.apiBase): Promise<unknown> {
    let url = base + path
    let timeouts = 0
    let serverErrors = 0
    let redirects = 0
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw cancelledError(ctx)
      let release: () => void
      const queuedAt = performance.now()
      try {
        release = await limiter.acquire(signal)
      } catch {
        throw cancelledError(ctx)
      }
      counters.waitMs += performance.now() - queuedAt

      let failure: ModeApiError | undefined
      let retryAfterMs: number | null = null
      let streamed: Response | undefined
      const timeout = AbortSignal.timeout(options.timeoutMs)
      const combined = signal ? AbortSignal.any([signal, timeout]) : timeout
      const started = performance.now()
      try {
        const answer = await send(url, ctx, combined, readOk !== undefined)
        if ('streamed' in answer) {
          options.onEvent?.({ type: 'response', method: 'GET', path, status: answer.streamed.status, ms: performance.now() - started, attempt })
          streamed = answer.streamed
        } else if ('redirectTo' in answer) {
          // Same origin: follow by hand, as a new request through the limiter, not as a new attempt.
          if (++redirects > MAX_REDIRECTS) throw redirectRefusedError(ctx, null, null)
          url = answer.redirectTo.href
          attempt--
          continue
        } else {
          const { status, headers, text } = answer
          options.onEvent?.({ type: 'response', method: 'GET', path, status, ms: performance.now() - started, attempt })
          if (status >= 200 && status < 300) {
            try {
              return JSON.parse(text) as unknown
            } catch {
              throw malformedError(ctx, text.length === 0 ? 'empty body' : 'invalid JSON', status)
            }
          }
          if (status === 429) {
            counters.rateLimited++
            retryAfterMs = parseRetryAfter(headers.get('retry-after'))
            // An absurd Retry-After fails this call below; it must not freeze every other request for an hour.
            limiter.noteRateLimited(retryAfterMs === null ? null : Math.min(retryAfterMs, options.maxRetryAfterMs))
            options.onEvent?.({ type: 'rate_limited', path, retryAfterMs })
          }
          // The body's message becomes part of the error (logged, printed with --verbose): never with credentials in it.
          const body = safeJsonObject(text)
          if (body && typeof body.message === 'string') body.message = redact(body.message)
          if (body && typeof body.id === 'string') body.id = redact(body.id)
          failure = errorFromStatus(status, body, ctx)
          if (status === 500) serverErrors++
        }
      } catch (error) {
        if (error instanceof ModeApiError) throw error
        if (signal?.aborted) throw cancelledError(ctx)
        if (timeout.aborted || isTimeoutError(error)) {
          timeouts++
          failure = timeoutError(ctx)
        } else {
          failure = errorFromNetwork(error, ctx)
          if (failure.code !== 'offline') throw failure
        }
      } finally {
        release()
      }
      if (streamed) return readOk!(streamed)
      if (!failure) throw malformedError(ctx, 'no answer', null)

      const retryable =
        (failure.status !== null && RETRY_STATUSES.has(failure.status)) ||
        (failure.status === 500 && serverErrors < MAX_SERVER_ERROR_ATTEMPTS) ||
        failure.code === 'offline' ||
        (failure.code === 'timeout' && timeouts < MAX_TIMEOUT_ATTEMPTS)
      if (!retryable || attempt >= options.maxAttempts) throw failure
      if (retryAfterMs !== null && retryAfterMs > options.maxRetryAfterMs) throw failure

      const ceiling = Math.min(options.maxBackoffMs, options.baseBackoffMs * 2 ** (attempt - 1))
      const delayMs = Math.max(retryAfterMs ?? 0, Math.floor(options.random() * ceiling))
      counters.retries++
      options.onEvent?.({ type: 'retry', method: 'GET', path, attempt, delayMs, code: failure.code, status: failure.status })
      try {
        await options.sleep(delayMs, signal)
      } catch {
        throw cancelledError(ctx)
      }
    }
  }

  return { getJson, counters }
}

/**
 * The body as text, read as a stream and abandoned past `maxBytes` (null then), so an endless or huge body
 * costs at most the cap in memory instead of everything the server cares to send before the time-out.
 */
export async function readTextCapped(response: Response, maxBytes: number): Promise<string | null> {
  const declared = Number(response.headers.get('content-length') ?? NaN)
  if (Number.isFinite(declared) && declared > maxBytes) {
    await discard(response)
    return null
  }
  if (response.body === null) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => {})
      return null
    }
    chunks.push(value)
  }
  return new TextDecoder().decode(Buffer.concat(chunks, total))
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => {})
}

function safeOrigin(url: string | undefined): string | null {
  if (!url) return null
  try {
    return new URL(url).origin
  } catch {
    return null
  }
}

function safeUrl(location: string | null, base: string): URL | null {
  if (!location) return null
  try {
    return new URL(location, base)
  } catch {
    return null
  }
}

function safeJsonObject(text: string): { id?: unknown; message?: unknown } | null {
  try {
    const value = JSON.parse(text) as unknown
    return typeof value === 'object' && value !== null ? (value as { id?: unknown; message?: unknown }) : null
  } catch {
    return null
  }
}

function isTimeoutError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'TimeoutError'
}
