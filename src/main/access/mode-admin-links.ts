// Links to the pages in Mode where an admin would make a change the review suggests (the app itself never
// changes anything in Mode). Always https://app.mode.com, whatever Mode the session talks to (a simulator, a
// proxy): these open in the user's browser. Every server-given part is one encoded path segment.
//
// Collections: `https://app.mode.com/{ws}/spaces/{token}` is the shape of Mode's own `web` links. The pages for
// members and groups appear in no stored response (memberships' `web_self` and groups' `web` links were never
// captured): they point at the workspace's People and Groups settings pages, an assumption.
const MODE_WEB = 'https://app.mode.com'

export type ModeAdminTarget = { type: 'person' | 'group' | 'collection'; key: string }

/** One path segment: encoded, and never `.` or `..` (which a browser would resolve as a step up). */
function segment(value: string): string {
  const encoded = encodeURIComponent(value)
  return encoded === '' || /^\.{1,2}$/.test(encoded) ? encoded.replace(/\./g, '%2E') || '%20' : encoded
}

export function modeAdminUrl(workspace: string, target: ModeAdminTarget): string {
  const ws = segment(workspace)
  const key = segment(target.key)
  switch (target.type) {
    case 'collection':
      return `${MODE_WEB}/${ws}/spaces/${key}`
    case 'group':
      return `${MODE_WEB}/organizations/${ws}/groups`
    case 'person':
      return `${MODE_WEB}/organizations/${ws}/people`
  }
}
