// The renderer's only door to main: the preload's `window.modeCompanion`, typed from the shared contract.
// `call` unwraps the envelope and throws a BridgeError with the error's code, so components can branch on it.
import { BRIDGE_GLOBAL, type BridgeApi, type CallInput, type CallName, type CallOutput, type Envelope } from '../../shared/contract.ts'
import type { AppError, ErrorCode } from '../../shared/errors.ts'

declare global {
  interface Window {
    modeCompanion: BridgeApi
  }
}

/** Main's AppError rebuilt as a thrown error; `toAppError` (src/shared/errors.ts) turns it back. */
export class BridgeError extends Error {
  readonly code: ErrorCode
  readonly userMessage: string
  readonly action: string | undefined
  constructor(error: AppError) {
    super(error.message)
    this.name = 'BridgeError'
    this.code = error.code
    this.userMessage = error.message
    this.action = error.action
  }
}

export function api(): BridgeApi {
  const bridge = (window as unknown as Record<string, BridgeApi | undefined>)[BRIDGE_GLOBAL]
  if (!bridge) throw new Error('Mode Companion bridge is missing: the preload did not run.')
  return bridge
}

export async function call<C extends CallName>(name: C, ...input: undefined extends CallInput<C> ? [CallInput<C>?] : [CallInput<C>]): Promise<CallOutput<C>> {
  const [group, method] = name.split('.') as [string, string]
  const fn = (api() as unknown as Record<string, Record<string, (i: unknown) => Promise<Envelope<CallOutput<C>>>>>)[group]?.[method]
  if (!fn) throw new Error(`Unknown call ${name}`)
  const envelope = await fn(input[0])
  if (!envelope.ok) throw new BridgeError(envelope.error)
  return envelope.value
}
