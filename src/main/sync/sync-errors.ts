// Which failures end a sync and which only skip one item. A sync stops when nothing further can succeed
// (credentials, plan, network, cancel); a 403/404/5xx/time-out/bad answer on one listing or one report is
// counted, that item is left as it was, and the sync goes on.
import { AppFailure, errorCode, type ErrorCode } from '../../shared/errors.ts'
import { SQLITE_BUSY, SQLITE_LOCKED, sqliteErrorParts } from '../library/sqlite-error-parts.ts'

// Sync code asks for a failure's code here, beside the rules that use it.
export { errorCode }

const FATAL: ReadonlySet<ErrorCode> = new Set(['bad_credentials', 'plan_no_api', 'offline', 'tls_or_proxy', 'cancelled'])

export function isFatalSyncError(error: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted || isLibraryBusy(error)) return true
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

// SQLite's "database is locked": another connection (another process's sync, or any other writer) has held the
// write lock for longer than the busy timeout. Every further write would wait and fail the same way.
export function isLibraryBusy(error: unknown): boolean {
  const parts = sqliteErrorParts(error)
  if (!parts) return false
  return parts.primaryCode === SQLITE_BUSY || parts.primaryCode === SQLITE_LOCKED || /database (table )?is locked/i.test(parts.message)
}

export function libraryBusyError(cause?: unknown): AppFailure {
  return new AppFailure(
    'sync_in_progress',
    'Another process is writing to this workspace\'s library (a sync in the app or the command line).',
    'Wait for it to finish, then sync again.',
    { cause },
  )
}
