// A stand-in for the preload's `window.modeCompanion` in component tests: each call answers from a
// handler the test provides (or fails with not_connected), and tests can push events. The real bridge
// is exercised by the Playwright specs; this only lets components run in jsdom.
import { BRIDGE_GLOBAL, CALL_NAMES, type CallName, type CallOutput, type EventName, type EventPayload } from '../../../../src/shared/contract.ts'
import type { AppError, ConnectionStatus } from '../../../../src/shared/model.ts'

type Handler = (input: unknown) => unknown
export type Handlers = Partial<Record<CallName, Handler>>

export interface FakeBridge {
  calls: { name: CallName; input: unknown }[]
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void
  /** Replaces or adds handlers. */
  handle: (handlers: Handlers) => void
}

export class FakeFailure {
  readonly error: AppError
  constructor(error: AppError) {
    this.error = error
  }
}

export function installFakeBridge(initial: Handlers): FakeBridge {
  const handlers: Handlers = { ...initial }
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const calls: FakeBridge['calls'] = []
  const api: Record<string, unknown> = {}
  for (const name of CALL_NAMES) {
    const [group, method] = name.split('.') as [string, string]
    const g = (api[group] ??= {}) as Record<string, (input: unknown) => Promise<unknown>>
    g[method] = async (input: unknown) => {
      calls.push({ name, input })
      const handler = handlers[name]
      if (!handler) return { ok: false, error: { code: 'not_connected', message: `${name} is not available in this test` } }
      try {
        return { ok: true, value: await handler(input) }
      } catch (e) {
        if (e instanceof FakeFailure) return { ok: false, error: e.error }
        throw e
      }
    }
  }
  api.on = (event: string, listener: (payload: unknown) => void) => {
    if (!listeners.has(event)) listeners.set(event, new Set())
    listeners.get(event)!.add(listener)
    return () => listeners.get(event)!.delete(listener)
  }
  Object.defineProperty(window, BRIDGE_GLOBAL, { value: api, configurable: true, writable: true })
  return {
    calls,
    emit: (event, payload) => { for (const l of listeners.get(event) ?? []) l(payload) },
    handle: (more) => Object.assign(handlers, more),
  }
}

export const DISCONNECTED: ConnectionStatus = {
  connected: false, workspace: null, workspaceDisplayName: null, accountName: null, storage: null, isSample: false, reconnectReason: null, hasLibrary: false,
}

export function connectedStatus(over: Partial<ConnectionStatus> = {}): ConnectionStatus {
  return { connected: true, workspace: 'acme', workspaceDisplayName: 'Acme Inc', accountName: 'Ada Analyst', storage: 'keychain', isSample: false, reconnectReason: null, hasLibrary: true, ...over }
}

export type Output<C extends CallName> = CallOutput<C>
