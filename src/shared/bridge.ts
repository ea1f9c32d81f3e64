// Builds the renderer-facing API object from the contract's call names. Used by the preload (over
// ipcRenderer) and by the e2e harness (over a Playwright binding), so both expose exactly the same shape.
// It must stay self-contained — no references outside its own body — because the e2e harness injects its
// source text into the page with addInitScript.

export type Invoke = (call: string, input: unknown) => Promise<unknown>
export type Subscribe = (event: string, listener: (payload: unknown) => void) => () => void

export function buildBridgeApi(
  callNames: readonly string[],
  eventNames: readonly string[],
  invoke: Invoke,
  subscribe: Subscribe,
): Record<string, unknown> {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>> | unknown> = {}
  for (const name of callNames) {
    const [group, method] = name.split('.') as [string, string]
    const groupObject = (api[group] ??= {}) as Record<string, (input?: unknown) => Promise<unknown>>
    groupObject[method] = (input?: unknown) => invoke(name, input)
  }
  api.on = (event: string, listener: (payload: unknown) => void) => {
    if (!eventNames.includes(event)) throw new Error(`Unknown event: ${event}`)
    if (typeof listener !== 'function') throw new Error('listener must be a function')
    // Only the payload reaches the page: never an IPC event object.
    return subscribe(event, (payload) => listener(payload))
  }
  return api
}
