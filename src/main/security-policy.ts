// Security constants shared by the window, the app:// protocol and the tests that check them.

/** The renderer's own origin in production (served by the app:// protocol, see protocol.ts). */
export const APP_SCHEME = 'app'
export const APP_HOST = 'renderer'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/**
 * Strict CSP: only our own scripts, no inline scripts, no network except our own origin (Mode API calls
 * happen in main, never in the page). Inline styles are allowed for React style props.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
