// The CLI's requests go through Node's fetch, which ignores HTTPS_PROXY/HTTP_PROXY unless told otherwise
// (NODE_USE_ENV_PROXY=1 or --use-env-proxy at start-up). On a corporate network that means "offline" for a
// user whose curl works, so when a proxy variable is set the CLI turns Node's own proxy support on for this
// process (http.setGlobalProxyFromEnv, Node ≥ 24.5: CONNECT tunnels, NO_PROXY honoured). The desktop app uses
// Electron's net.fetch instead, which follows the system proxy settings.
import http from 'node:http'

const PROXY_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'] as const
/** Requests to this machine (the simulator, `demo`) never go through a proxy, whatever NO_PROXY says. */
const LOOPBACK = ['localhost', '127.0.0.1', '::1']

/** Turns env-proxy support on when a proxy is configured; returns whether it did. */
export function useProxyFromEnv(env: NodeJS.ProcessEnv): boolean {
  if (!PROXY_VARS.some((name) => (env[name] ?? '').trim() !== '')) return false
  const setGlobalProxyFromEnv = (http as { setGlobalProxyFromEnv?: (env: NodeJS.ProcessEnv) => unknown }).setGlobalProxyFromEnv
  if (typeof setGlobalProxyFromEnv !== 'function') return false
  const noProxy = [env.NO_PROXY ?? env.no_proxy ?? '', ...LOOPBACK].filter((part) => part.trim() !== '').join(',')
  setGlobalProxyFromEnv({ ...env, NO_PROXY: noProxy, no_proxy: noProxy })
  return true
}
