// A `fetch` for the sync worker that is performed by the parent thread. A worker thread cannot use Electron's
// `net` module, and Node's own fetch ignores the system proxy, proxy authentication and the OS certificate
// store; so the worker's Mode client posts each request over a MessagePort and the parent runs it with ITS
// fetch (`net.fetch` in the app, `globalThis.fetch` in the CLI and tests). Aborts travel the other way, and a
// network error comes back with its name, message, `code`s, `cause` chain and inner `errors`, so the client's
// error mapping (offline, TLS/proxy, time-out: mode/errors.ts) sees what it would have seen in the parent.
// Requests carry the Authorization header in memory only (postMessage); nothing here logs or stores one.
import type { MessagePort } from 'node:worker_threads'
import { MAX_JSON_BODY_BYTES } from '../mode/http-get.ts'
import { DEFAULT_RESULT_CAPS } from '../report-content/result-capture.ts'

type HeaderPairs = [string, string][]

/** Worker → parent. */
export type FetchBridgeRequest =
  | { type: 'fetch'; id: number; url: string; method: string; headers: HeaderPairs; body: string | ArrayBuffer | null; redirect: RequestInit['redirect'] }
  | { type: 'abort'; id: number }

/** Parent → worker. The body is transferred as bytes, so the parent never decodes it. */
export type FetchBridgeReply =
  | { type: 'response'; id: number; status: number; statusText: string; headers: HeaderPairs; body: ArrayBuffer | null; url: string; redirected: boolean }
  | { type: 'error'; id: number; error: BridgedError }

/** An error as plain data: what mode/errors.ts inspects (name, message, code and friends, cause, errors). */
export interface BridgedError {
  name: string
  message: string
  props: Record<string, string | number | boolean | null>
  cause?: BridgedError
  errors?: BridgedError[]
}

// Statuses whose Response must have no body (the Response constructor throws otherwise).
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304])

/** Worker side: a fetch whose requests the parent performs (see serveFetchBridge). */
export function createBridgedFetch(port: MessagePort): typeof globalThis.fetch {
  let nextId = 1
  const pending = new Map<number, { resolve: (response: Response) => void; reject: (error: unknown) => void }>()
  port.on('message', (reply: FetchBridgeReply) => {
    const waiter = pending.get(reply.id)
    if (!waiter) return // aborted meanwhile: already rejected here
    pending.delete(reply.id)
    if (reply.type === 'error') {
      waiter.reject(reviveError(reply.error))
      return
    }
    try {
      const body = NULL_BODY_STATUSES.has(reply.status) ? null : reply.body
      const response = new Response(body, { status: reply.status, statusText: reply.statusText, headers: reply.headers })
      // Where the parent's fetch ended up, so the client can tell that it was redirected (see mode/http-get.ts).
      Object.defineProperty(response, 'url', { value: reply.url })
      Object.defineProperty(response, 'redirected', { value: reply.redirected })
      waiter.resolve(response)
    } catch (error) {
      waiter.reject(error)
    }
  })
  // Idle between requests, the port must not keep the worker alive on its own.
  port.unref()

  const bridgedFetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const request = input instanceof Request ? input : null
    const signal = init.signal ?? request?.signal ?? null
    signal?.throwIfAborted()
    const url = request ? request.url : input.toString()
    const method = (init.method ?? request?.method ?? 'GET').toUpperCase()
    const headers = [...new Headers(init.headers ?? request?.headers).entries()]
    const body = await requestBody(init.body ?? (request && request.body ? await request.arrayBuffer() : null))
    const id = nextId++
    return new Promise<Response>((resolve, reject) => {
      const onAbort = (): void => {
        if (!pending.delete(id)) return
        port.postMessage({ type: 'abort', id } satisfies FetchBridgeRequest)
        if (pending.size === 0) port.unref()
        // Like fetch itself: reject with the signal's reason (an AbortError, or a TimeoutError for AbortSignal.timeout).
        reject(signal!.reason)
      }
      pending.set(id, {
        resolve: (response) => { signal?.removeEventListener('abort', onAbort); if (pending.size === 0) port.unref(); resolve(response) },
        reject: (error) => { signal?.removeEventListener('abort', onAbort); if (pending.size === 0) port.unref(); reject(error) },
      })
      signal?.addEventListener('abort', onAbort, { once: true })
      // A request in flight keeps the worker alive until the parent answers.
      port.ref()
      port.postMessage({ type: 'fetch', id, url, method, headers, body, redirect: init.redirect ?? request?.redirect } satisfies FetchBridgeRequest)
    })
  }
  return bridgedFetch as typeof globalThis.fetch
}

/**
 * The most of one body the parent reads for the worker: the larger of the JSON cap and the results-download
 * cap. One byte more is passed on, so the worker's reader sees that the body went past its own cap.
 */
export const MAX_BRIDGED_BODY_BYTES = Math.max(MAX_JSON_BODY_BYTES, DEFAULT_RESULT_CAPS.maxDownloadBytes)

/**
 * Parent side: performs the worker's requests with `fetchImpl` until closed; close() aborts what is in flight.
 * A body is read up to `maxBodyBytes` + 1 bytes and no further, so this thread never holds an endless body.
 */
export function serveFetchBridge(port: MessagePort, fetchImpl: typeof globalThis.fetch, maxBodyBytes = MAX_BRIDGED_BODY_BYTES): { close: () => void } {
  const inFlight = new Map<number, AbortController>()
  const reply = (message: FetchBridgeReply, transfer: ArrayBuffer[] = []): void => {
    try {
      port.postMessage(message, transfer)
    } catch {
      // The worker is gone: nobody is waiting for this answer.
    }
  }
  const perform = async (request: Extract<FetchBridgeRequest, { type: 'fetch' }>): Promise<void> => {
    const controller = new AbortController()
    inFlight.set(request.id, controller)
    try {
      // Only standard, present fields: net.fetch builds a Request from them as Node's fetch does.
      const init: RequestInit = { method: request.method, headers: new Headers(request.headers), signal: controller.signal }
      if (request.body !== null) init.body = request.body
      if (request.redirect !== undefined) init.redirect = request.redirect
      const response = await fetchImpl(request.url, init)
      // Read even when the declared length is over the cap: a JSON reader refuses it from the header, but a
      // results download keeps its first part (and marks it truncated), so it needs those bytes.
      const body = response.body === null ? null : await readBytesUpTo(response.body, maxBodyBytes + 1)
      if (controller.signal.aborted) return
      const headers = [...response.headers.entries()]
      const { status, statusText, url, redirected } = response
      reply({ type: 'response', id: request.id, status, statusText, headers, body, url: url ?? '', redirected: redirected === true }, body ? [body] : [])
    } catch (error) {
      if (!controller.signal.aborted) reply({ type: 'error', id: request.id, error: bridgeError(error) })
    } finally {
      inFlight.delete(request.id)
    }
  }
  port.on('message', (message: FetchBridgeRequest) => {
    if (message.type === 'fetch') void perform(message)
    else if (message.type === 'abort') inFlight.get(message.id)?.abort()
  })
  return {
    close: () => {
      for (const controller of inFlight.values()) controller.abort()
      inFlight.clear()
      port.close()
    },
  }
}

/** At most `limit` bytes of the stream (then it is cancelled). */
async function readBytesUpTo(stream: ReadableStream<Uint8Array>, limit: number): Promise<ArrayBuffer> {
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  while (total < limit) {
    const { done, value } = await reader.read()
    if (done) break
    const part = value.byteLength > limit - total ? value.subarray(0, limit - total) : value
    chunks.push(part)
    total += part.byteLength
  }
  if (total >= limit) await reader.cancel().catch(() => {})
  // One copy into a buffer of its own, which postMessage then transfers: the chunks may share pooled memory
  // (so cannot be transferred), and Buffer.concat would pool small bodies and need a second copy.
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes.buffer
}

async function requestBody(body: RequestInit['body'] | ArrayBuffer): Promise<string | ArrayBuffer | null> {
  if (body === null || body === undefined) return null
  if (typeof body === 'string') return body
  if (body instanceof URLSearchParams) return body.toString()
  if (body instanceof ArrayBuffer) return body.slice(0)
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength).slice().buffer
  if (body instanceof Blob) return body.arrayBuffer()
  throw new TypeError('This request body cannot be sent from the sync worker (use a string or bytes).')
}

/** Plain-data copy of an error and its causes (bounded: cycles and deep chains are cut). */
export function bridgeError(error: unknown, depth = 0): BridgedError {
  if (typeof error !== 'object' || error === null) return { name: 'Error', message: String(error), props: {} }
  const e = error as { name?: unknown; message?: unknown; cause?: unknown; errors?: unknown }
  const props: BridgedError['props'] = {}
  for (const [key, value] of Object.entries(error)) {
    if (key === 'cause' || key === 'errors' || key === 'message' || key === 'name' || key === 'stack') continue
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') props[key] = value
  }
  // DOMException and some Node errors keep `code` on the prototype, out of Object.entries' sight.
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string' || typeof code === 'number') props.code ??= code
  const bridged: BridgedError = {
    name: typeof e.name === 'string' ? e.name : 'Error',
    message: typeof e.message === 'string' ? e.message : '',
    props,
  }
  if (depth < 6 && e.cause !== undefined) bridged.cause = bridgeError(e.cause, depth + 1)
  if (depth < 6 && Array.isArray(e.errors)) bridged.errors = e.errors.slice(0, 16).map((inner) => bridgeError(inner, depth + 1))
  return bridged
}

export function reviveError(bridged: BridgedError): Error {
  const cause = bridged.cause ? reviveError(bridged.cause) : undefined
  const options = cause === undefined ? undefined : { cause }
  const error = bridged.errors
    ? new AggregateError(bridged.errors.map(reviveError), bridged.message, options)
    : bridged.name === 'TypeError' ? new TypeError(bridged.message, options) : new Error(bridged.message, options)
  Object.defineProperty(error, 'name', { value: bridged.name, configurable: true, writable: true })
  Object.assign(error, bridged.props)
  return error
}
