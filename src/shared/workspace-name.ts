// Extracts the Mode workspace name (its username, the slug in app.mode.com/<workspace>/…) from what a user
// types or pastes: the bare name, an organization settings URL, or any page of the workspace. The renderer
// uses it to show the name it understood; main parses the input again before connecting.

/** Mode usernames: letters, digits, underscores and hyphens (dots tolerated for older accounts). */
const WORKSPACE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/

/** First path segments of app.mode.com pages that are not a workspace name but precede one. */
const PREFIX_SEGMENTS = new Set(['organizations', 'api', 'editor', 'batch'])

/** First path segments of app.mode.com pages that belong to no workspace at all. */
const NON_WORKSPACE_SEGMENTS = new Set([
  'signin', 'signup', 'login', 'logout', 'home', 'settings', 'account', 'help', 'developer', 'search', 'reports',
  'spaces', 'collections', 'users', 'oauth', 'auth', 'password', 'invitations', 'explore',
])

const MODE_HOSTS = /(^|\.)(mode\.com|modeanalytics\.com)$/i

function isWorkspaceName(s: string): boolean {
  return WORKSPACE_NAME.test(s) && !/\.\.|\.$/.test(s)
}

/** The bare workspace name, or null when the input names no workspace. */
export function parseWorkspaceInput(input: string): string | null {
  const text = input.trim()
  if (!text) return null
  if (isWorkspaceName(text) && !text.includes('.')) return text
  // Anything else must be a Mode URL, with or without its scheme.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`
  let url: URL
  try {
    url = new URL(withScheme)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  if (!MODE_HOSTS.test(url.hostname)) {
    // A bare name with dots (rare, but Mode allowed them once) parses as a host name; accept it as a name.
    return isWorkspaceName(text) && !text.includes('/') && !/\.(com|org|net|io)$/i.test(text) ? text : null
  }
  const segments = url.pathname.split('/').filter((s) => s.length > 0).map((s) => {
    try { return decodeURIComponent(s) } catch { return s }
  })
  let candidate = segments[0]
  if (candidate && PREFIX_SEGMENTS.has(candidate.toLowerCase())) candidate = segments[1]
  if (!candidate || NON_WORKSPACE_SEGMENTS.has(candidate.toLowerCase()) || PREFIX_SEGMENTS.has(candidate.toLowerCase())) return null
  return isWorkspaceName(candidate) ? candidate : null
}
