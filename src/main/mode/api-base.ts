// Where the Mode client sends credentials. HTTP Basic puts the token and its password in every request, so a
// plain `http:` base is accepted only for this machine (the simulator, a local proxy); anything else must be
// `https:` unless the caller opts in explicitly (a CLI flag), knowing the credentials then cross the network in clear.

export const DEFAULT_BASE_URL = 'https://app.mode.com'

/** `https://app.mode.com`, `…/`, `…/api`, `…/api/` → `https://app.mode.com/api`. */
export function normalizeApiBase(baseUrl: string): string {
  const url = new URL(baseUrl)
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError('Mode base URL must be http(s)')
  url.username = ''
  url.password = ''
  url.search = ''
  url.hash = ''
  let path = url.pathname.replace(/\/+$/, '')
  if (!path.endsWith('/api')) path += '/api'
  return url.origin + path
}

/** `localhost`, `*.localhost`, 127.0.0.0/8 and ::1: traffic that never leaves this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true
  if (/^::ffff:127\./.test(host)) return true
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
}

/** Why this API base must not receive credentials (plain http to another machine), or null when it may. */
export function insecureApiBaseProblem(apiBase: string): string | null {
  let url: URL
  try {
    url = new URL(apiBase)
  } catch {
    return 'it is not a valid URL'
  }
  if (url.protocol === 'https:') return null
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return null
  if (url.protocol === 'http:') return `plain http to ${url.hostname} would send the API token and password unencrypted`
  return 'only https (or http to this machine) is supported'
}
