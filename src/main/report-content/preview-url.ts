// Which `web_preview_image` URLs the app will fetch, and which run a URL shows. Fixture URLs are pre-signed S3
// URLs: https://s3.us-west-2.amazonaws.com/mode.production/report-run-previews/web/{ws}/{report}/{run}/{image}?X-Amz-…
// Only HTTPS on an allowed host is fetched. The one exception is the Mode origin the app was pointed at when that
// is a loopback address (the simulator and tests): it is allowed over plain HTTP.

/**
 * Hosts seen in the fixtures: Mode's S3 storage host and Mode itself. Assumption: Mode may serve previews from
 * other S3 regions or a CDN in other workspaces; those are refused (and noted) until they are seen and added.
 */
export const PREVIEW_HOSTS = ['s3.us-west-2.amazonaws.com', 'app.mode.com']

export interface PreviewOrigins {
  /** Hosts allowed over HTTPS. */
  httpsHosts: string[]
  /** Origins allowed over plain HTTP: only a loopback Mode origin (the simulator). */
  loopbackOrigins: string[]
}

/** The allow-list for a client pointed at `modeBaseUrl`. */
export function previewOrigins(modeBaseUrl: string): PreviewOrigins {
  const mode = new URL(modeBaseUrl)
  const loopback = mode.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(mode.hostname)
  return {
    httpsHosts: [...new Set([...PREVIEW_HOSTS, ...(mode.protocol === 'https:' ? [mode.hostname] : [])])],
    loopbackOrigins: loopback ? [mode.origin] : [],
  }
}

export type PreviewUrlCheck = { ok: true; url: URL; runToken: string | null } | { ok: false; note: string }

export function isAllowedPreviewUrl(url: URL, origins: PreviewOrigins): boolean {
  if (url.username !== '' || url.password !== '') return false
  if (url.protocol === 'https:') return origins.httpsHosts.includes(url.hostname) && (url.port === '' || url.port === '443')
  return url.protocol === 'http:' && origins.loopbackOrigins.includes(url.origin)
}

/** Checks a listing's `web_preview_image` and reads the run token from its path. */
export function checkPreviewUrl(raw: string, origins: PreviewOrigins): PreviewUrlCheck {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { ok: false, note: 'The preview address is not a valid URL.' }
  }
  if (!isAllowedPreviewUrl(url, origins)) {
    return { ok: false, note: `Preview not downloaded: ${url.protocol === 'https:' ? `the host ${url.hostname} is not on the allow-list` : 'only HTTPS addresses are fetched'}.` }
  }
  return { ok: true, url, runToken: previewRunToken(url) }
}

/** `…/report-run-previews/web/{ws}/{report}/{run}/{image}` → `{run}`; null when the path has another shape. */
export function previewRunToken(url: URL): string | null {
  const parts = url.pathname.split('/').filter(Boolean)
  const at = parts.indexOf('report-run-previews')
  const run = at >= 0 && parts[at + 1] === 'web' ? parts[at + 4] : undefined
  return run && /^[0-9a-z]{1,64}$/i.test(run) ? run : null
}
