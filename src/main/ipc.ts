// The IPC handler registry: every call from the renderer comes through `dispatch`, which checks that the
// sender is our own top-level page, parses the input with the contract's schema, runs the handler and
// returns an envelope. Nothing here imports Electron, so tests and the e2e harness use the same code.
import type { z } from 'zod'
import { calls, type CallInput, type CallName, type CallOutput, type Envelope } from '../shared/contract.ts'
import type { AppError } from '../shared/model.ts'
import { toAppError } from '../shared/errors.ts'

export interface CallSender {
  /** URL of the frame that sent the call (Electron: event.senderFrame.url). */
  frameUrl: string | null
  /** True when the frame is the window's main frame, not an iframe. */
  isMainFrame: boolean
}

export type Handler<C extends CallName> = (input: z.output<(typeof calls)[C]['input']>) =>
  Promise<CallOutput<C>> | CallOutput<C>

export type HandlerMap = { [C in CallName]: Handler<C> }

/**
 * Origin as scheme://host[:port]. WHATWG URL gives custom schemes such as app:// the opaque origin "null",
 * so compare this instead, and compare it exactly.
 */
export function frameOrigin(url: string | null): string | null {
  if (!url) return null
  try {
    const parsed = new URL(url)
    if (!parsed.host) return null
    return `${parsed.protocol}//${parsed.host}`
  } catch {
    return null
  }
}

export interface IpcRegistryOptions {
  /** Origins allowed to call, e.g. ['app://renderer'] in production. */
  allowedOrigins: readonly string[]
  handlers: Partial<HandlerMap>
  /** Receives unexpected handler failures (already stripped of secrets by the caller's logger). */
  onUnexpectedError?: (call: string, error: unknown) => void
}

export class IpcRegistry {
  private readonly allowed: ReadonlySet<string>
  private readonly options: IpcRegistryOptions
  constructor(options: IpcRegistryOptions) {
    this.options = options
    this.allowed = new Set(options.allowedOrigins)
  }

  async dispatch(call: string, sender: CallSender, rawInput: unknown): Promise<Envelope<unknown>> {
    const origin = frameOrigin(sender.frameUrl)
    if (!sender.isMainFrame || origin === null || !this.allowed.has(origin)) {
      return fail({ code: 'forbidden_sender', message: `Call refused: ${origin ?? 'unknown origin'} may not call ${call}.` })
    }
    if (!Object.hasOwn(calls, call)) {
      return fail({ code: 'invalid_input', message: `Unknown call: ${call}` })
    }
    const name = call as CallName
    const parsed = calls[name].input.safeParse(rawInput)
    if (!parsed.success) {
      const first = parsed.error.issues[0]
      const where = first?.path.length ? ` (${first.path.join('.')})` : ''
      return fail({ code: 'invalid_input', message: `${first?.message ?? 'Invalid input'}${where}` })
    }
    const handler = this.options.handlers[name] as ((input: unknown) => unknown) | undefined
    if (!handler) return fail({ code: 'internal', message: `${call} is not available in this build.` })
    try {
      const value = await handler(parsed.data)
      return { ok: true, value }
    } catch (error) {
      const appError = toAppError(error)
      if (appError.code === 'internal') this.options.onUnexpectedError?.(call, error)
      return fail(appError)
    }
  }
}

function fail(error: AppError): Envelope<never> {
  return { ok: false, error }
}

export type { CallInput }
