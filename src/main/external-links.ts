// The one way the app opens a link outside itself: https only, and only to Mode's own hosts.
const ALLOWED_HOSTS = new Set(['mode.com', 'www.mode.com', 'app.mode.com'])

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  return parsed.protocol === 'https:' && ALLOWED_HOSTS.has(parsed.hostname) && parsed.username === '' && parsed.password === ''
}

/** Opens `url` with `open` (Electron's shell.openExternal) if it is allowed; returns whether it did. */
export async function openExternalIfAllowed(url: string, open: (url: string) => Promise<void>): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) return false
  await open(url)
  return true
}
