// Which fetch the sync worker's requests take. On a network without a proxy (the app asks Chromium's proxy
// resolver first: sync-service.ts) the worker makes them itself with Node's fetch, so the main thread neither
// allocates nor collects anything per request: about 40 KB of fetch objects each, a large part of which is
// still alive at the next young-generation collection (a loop of node:http requests leaves next to none), so
// every such collection on the main thread copied them and held the UI's thread for 20 ms and more (bench:sync).
// Everything else goes through the parent's fetch (fetch-bridge.ts; Electron's net.fetch in the app): proxies,
// PAC files and proxy logins, which only Chromium's stack knows. One difference stays: Node verifies
// certificates against its own roots, Chromium against the OS store; so the first TLS or proxy failure of the
// worker's own request (a corporate root, a transparent proxy) sends that request again, and every later one,
// through the parent, which fails or succeeds exactly as it would have before.
import { errorFromNetwork } from '../mode/errors.ts'

export function ownFetchOrBridge(own: typeof globalThis.fetch, bridged: typeof globalThis.fetch): typeof globalThis.fetch {
  let throughParent = false
  const routed = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    if (throughParent) return bridged(input, init)
    try {
      return await own(input, init)
    } catch (error) {
      if (init?.signal?.aborted || !needsParentNetwork(error)) throw error
      throughParent = true
      return bridged(input, init)
    }
  }
  return routed as typeof globalThis.fetch
}

/** A failure that Chromium's network stack may not have: a certificate Node does not trust, or a proxy in the way. */
function needsParentNetwork(error: unknown): boolean {
  const kind = errorFromNetwork(error, { method: 'GET', path: '', workspace: '', workspaceLevel: false }).kind
  return kind === 'tls' || kind === 'proxy' || kind === 'proxy_auth'
}
