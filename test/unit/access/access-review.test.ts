// The access review from hand-built library data: each finding, the sources of activity figures, and what is
// left out (with a note) when a part of the access data could not be read.
import { describe, expect, it } from 'vitest'
import { computeAccessReview, type AccessData, type AccessMember } from '../../../src/main/access/access-review.ts'
import { modeAdminUrl } from '../../../src/main/access/mode-admin-links.ts'
import type { AccessPartState } from '../../../src/shared/access-model.ts'

const NOW = new Date('2026-11-20T12:00:00Z')

function member(username: string, extra: Partial<AccessMember> = {}): AccessMember {
  return {
    username, name: null, isAdmin: false, state: 'active', activatedAt: '2022-01-01T00:00:00Z', managedByScim: false,
    lastDayEngaged: '2026-11-10', lastReportCreatedAt: null, reports: { live: 0, archived: 0 }, ...extra,
  }
}

const ok = (part: AccessPartState['part']): AccessPartState => ({ part, status: 'ok', note: 'Read in full.', checkedAt: NOW.toISOString() })

function data(overrides: Partial<AccessData> = {}): AccessData {
  return {
    workspace: 'acme',
    members: [
      member('ada', { isAdmin: true, name: 'Ada Admin', lastDayEngaged: '2026-11-19' }),
      member('old-admin', { isAdmin: true, lastDayEngaged: '2025-10-16' }),
      member('quiet', { lastDayEngaged: '2026-07-01', lastReportCreatedAt: '2026-08-01T09:00:00Z' }),
      member('new-hire', { lastDayEngaged: null, activatedAt: '2026-11-01T00:00:00Z' }),
      member('ghost', { lastDayEngaged: null, activatedAt: null }),
      member('leaver', { state: 'deactivated', lastDayEngaged: '2025-01-01', reports: { live: 2, archived: 1 } }),
      member('gone-quiet', { state: 'deactivated', lastDayEngaged: null }),
      member('invitee', { state: 'invited', activatedAt: null, lastDayEngaged: null }),
    ],
    groups: [
      { token: 'g-every', name: 'Everyone', groupType: 'everyone', managed: false, membersListed: true, members: ['ada', 'quiet'] },
      { token: 'g-fin', name: 'Finance', groupType: 'custom', managed: false, membersListed: true, members: ['quiet', 'leaver'] },
      { token: 'g-empty', name: 'Alumni', groupType: 'custom', managed: true, membersListed: true, members: [] },
      { token: 'g-vend', name: 'Vendors', groupType: 'custom', managed: false, membersListed: true, members: ['quiet'] },
      { token: 'g-unlisted', name: 'Unlisted', groupType: 'custom', managed: false, membersListed: false, members: [] },
    ],
    collections: [
      { token: 'c-open', label: 'Sales', isPersonal: false, ownerUsername: null, restrictedFlag: false, defaultAccessLevel: 'edit', grantsKnown: true, grants: [{ kind: 'group', key: 'g-fin', resolved: true, level: 'view' }], reportCount: 3, archivedCount: 0 },
      { token: 'c-board', label: 'Board', isPersonal: false, ownerUsername: null, restrictedFlag: false, defaultAccessLevel: 'restricted', grantsKnown: true, grants: [
        { kind: 'user', key: 'quiet', resolved: true, level: 'view' },
        { kind: 'group', key: 'g-fin', resolved: true, level: 'edit' },
        { kind: 'user', key: 'leaver', resolved: true, level: 'edit' },
        { kind: 'user', key: 'abc123', resolved: false, level: 'view' },
      ], reportCount: 5, archivedCount: 0 },
      { token: 'c-flag', label: 'Flagged', isPersonal: false, ownerUsername: null, restrictedFlag: true, defaultAccessLevel: null, grantsKnown: false, grants: [], reportCount: 0, archivedCount: 0 },
      { token: 'p-leaver', label: 'Personal — leaver', isPersonal: true, ownerUsername: 'leaver', restrictedFlag: false, defaultAccessLevel: 'view', grantsKnown: false, grants: [], reportCount: 3, archivedCount: 1 },
      { token: 'p-ada', label: 'Personal — ada', isPersonal: true, ownerUsername: 'ada', restrictedFlag: false, defaultAccessLevel: 'view', grantsKnown: false, grants: [], reportCount: 1, archivedCount: 0 },
    ],
    parts: [ok('groups'), ok('permissions'), ok('activity')],
    ...overrides,
  }
}

describe('computeAccessReview', () => {
  it('finds admins, inactive members with their seat and the source of each figure', () => {
    const review = computeAccessReview(data(), { now: NOW })
    expect(review.admins.map((p) => p.username)).toEqual(['ada', 'old-admin'])
    expect(review.admins[0]!.lastActive).toEqual({ source: 'discovery', label: 'Discovery API: last day engaged', day: '2026-11-19' })
    // quiet: Discovery says July, the library says a report was created on 1 August — the newer one counts, labelled.
    const byName = new Map(review.inactive.map((p) => [p.username, p]))
    expect([...byName.keys()].sort()).toEqual(['ghost', 'old-admin', 'quiet'])
    expect(byName.get('quiet')!.lastActive).toEqual({ source: 'library', label: 'Library: last report created', day: '2026-08-01' })
    expect(byName.get('quiet')!.figures.map((f) => f.source)).toEqual(['discovery', 'library'])
    expect(byName.get('quiet')!.daysInactive).toBe(111)
    expect(byName.get('ghost')!.daysInactive).toBeNull()
    expect(review.findings.find((f) => f.kind === 'inactive' && f.subject.key === 'old-admin')!.detail).toBe('Admin seat; last active 400 days ago (threshold 90 days)')
    expect(review.findings.find((f) => f.kind === 'inactive' && f.subject.key === 'ghost')!.detail).toBe('Member seat; no activity on record (threshold 90 days)')
    // A shorter threshold catches more; a longer one fewer.
    expect(computeAccessReview(data(), { now: NOW, inactiveDays: 5 }).inactive.map((p) => p.username)).toContain('new-hire')
    expect(computeAccessReview(data(), { now: NOW, inactiveDays: 200 }).inactive.map((p) => p.username).sort()).toEqual(['ghost', 'old-admin'])
  })

  it('finds deactivated members who own reports or sit in groups, and their personal collections', () => {
    const review = computeAccessReview(data(), { now: NOW })
    expect(review.deactivatedWithAccess.map((p) => p.username)).toEqual(['leaver'])
    const finding = review.findings.find((f) => f.kind === 'deactivated_with_access')!
    expect(finding.detail).toBe('Deactivated; owns 2 reports · 1 archived; in group Finance')
    // Personal collections count like every count in the app: live reports, archived ones named beside.
    expect(review.findings.find((f) => f.kind === 'personal_of_deactivated')!.detail).toBe('Personal collection of deactivated member leaver; 3 reports · 1 archived')
    expect(review.personalOfDeactivated.map((c) => c.token)).toEqual(['p-leaver'])
  })

  it('finds empty groups and groups without access (never Everyone, never a group whose members are unknown)', () => {
    const review = computeAccessReview(data(), { now: NOW })
    expect(review.groupsWithoutMembers.map((g) => g.token)).toEqual(['g-empty'])
    expect(review.groupsWithoutAccess.map((g) => g.token)).toEqual(['g-vend'])
  })

  it('lists restricted collections (by access level, or the flag when no level) and exactly who can see them', () => {
    const review = computeAccessReview(data(), { now: NOW })
    expect(review.restrictedCollections.map((c) => c.token)).toEqual(['c-board', 'c-flag'])
    const board = review.restrictedCollections[0]!
    expect(board.grants.map((g) => [g.kind, g.label, g.level, g.resolved, g.state])).toEqual([
      ['group', 'Finance', 'edit', true, null],
      ['user', 'leaver', 'edit', true, 'deactivated'],
      ['user', 'quiet', 'view', true, 'active'],
      ['user', 'unknown user abc123', 'view', false, null],
    ])
    const detail = review.findings.find((f) => f.subject.key === 'c-board')!.detail
    expect(detail).toBe('Restricted; visible to Finance (group): edit, leaver [deactivated]: edit, quiet: view, unknown user abc123: view; and every admin')
    expect(review.findings.find((f) => f.subject.key === 'c-flag')!.detail).toContain('not known (needs an admin or workspace API token)')
  })

  it('leaves out what a member token could not read, and never guesses activity', () => {
    const refused: AccessPartState[] = [
      { part: 'groups', status: 'needs_admin', note: 'Groups need an admin token.', checkedAt: null },
      { part: 'permissions', status: 'needs_admin', note: 'Permissions need an admin token.', checkedAt: null },
      { part: 'activity', status: 'needs_discovery', note: 'Discovery needed.', checkedAt: null },
    ]
    const review = computeAccessReview(data({ parts: refused }), { now: NOW })
    expect(review.groupsWithoutMembers).toEqual([])
    expect(review.groupsWithoutAccess).toEqual([])
    expect(review.deactivatedWithAccess.map((p) => p.groups)).toEqual([[]])
    // Without Discovery, only the library's figures remain; stored Discovery days are not used.
    expect(review.admins.every((p) => p.figures.every((f) => f.source === 'library'))).toBe(true)
    expect(review.parts.map((p) => p.status)).toEqual(['needs_admin', 'needs_admin', 'needs_discovery'])
    // A partial permissions read cannot say a group has no access.
    const partial = computeAccessReview(data({ parts: [ok('groups'), { ...ok('permissions'), status: 'partial' }, ok('activity')] }), { now: NOW })
    expect(partial.groupsWithoutAccess).toEqual([])
  })

  it('links each finding to an https page on app.mode.com, with hostile keys kept inside one path segment', () => {
    const review = computeAccessReview(data(), { now: NOW })
    for (const f of review.findings) expect(new URL(f.modeUrl!).origin).toBe('https://app.mode.com')
    // The sample workspace exists only on this computer: no finding links to Mode.
    expect(computeAccessReview(data(), { now: NOW, modeLinks: false }).findings.every((f) => f.modeUrl === null)).toBe(true)
    // Every member is listed for the People screen, by name, with their figures.
    expect(review.people.map((p) => p.username)).toEqual([...review.people].sort((a, b) => (a.name ?? a.username).localeCompare(b.name ?? b.username)).map((p) => p.username))
    expect(modeAdminUrl('acme', { type: 'collection', key: '../../evil?x=1#y' })).toBe('https://app.mode.com/acme/spaces/..%2F..%2Fevil%3Fx%3D1%23y')
    expect(modeAdminUrl('..', { type: 'collection', key: '..' })).toBe('https://app.mode.com/%2E%2E/spaces/%2E%2E')
    expect(new URL(modeAdminUrl('a/b', { type: 'person', key: 'x' })).pathname).toBe('/organizations/a%2Fb/people')
  })
})
