// The one way the app opens a link outside itself: https only, and only to Mode's own hosts.
const ALLOWED_HOSTS = new Set(['mode.com', 'www.mode.com', 'app.mode.com'])

/** The link as it will be opened (WHATWG-serialized), or null when it is not allowed. */
export function allowedExternalUrl(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  const allowed = parsed.protocol === 'https:' && ALLOWED_HOSTS.has(parsed.hostname) && parsed.port === '' &&
    parsed.username === '' && parsed.password === ''
  return allowed ? parsed.href : null
}

export function isAllowedExternalUrl(url: string): boolean {
  return allowedExternalUrl(url) !== null
}

/**
 * Opens `url` with `open` (Electron's shell.openExternal) if it is allowed; returns whether it did. What is
 * opened is the serialization of the URL that was checked, never the raw text: the OS handler parses raw text
 * its own way (backslashes, tabs and newlines, percent-encoded hosts), and must not see another host than we did.
 */
export async function openExternalIfAllowed(url: string, open: (url: string) => Promise<void>): Promise<boolean> {
  const href = allowedExternalUrl(url)
  if (href === null) return false
  await open(href)
  return true
}
