// Links into Mode for a report and one of its queries, built from the report's own web link (`web_url`, e.g.
// https://app.mode.com/acme/reports/abc123), so they point at the workspace the report came from.

/** `{ workspace, report }` of an app.mode.com report link, or null for anything else. */
export function parseReportWebUrl(webUrl: string | null): { origin: string; workspace: string; report: string } | null {
  if (!webUrl) return null
  let url: URL
  try { url = new URL(webUrl) } catch { return null }
  const m = /^\/([^/]+)\/reports\/([A-Za-z0-9_-]+)\/?$/.exec(url.pathname)
  if (url.protocol !== 'https:' || !m) return null
  return { origin: url.origin, workspace: m[1] as string, report: m[2] as string }
}

/**
 * The query in Mode's editor. Mode's report links carry `web_edit: /editor/{ws}/reports/{r}` (seen in the fixtures);
 * the `/queries/{q}` suffix that selects one query is assumed from how Mode's editor addresses a query tab.
 */
export function queryEditorUrl(webUrl: string | null, queryToken: string): string | null {
  const parsed = parseReportWebUrl(webUrl)
  if (!parsed || !/^[A-Za-z0-9_-]+$/.test(queryToken)) return null
  return `${parsed.origin}/editor/${parsed.workspace}/reports/${parsed.report}/queries/${queryToken}`
}
