// Extracts the Mode workspace slug (the workspace's username, as in app.mode.com/<slug>/…; the setup form calls
// it the workspace name, as Mode does) from what a user types or pastes: the bare slug, an organization
// settings URL, or any page of the workspace. The renderer uses it to show the slug it understood; main parses
// the input again before connecting. The workspace's display name is another thing, learnt from Mode.

/** Mode usernames: letters, digits, underscores and hyphens (dots tolerated for older accounts). */
const WORKSPACE_SLUG = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/

/** First path segments of app.mode.com pages that are not a workspace slug but precede one. */
const PREFIX_SEGMENTS = new Set(['organizations', 'api', 'editor', 'batch'])

/** First path segments of app.mode.com pages that belong to no workspace at all. */
const NON_WORKSPACE_SEGMENTS = new Set([
  'signin', 'signup', 'login', 'logout', 'home', 'settings', 'account', 'help', 'developer', 'search', 'reports',
  'spaces', 'collections', 'users', 'oauth', 'auth', 'password', 'invitations', 'explore',
])

const MODE_HOSTS = /(^|\.)(mode\.com|modeanalytics\.com)$/i

function isWorkspaceSlug(s: string): boolean {
  return WORKSPACE_SLUG.test(s) && !/\.\.|\.$/.test(s)
}

/** The bare workspace slug, or null when the input names no workspace. */
export function parseWorkspaceInput(input: string): string | null {
  const text = input.trim()
  if (!text) return null
  if (isWorkspaceSlug(text) && !text.includes('.')) return text
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
    // A bare name with dots (rare, but Mode allowed them once) parses as a host name; accept it as a slug.
    return isWorkspaceSlug(text) && !text.includes('/') && !/\.(com|org|net|io)$/i.test(text) ? text : null
  }
  const segments = url.pathname.split('/').filter((s) => s.length > 0).map((s) => {
    try { return decodeURIComponent(s) } catch { return s }
  })
  let candidate = segments[0]
  if (candidate && PREFIX_SEGMENTS.has(candidate.toLowerCase())) candidate = segments[1]
  if (!candidate || NON_WORKSPACE_SEGMENTS.has(candidate.toLowerCase()) || PREFIX_SEGMENTS.has(candidate.toLowerCase())) return null
  return isWorkspaceSlug(candidate) ? candidate : null
}
