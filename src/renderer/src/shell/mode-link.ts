// What a pasted Mode link (or bare report token) points at: a report (also through one of its queries, runs or the
// editor), or a collection. Anything else is not a Mode link and stays ordinary pasted text.

export type ModeLink =
  | { kind: 'report'; token: string; query: string | null }
  | { kind: 'collection'; token: string }

const TOKEN = '[A-Za-z0-9_-]{4,64}'
const REPORT_PATH = new RegExp(`^/(?:editor/)?[^/]+/reports/(${TOKEN})(?:/queries/(${TOKEN}))?(?:/.*)?$`)
const COLLECTION_PATH = new RegExp(`^/[^/]+/(?:spaces|collections)/(${TOKEN})(?:/.*)?$`)
/** Mode's object tokens are short lowercase hex strings (12 characters in every fixture and sample). */
const BARE_TOKEN = /^[0-9a-f]{12}$/

export function parseModeLink(text: string): ModeLink | null {
  const t = text.trim()
  if (t.length === 0 || t.length > 2000 || /\s/.test(t)) return null
  if (BARE_TOKEN.test(t)) return { kind: 'report', token: t, query: null }
  let url: URL
  try {
    url = new URL(/^[a-z]+:\/\//i.test(t) ? t : `https://${t}`)
  } catch {
    return null
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || (url.hostname !== 'app.mode.com' && url.hostname !== 'modeanalytics.com' && url.hostname !== 'www.modeanalytics.com')) return null
  const report = REPORT_PATH.exec(url.pathname)
  if (report) return { kind: 'report', token: report[1] as string, query: report[2] ?? null }
  const collection = COLLECTION_PATH.exec(url.pathname)
  if (collection) return { kind: 'collection', token: collection[1] as string }
  return null
}
