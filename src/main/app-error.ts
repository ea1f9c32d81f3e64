// One error type for everything main reports to the renderer or the CLI: a code from the closed set in
// model.ts, a message a user can act on, and optionally the action that fixes it. Messages never carry
// credentials: they are written here or in the Mode client from fixed text.
import type { AppError, ErrorCode } from '../shared/model.ts'

export class AppFailure extends Error {
  readonly code: ErrorCode
  readonly action: string | undefined
  constructor(code: ErrorCode, message: string, action?: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'AppFailure'
    this.code = code
    this.action = action
  }
  toJSON(): AppError {
    return this.action ? { code: this.code, message: this.message, action: this.action } : { code: this.code, message: this.message }
  }
}

/** Anything with a known `code` keeps it; everything else becomes a generic internal error. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppFailure) return error.toJSON()
  if (typeof error === 'object' && error !== null && 'code' in error && 'userMessage' in error) {
    // Mode client errors (src/main/mode) carry a user-facing message of their own.
    const e = error as { code: ErrorCode; userMessage: string; action?: string }
    return e.action ? { code: e.code, message: e.userMessage, action: e.action } : { code: e.code, message: e.userMessage }
  }
  return { code: 'internal', message: 'Something went wrong inside Mode Companion. Try again; if it keeps happening, restart the app.' }
}
