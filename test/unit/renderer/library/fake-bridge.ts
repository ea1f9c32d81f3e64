// A small in-memory bridge for component tests: the same API shape the preload exposes (built by the shared
// buildBridgeApi), answering from handlers the test supplies. End-to-end specs use the real services instead.
import { BRIDGE_GLOBAL, CALL_NAMES, EVENT_NAMES, type CallName, type EventName, type EventPayload } from '../../../../src/shared/contract.ts'
import { buildBridgeApi } from '../../../../src/shared/bridge.ts'

export type FakeHandlers = Partial<Record<CallName, (input: never) => unknown>>

export interface FakeBridge {
  calls: Array<{ name: string; input: unknown }>
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void
}

export function installFakeBridge(handlers: FakeHandlers): FakeBridge {
  const calls: FakeBridge['calls'] = []
  const listeners = new Map<string, Set<(p: unknown) => void>>()
  const api = buildBridgeApi(
    CALL_NAMES,
    EVENT_NAMES,
    async (name, input) => {
      calls.push({ name, input })
      const handler = handlers[name as CallName] as ((i: unknown) => unknown) | undefined
      if (!handler) return { ok: false, error: { code: 'internal', message: `no fake for ${name}` } }
      try {
        return { ok: true, value: await handler(input) }
      } catch (e) {
        return { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } }
      }
    },
    (event, listener) => {
      if (!listeners.has(event)) listeners.set(event, new Set())
      listeners.get(event)?.add(listener)
      return () => listeners.get(event)?.delete(listener)
    },
  )
  Object.defineProperty(window, BRIDGE_GLOBAL, { value: api, configurable: true, writable: true })
  return {
    calls,
    emit: (event, payload) => { for (const l of listeners.get(event) ?? []) l(payload) },
  }
}
