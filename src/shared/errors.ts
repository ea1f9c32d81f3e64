// The one error model of the app and the CLI: a code from a closed list, a sentence the user can act on and,
// optionally, the step that fixes it. Everything main reports to the renderer, and everything the CLI
// prints, goes through `toAppError`. Zod-free on purpose: the preload and the CLI import it without pulling
// any schema (model.ts builds the IPC schema from the same list).

/** The closed set of failures a user can act on (Mode client errors plus the app's own). */
export const ERROR_CODES = [
  'bad_credentials', // 401
  'no_access', // 403
  'not_found', // 404: workspace or object
  'plan_no_api', // the plan has no API access
  'rate_limited',
  'server_error', // Mode 5xx
  'offline', // network down or DNS failure
  'tls_or_proxy',
  'timeout',
  'malformed_response',
  'cancelled',
  'invalid_input', // IPC payload failed its schema
  'forbidden_sender', // IPC call from a frame that is not ours
  'not_connected',
  'sync_in_progress',
  'storage_unavailable', // safeStorage cannot encrypt
  'library_error',
  'internal',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface AppError {
  code: ErrorCode
  message: string
  /** What the user can do about it, in one sentence. */
  action?: string
}

const CODES: ReadonlySet<string> = new Set(ERROR_CODES)
export const isErrorCode = (value: unknown): value is ErrorCode => typeof value === 'string' && CODES.has(value)

/**
 * A failure with a user-facing sentence. `message` (what logs and stack traces show) is the technical detail
 * when one is given, else the user sentence. Messages never carry credentials: they are built from fixed
 * text (error-text.ts) and names the user typed.
 */
export class AppFailure extends Error {
  readonly code: ErrorCode
  readonly userMessage: string
  readonly action: string | undefined
  constructor(code: ErrorCode, userMessage: string, action?: string, options?: { cause?: unknown; detail?: string }) {
    super(options?.detail ?? userMessage, options?.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'AppFailure'
    this.code = code
    this.userMessage = userMessage
    this.action = action
  }
  toJSON(): AppError {
    return appError(this.code, this.userMessage, this.action)
  }
}

const INTERNAL: AppError = {
  code: 'internal',
  message: 'Something went wrong inside Mode Companion.',
  action: 'Try again; if it keeps happening, restart the app.',
}

/** The code of anything that carries one of ours (AppFailure, the Mode client's errors, a worker's copy). */
export function errorCode(error: unknown): ErrorCode | null {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined
  return isErrorCode(code) ? code : null
}

/**
 * What the user is told. An error with one of our codes and a user sentence keeps both (across a worker or
 * IPC boundary too, where `instanceof` no longer holds); anything else — a bug, a Node error whose `code`
 * is ENOENT — becomes the generic internal error, so no stray text reaches the user.
 */
export function toAppError(error: unknown): AppError {
  const code = errorCode(error)
  if (code === null) return INTERNAL
  const e = error as { userMessage?: unknown; action?: unknown }
  if (typeof e.userMessage !== 'string') return INTERNAL
  return appError(code, e.userMessage, typeof e.action === 'string' ? e.action : undefined)
}

function appError(code: ErrorCode, message: string, action: string | undefined): AppError {
  return action ? { code, message, action } : { code, message }
}
