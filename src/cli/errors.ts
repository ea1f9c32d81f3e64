// How a failure reaches the user: one line built from the error's user-facing message (AppFailure or the
// Mode client's ModeApiError), plus details with --verbose. Never credentials: the messages come from fixed
// text, and the details print only status, Mode's error id, code and stack.
import { toAppError } from '../shared/errors.ts'
import type { Style } from './output.ts'

export const EXIT_OK = 0
export const EXIT_FAILURE = 1
export const EXIT_USAGE = 2

export function errorLine(error: unknown): string {
  if (error instanceof Error && error.name === 'ExportError') return error.message
  // File-system failures (export folder not writable, data dir on a full disk): Node's message names the
  // path and the reason, which is exactly what the user needs.
  const sys = error as { syscall?: unknown; code?: unknown; message?: unknown } | null
  if (sys && typeof sys === 'object' && typeof sys.syscall === 'string' && typeof sys.code === 'string' && typeof sys.message === 'string') return sys.message
  const app = toAppError(error)
  if (app.code === 'internal' && !(typeof error === 'object' && error !== null && 'userMessage' in error)) {
    // A bug rather than a condition the user can fix: say what broke (our own messages carry no secrets).
    const what = error instanceof Error ? error.message.split('\n')[0] : String(error)
    return `Unexpected error: ${what} (run again with --verbose for details).`
  }
  return app.action ? `${app.message} ${app.action}` : app.message
}

export function errorDetails(error: unknown): string[] {
  const lines: string[] = []
  const e = error as { code?: unknown; status?: unknown; modeId?: unknown; id?: unknown; stack?: unknown; cause?: unknown } | null
  if (e && typeof e === 'object') {
    if (e.code !== undefined) lines.push(`code: ${String(e.code)}`)
    if (e.status !== undefined) lines.push(`HTTP status: ${String(e.status)}`)
    const modeId = e.modeId ?? e.id
    if (modeId !== undefined && modeId !== null) lines.push(`Mode error id: ${String(modeId)}`)
    if (typeof e.stack === 'string') lines.push(e.stack)
    if (e.cause instanceof Error) lines.push(`caused by: ${e.cause.stack ?? e.cause.message}`)
  } else lines.push(String(error))
  return lines
}

export function formatError(error: unknown, verbose: boolean, style: Style): string {
  // Ctrl+C is the user's own choice, not a failure to alarm them about.
  const cancelled = typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'cancelled'
  const head = `${cancelled ? style.yellow('Stopped:') : style.red('Error:')} ${errorLine(error)}`
  if (!verbose) return head
  return [head, ...errorDetails(error).map((l) => style.dim(l))].join('\n')
}
