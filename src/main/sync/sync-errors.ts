// Which failures end a sync and which only skip one item. A sync stops when nothing further can succeed
// (credentials, plan, network, cancel); a 403/404/5xx/time-out/bad answer on one listing or one report is
// counted, that item is left as it was, and the sync goes on.
import type { ErrorCode } from '../../shared/model.ts'

const FATAL: ReadonlySet<ErrorCode> = new Set(['bad_credentials', 'plan_no_api', 'offline', 'tls_or_proxy', 'cancelled'])

export function errorCode(error: unknown): ErrorCode | null {
  if (typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string') {
    return (error as { code: ErrorCode }).code
  }
  return null
}

export function isFatalSyncError(error: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted) return true
  const code = errorCode(error)
  return code !== null && FATAL.has(code)
}

/** A short, credential-free description for the run record. */
export function describeError(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const e = error as { userMessage?: unknown; message?: unknown }
    if (typeof e.userMessage === 'string') return e.userMessage
    if (typeof e.message === 'string') return e.message.slice(0, 300)
  }
  return 'Unknown error'
}
