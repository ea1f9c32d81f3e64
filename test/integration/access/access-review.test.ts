// The access review end to end: a sync of a workspace planted with every case, with an admin token and with a
// member token, then the review over the library — each finding checked against the simulator's truth, and the
// member-token run degrading part by part with its notes while everything else syncs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accessReview } from '../../../src/main/access/index.ts'
import { openLibrary, type Library } from '../../../src/main/library/index.ts'
import { syncWorkspace } from '../../../src/main/sync/sync-workspace.ts'
import { AccessReview } from '../../../src/shared/access-model.ts'
import { generateAccessReviewWorkspace, type AccessReviewCases } from '../../../src/sim/access-data.ts'
import { startSimulator, type Simulator } from '../../../src/sim/server.ts'
import type { Truth } from '../../../src/sim/truth.ts'
import { fastClient, tempDataDir } from '../sync/sync-harness.ts'
import { cli } from '../cli/cli-process.ts'

const REFERENCE = Date.parse('2026-11-20T12:00:00.000Z')
const NOW = new Date(REFERENCE)
const DAY_MS = 86_400_000
const ACCESS_ROUTES = ['groups', 'group_memberships', 'space_permissions', 'member_activity'] as const
// A sync takes seconds alone and over a minute on a machine shared by many test runs.
const SYNC_TEST_TIMEOUT_MS = 300_000
const CLI_TIMEOUT_MS = 90_000

let sim: Simulator
let cases: AccessReviewCases

beforeAll(async () => {
  const generated = generateAccessReviewWorkspace({ seed: 1717, reports: 150, referenceMs: REFERENCE })
  cases = generated.cases
  sim = await startSimulator({ truth: generated.truth, seed: 1717, rate: null })
})
afterAll(async () => {
  await sim?.close()
})

/** Syncs a fresh library with these credentials, hands it to `check`, and closes it (the leak check wants every library closed by its test); answers its data folder. */
async function syncAs(credentials: { token: string; password: string }, check: (synced: Synced) => void): Promise<string> {
  const dataDir = tempDataDir()
  const library = openLibrary({ dataDir, workspace: sim.workspace })
  try {
    sim.resetStats()
    const result = await syncWorkspace({ library, client: fastClient({ ...sim, ...credentials }), trigger: 'test' })
    const stats = sim.stats()
    check({ library, result, accessRequests: Object.fromEntries(ACCESS_ROUTES.map((r) => [r, stats.routes[r] ?? 0])) })
  } finally {
    await library.close()
  }
  return dataDir
}

/** `people --audit` as a user runs it, over the library a sync left in `dataDir`. */
async function audit(dataDir: string, ...extra: string[]) {
  const run = await cli(['people', '--audit', '--data-dir', dataDir, '--workspace', sim.workspace, ...extra], {}, CLI_TIMEOUT_MS)
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  return run.stdout
}

/** The CLI's findings equal the app's review of the same library at the CLI's own clock. */
async function expectCliFindings(dataDir: string, inactiveDays?: number): Promise<AccessReview> {
  const json = AccessReview.parse(JSON.parse(await audit(dataDir, '--json', ...(inactiveDays ? ['--inactive-days', String(inactiveDays)] : []))))
  const library = openLibrary({ dataDir, workspace: sim.workspace })
  try {
    const review = accessReview(library, { now: new Date(json.generatedAt), inactiveDays })
    expect(json.findings).toEqual(review.findings)
    expect(json.parts).toEqual(review.parts)
  } finally {
    await library.close()
  }
  return json
}

interface Synced {
  library: Library
  result: Awaited<ReturnType<typeof syncWorkspace>>
  accessRequests: Record<string, number>
}

/** Whole days from a YYYY-MM-DD (or ISO) day to NOW. */
const daysSince = (day: string) => Math.floor((REFERENCE - Date.parse(`${day.slice(0, 10)}T00:00:00Z`)) / DAY_MS)

/** The review's answers worked out from the truth directly (the oracle), for a token that can or cannot read Discovery. */
function expected(truth: Truth, withDiscovery: boolean, inactiveDays = 90) {
  const newestCreated = new Map<string, string>()
  for (const r of truth.reports) if ((newestCreated.get(r.creator_username) ?? '') < r.created_at) newestCreated.set(r.creator_username, r.created_at)
  const owns = new Set(truth.reports.map((r) => r.creator_username))
  const inGroup = new Set(truth.groups.flatMap((g) => g.member_usernames))
  const granted = new Set(truth.spaces.flatMap((s) => s.permissions ?? []).map((p) => p.accessor_token))
  const inactive = truth.members.filter((m) => {
    if (m.state !== 'active') return false
    const days = [withDiscovery ? m.last_day_engaged : null, newestCreated.get(m.username)?.slice(0, 10) ?? null].filter((d): d is string => !!d).sort().at(-1)
    const since = days ?? m.activated_at ?? null
    return since === null || daysSince(since) >= inactiveDays
  })
  return {
    admins: truth.members.filter((m) => m.admin).map((m) => m.username).sort(),
    inactive: inactive.map((m) => m.username).sort(),
    deactivatedOwners: truth.members.filter((m) => m.state === 'deactivated' && (owns.has(m.username) || inGroup.has(m.username))).map((m) => m.username).sort(),
    deactivatedReportOwners: truth.members.filter((m) => m.state === 'deactivated' && owns.has(m.username)).map((m) => m.username).sort(),
    emptyGroups: truth.groups.filter((g) => g.member_usernames.length === 0).map((g) => g.token).sort(),
    groupsWithoutAccess: truth.groups.filter((g, i) => i > 0 && g.member_usernames.length > 0 && !granted.has(g.token)).map((g) => g.token).sort(),
    restricted: truth.spaces.filter((s) => s.space_type !== 'private' && s.default_access_level === 'restricted').map((s) => s.token).sort(),
    personalOfDeactivated: truth.spaces.filter((s) => s.space_type === 'private' && truth.members.find((m) => m.username === s.personal_owner_username)?.state === 'deactivated').map((s) => s.token).sort(),
  }
}

const sorted = (values: string[]) => [...values].sort()

describe('access review after a sync', () => {
  it('with an admin token: every finding matches the truth, and the access data costs a bounded number of requests', async () => {
    const dataDir = await syncAs({ token: sim.token, password: sim.password }, ({ library, result, accessRequests }) => {
    expect(result.run.outcome).toBe('success')
    const review = AccessReview.parse(accessReview(library, { now: NOW }))
    const truth = sim.truth()
    const want = expected(truth, true)

    expect(review.parts.map((p) => [p.part, p.status])).toEqual([['groups', 'ok'], ['permissions', 'ok'], ['activity', 'ok']])
    expect(sorted(review.admins.map((p) => p.username))).toEqual(want.admins)
    expect(sorted(review.inactive.map((p) => p.username))).toEqual(want.inactive)
    expect(sorted(review.deactivatedWithAccess.map((p) => p.username))).toEqual(want.deactivatedOwners)
    expect(sorted(review.groupsWithoutMembers.map((g) => g.token))).toEqual(want.emptyGroups)
    expect(sorted(review.groupsWithoutAccess.map((g) => g.token))).toEqual(want.groupsWithoutAccess)
    expect(sorted(review.restrictedCollections.map((c) => c.token))).toEqual(want.restricted)
    expect(sorted(review.personalOfDeactivated.map((c) => c.token))).toEqual(want.personalOfDeactivated)

    // The planted cases, by name.
    const inactiveAdmin = review.inactive.find((p) => p.username === cases.inactiveAdmin)!
    expect(inactiveAdmin).toMatchObject({ isAdmin: true, lastActive: { source: 'discovery', day: '2025-10-16' }, daysInactive: 400 })
    expect(review.inactive.find((p) => p.username === cases.inactiveMember)?.isAdmin).toBe(false)
    const owner = review.deactivatedWithAccess.find((p) => p.username === cases.deactivatedOwner)!
    const ownerTruth = truth.reports.filter((r) => r.creator_username === cases.deactivatedOwner)
    expect(owner.reports).toEqual({ live: ownerTruth.filter((r) => !r.archived).length, archived: ownerTruth.filter((r) => r.archived).length })
    expect(owner.groups.map((g) => g.token)).toEqual(truth.groups.filter((g) => g.member_usernames.includes(cases.deactivatedOwner)).map((g) => g.token).sort((a, b) => (truth.groups.find((g) => g.token === a)!.name).localeCompare(truth.groups.find((g) => g.token === b)!.name)))
    expect(review.groupsWithoutMembers.map((g) => g.token)).toContain(cases.emptyGroup)
    expect(review.groupsWithoutAccess.map((g) => g.token)).toContain(cases.noAccessGroup)

    // Exactly who can see the restricted collection whose `restricted` flag said false.
    const board = review.restrictedCollections.find((c) => c.token === cases.restrictedCollection)!
    const boardTruth = truth.spaces.find((s) => s.token === cases.restrictedCollection)!
    expect(board.grantsKnown).toBe(true)
    const username = (token: string) => truth.members.find((m) => m.token === token)?.username
    expect(sorted(board.grants.map((g) => `${g.kind}:${g.key}:${g.level}:${g.resolved}`))).toEqual(sorted(boardTruth.permissions!.map((p) =>
      p.accessor_type === 'UserGroup' ? `group:${p.accessor_token}:${p.action}:true` : `user:${username(p.accessor_token) ?? p.accessor_token}:${p.action}:${username(p.accessor_token) !== undefined}`)))
    expect(board.grants.find((g) => g.key === cases.deactivatedOwner)?.state).toBe('deactivated')
    expect(board.grants.find((g) => g.key === cases.unknownAccessorToken)?.label).toBe(`unknown user ${cases.unknownAccessorToken}`)

    // Findings: one per item of each section, each linking to app.mode.com.
    const count = review.admins.length + review.inactive.length + review.deactivatedWithAccess.length + review.groupsWithoutMembers.length
      + review.groupsWithoutAccess.length + review.restrictedCollections.length + review.personalOfDeactivated.length
    expect(review.findings).toHaveLength(count)
    for (const f of review.findings) expect(f.modeUrl?.startsWith('https://app.mode.com/')).toBe(true)

    // A longer threshold is a subset.
    const long = accessReview(library, { now: NOW, inactiveDays: 365 })
    expect(sorted(long.inactive.map((p) => p.username))).toEqual(expected(truth, true, 365).inactive)

    // Requests: one permissions listing per shared collection, Discovery in one page, groups and their members.
    const shared = truth.spaces.filter((s) => s.space_type !== 'private').length
    expect(accessRequests.space_permissions).toBe(shared)
    expect(accessRequests.member_activity).toBe(1)
    expect(accessRequests.groups).toBeLessThanOrEqual(2)
    expect(accessRequests.group_memberships).toBeLessThanOrEqual(2 * truth.groups.length)
    })

    // The CLI prints the same findings: JSON equal to the app's review, text naming each planted case.
    const json = await expectCliFindings(dataDir)
    expect(json.findings.some((f) => f.kind === 'inactive' && f.subject.key === cases.inactiveAdmin)).toBe(true)
    await expectCliFindings(dataDir, 365)
    const text = await audit(dataDir)
    expect(text).not.toContain('Not read with this token')
    expect(text).toMatch(new RegExp(`Admins \\(${json.admins.length}\\)`))
    const section = (title: string) => text.split(/\n\n/).find((block) => block.startsWith(title))!
    expect(section('Inactive members')).toContain(cases.inactiveAdmin)
    expect(section('Inactive members')).toContain('Admin seat; last active')
    expect(section('Inactive members')).toContain('Discovery API: last day engaged 2025-10-16')
    expect(section('Deactivated members')).toContain(cases.deactivatedOwner)
    expect(section('Groups without members')).toContain(json.groupsWithoutMembers.find((g) => g.token === cases.emptyGroup)!.name)
    expect(section('Groups without access')).toContain(json.groupsWithoutAccess.find((g) => g.token === cases.noAccessGroup)!.name)
    expect(section('Restricted collections')).toContain(`unknown user ${cases.unknownAccessorToken}`)
    expect(section('Personal collections')).toContain(`(${json.personalOfDeactivated.length})`)
    for (const f of json.findings) expect(text).toContain(f.modeUrl!)
  }, SYNC_TEST_TIMEOUT_MS)

  it('people --audit prints names from Mode as plain text: no escape sequence reaches the terminal', async () => {
    const dataDir = await syncAs({ token: sim.token, password: sim.password }, ({ library, result }) => {
      expect(result.run.outcome).toBe('success')
      const hostile = 'Ops\u001b]52;c;ZWNobyBwd25lZA==\u0007\u001b[2J\u202eevil\r\nforged line'
      library.prepare('UPDATE groups SET name = ? WHERE token = ?').run(hostile, cases.emptyGroup)
    })
    const text = await audit(dataDir)
    // eslint-disable-next-line no-control-regex -- the control characters are what must not appear
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/)
    const line = text.split('\n').find((l) => l.includes('Opsevil') || l.includes('Ops '))!
    expect(line).toContain('Group with no members')
    expect(text.split('\n').some((l) => l.startsWith('forged line'))).toBe(false)
    // Usage: --inactive-days needs --audit and a whole number in range.
    expect((await cli(['people', '--inactive-days', '30', '--data-dir', dataDir, '--workspace', sim.workspace])).code).toBe(2)
    expect((await cli(['people', '--audit', '--inactive-days', '0', '--data-dir', dataDir, '--workspace', sim.workspace])).code).toBe(2)
  }, SYNC_TEST_TIMEOUT_MS)

  it('with a member token: each admin-only part says what it needs, everything else syncs and is reviewed', async () => {
    const dataDir = await syncAs({ token: sim.memberToken, password: sim.memberPassword }, ({ library, result, accessRequests }) => {
    expect(result.run.outcome).toBe('success')
    expect(result.run.errors).toBe(0)
    const truth = sim.truth()
    expect((library.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n).toBe(truth.reports.length)
    expect((library.prepare('SELECT count(*) AS n FROM members').get() as { n: number }).n).toBe(truth.members.length)

    const review = AccessReview.parse(accessReview(library, { now: NOW }))
    expect(review.parts.map((p) => [p.part, p.status, p.note])).toEqual([
      ['groups', 'needs_admin', 'Groups and their members need an admin or workspace API token.'],
      ['permissions', 'needs_admin', 'Who can see each collection needs an admin or workspace API token.'],
      ['activity', 'needs_discovery', 'Member activity needs access to Mode\'s Discovery API (Enterprise plans, a token it accepts).'],
    ])
    const want = expected(truth, false)
    expect(sorted(review.admins.map((p) => p.username))).toEqual(want.admins)
    expect(sorted(review.inactive.map((p) => p.username))).toEqual(want.inactive)
    expect(review.inactive.every((p) => p.figures.every((f) => f.source === 'library'))).toBe(true)
    // Groups are unknown: deactivated members are found through their reports alone.
    expect(sorted(review.deactivatedWithAccess.map((p) => p.username))).toEqual(want.deactivatedReportOwners)
    expect(review.groupsWithoutMembers).toEqual([])
    expect(review.groupsWithoutAccess).toEqual([])
    expect(sorted(review.restrictedCollections.map((c) => c.token))).toEqual(want.restricted)
    expect(review.restrictedCollections.every((c) => !c.grantsKnown && c.grants.length === 0)).toBe(true)
    expect(sorted(review.personalOfDeactivated.map((c) => c.token))).toEqual(want.personalOfDeactivated)

    // Refused quickly: one groups request, two probes of permissions, one of Discovery.
    expect(accessRequests).toEqual({ groups: 1, group_memberships: 0, space_permissions: 2, member_activity: 1 })
    })

    // The CLI says which part needs what token, and prints everything else.
    await expectCliFindings(dataDir)
    const text = await audit(dataDir)
    expect(text).toContain('Not read with this token (everything else is complete):')
    expect(text).toContain('Groups and their members: Groups and their members need an admin or workspace API token.')
    expect(text).toContain('Who can see each collection: Who can see each collection needs an admin or workspace API token.')
    expect(text).toContain("Member activity: Member activity needs access to Mode's Discovery API (Enterprise plans, a token it accepts).")
    expect(text).toContain('who can see it is not known (needs an admin or workspace API token)')
  }, SYNC_TEST_TIMEOUT_MS)
})
