// The review as a flat list of findings, one line each: what the screen's sections, the CSV export and the
// CLI all show. Each carries its activity figure with the figure's source, and the Mode page to act on.
import type { AccessFinding, AccessReview, ActivityFigure, ReviewCollection, ReviewPerson } from '../../shared/access-model.ts'
import { reportCountText } from '../../shared/report-counts.ts'
import { modeAdminUrl } from './mode-admin-links.ts'

const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`

export function figureText(f: ActivityFigure | null): string | null {
  return f ? `${f.label} ${f.day}` : null
}

/** "active 150 days ago" (from a figure), "no activity on record since activation 2024-01-02", or "no activity on record". */
export function inactivityText(p: ReviewPerson): string {
  if (p.lastActive) return `last active ${p.daysInactive ?? 0} days ago`
  if (p.activatedAt && p.daysInactive !== null) return `no activity on record; activated ${p.daysInactive} days ago`
  return 'no activity on record'
}

/** "owns 3 reports · 2 archived": the app's one count rule (live reports, archived named beside). */
function reportsText(p: ReviewPerson): string {
  return `owns ${reportCountText(p.reports.live, p.reports.archived, 'en-US')}`
}

export function grantsText(c: ReviewCollection): string {
  if (!c.grantsKnown) return 'who can see it is not known (needs an admin or workspace API token)'
  const grants = c.grants.map((g) => `${g.label}${g.kind === 'group' ? ' (group)' : ''}${g.state && g.state !== 'active' ? ` [${g.state}]` : ''}: ${g.level ?? 'access'}`)
  return `visible to ${grants.length > 0 ? grants.join(', ') : 'no one granted explicitly'}; and every admin`
}

/** `modeLinks: false` (the sample workspace, which exists only on this computer): no finding links to Mode. */
export function findingsOf(review: Omit<AccessReview, 'findings'>, modeLinks = true): AccessFinding[] {
  const ws = review.workspace ?? ''
  const person = (p: ReviewPerson) => ({ type: 'person' as const, key: p.username, label: p.name ?? p.username })
  const out: AccessFinding[] = []
  const add = (kind: AccessFinding['kind'], subject: AccessFinding['subject'], detail: string, activity: string | null): void => {
    out.push({ kind, subject, detail, activity, modeUrl: modeLinks ? modeAdminUrl(ws, subject) : null })
  }
  for (const p of review.admins) {
    add('admin', person(p), `Admin${p.state && p.state !== 'active' ? ` (${p.state})` : ''}; ${inactivityText(p)}`, figureText(p.lastActive))
  }
  for (const p of review.inactive) {
    add('inactive', person(p), `${p.isAdmin ? 'Admin' : 'Member'} seat; ${inactivityText(p)} (threshold ${review.inactiveDays} days)`, figureText(p.lastActive))
  }
  for (const p of review.deactivatedWithAccess) {
    const parts = [`Deactivated`]
    if (p.reports.live + p.reports.archived > 0) parts.push(reportsText(p))
    if (p.groups.length > 0) parts.push(`in ${p.groups.length === 1 ? 'group' : 'groups'} ${p.groups.map((g) => g.name).join(', ')}`)
    add('deactivated_with_access', person(p), parts.join('; '), figureText(p.lastActive))
  }
  for (const g of review.groupsWithoutMembers) add('group_without_members', { type: 'group', key: g.token, label: g.name }, 'Group with no members', null)
  for (const g of review.groupsWithoutAccess) {
    add('group_without_access', { type: 'group', key: g.token, label: g.name }, `${plural(g.memberCount, 'member')}; no access granted on any collection`, null)
  }
  for (const c of review.restrictedCollections) {
    add('restricted_collection', { type: 'collection', key: c.token, label: c.label }, `Restricted; ${grantsText(c)}`, null)
  }
  for (const c of review.personalOfDeactivated) {
    add('personal_of_deactivated', { type: 'collection', key: c.token, label: c.label }, `Personal collection of deactivated member ${c.ownerUsername}; ${reportCountText(c.reportCount, c.archivedCount, 'en-US')}`, null)
  }
  return out
}
