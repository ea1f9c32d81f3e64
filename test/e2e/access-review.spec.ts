// The access review for workspace admins, on a workspace planted with every case: each section lists what the
// app's review computed, each subject opens in the app and in Mode, the threshold is adjustable, the CSV export
// writes exactly the review; People is sortable and filterable. With a member token the review says which part
// needs what token and shows everything else. Screenshots in light and dark at 1280×820 and 880×560.
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { Page } from '@playwright/test'
import { accessReviewCsv, FINDING_TITLES } from '../../src/shared/access-csv.ts'
import type { AccessReview, FindingKind } from '../../src/shared/access-model.ts'
import { generateAccessReviewWorkspace } from '../../src/sim/access-data.ts'
import { expect, test, type AppHarness } from './fixtures.ts'
import { accessibleNames } from './aria-helpers.ts'
import { connectTo, screenshotBothThemes, waitForSyncIdle } from './library-helpers.ts'

const SEED = 1717

/** A workspace with every access-review case; activity is dated relative to now, as the app's clock reads it. */
function plantedWorkspace() {
  return generateAccessReviewWorkspace({ seed: SEED, reports: 120, referenceMs: Date.now() })
}

async function openAccessReview(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Access review', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Access review', level: 1 })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Summary' })).toBeVisible()
}

const review = async (app: AppHarness, inactiveDays: number): Promise<AccessReview> => app.core.handlers['people.accessReview']({ inactiveDays })
const table = (page: Page, kind: FindingKind) => page.getByRole('table', { name: FINDING_TITLES[kind] })

/** Every section shows exactly the findings of the app's review, in its order. */
async function expectSections(page: Page, r: AccessReview): Promise<void> {
  for (const kind of ['admin', 'inactive', 'deactivated_with_access', 'group_without_members', 'group_without_access', 'restricted_collection', 'personal_of_deactivated'] as const) {
    const want = r.findings.filter((f) => f.kind === kind).map((f) => f.subject.key)
    await expect.poll(() => table(page, kind).locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-key')))).toEqual(want)
  }
}

test('access review with an admin token: every section, links, threshold, CSV export; People sorted and filtered', async ({ app }) => {
  test.setTimeout(300_000)
  const { truth, cases } = plantedWorkspace()
  await connectTo(app, { truth, seed: SEED })
  const { page } = app
  await openAccessReview(page)

  const r90 = await review(app, 90)
  expect(r90.parts.map((p) => p.status)).toEqual(['ok', 'ok', 'ok'])
  await expect(page.getByTestId('access-parts')).toHaveCount(0)
  await expectSections(page, r90)

  // The planted cases, as a reader sees them, each activity figure naming its source.
  const inactiveAdmin = table(page, 'inactive').getByRole('row').filter({ hasText: cases.inactiveAdmin })
  await expect(inactiveAdmin).toContainText('Admin seat; last active 400 days ago')
  await expect(inactiveAdmin).toContainText('Discovery API: last day engaged')
  await expect(table(page, 'deactivated_with_access').getByRole('row').filter({ hasText: cases.deactivatedOwner })).toContainText(/Deactivated; owns \d+ report/)
  await expect(table(page, 'group_without_members')).toContainText('Alumni 2021')
  await expect(table(page, 'group_without_access')).toContainText('Vendors')
  const grants = page.getByRole('list', { name: 'Who can see Board Pack' })
  await expect(grants).toContainText(`unknown user ${cases.unknownAccessorToken}`)
  await expect(grants).toContainText(`${cases.deactivatedOwner} · deactivated · edit`)
  await expect(grants).toContainText('every admin')
  await expect(page.getByTestId('access-sources')).toContainText("Mode's Discovery API")

  await screenshotBothThemes(app, 'access-review')
  await page.setViewportSize({ width: 880, height: 560 })
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeInViewport()
  await screenshotBothThemes(app, 'access-review-880')
  await page.setViewportSize({ width: 1280, height: 820 })

  // Each finding opens in Mode, at the page built from its validated token.
  const boardFinding = r90.findings.find((f) => f.subject.key === cases.restrictedCollection)!
  await table(page, 'restricted_collection').getByRole('row').filter({ hasText: 'Board Pack' }).getByRole('button', { name: /Open in Mode/ }).click()
  expect(app.openedUrls.at(-1)).toBe(boardFinding.modeUrl)
  expect(boardFinding.modeUrl).toBe(`https://app.mode.com/${truth.workspace.username}/spaces/${cases.restrictedCollection}`)

  // The threshold, from the keyboard: a longer one lists exactly the review's members for it.
  const days = page.getByRole('spinbutton', { name: 'Inactive for how many days' })
  await days.fill('365')
  await days.press('Enter')
  const r365 = await review(app, 365)
  await expect(table(page, 'inactive').locator('tbody tr')).toHaveCount(r365.inactive.length)
  await expect(page.getByRole('list', { name: 'Summary' })).toContainText(`${r365.inactive.length} inactive for 365+ days`)
  await days.fill('0')
  await expect(page.getByText('A whole number from 1 to 3,650')).toBeVisible()
  await days.fill('365')

  // Export: the file holds exactly the review at this threshold, formula-safe, one line per finding.
  await page.getByRole('button', { name: 'Export CSV' }).click()
  await expect(page.getByTestId('access-export-result')).toContainText(`Saved ${r365.findings.length} findings to access-review-${truth.workspace.username}-`)
  const saved = app.savedFiles.at(-1)!
  expect(basename(saved)).toMatch(new RegExp(`^access-review-${truth.workspace.username}-\\d{4}-\\d{2}-\\d{2}\\.csv$`))
  const csv = readFileSync(saved, 'utf8')
  expect(csv).toBe(accessReviewCsv(await review(app, 365)))
  const lines = csv.split('\r\n')
  expect(lines[0]).toBe('Finding,Subject type,Subject,Key,Detail,Activity (source),Mode link')
  expect(lines).toHaveLength(r365.findings.length + 2)
  const adminLine = lines.find((l) => l.startsWith(`Inactive member,person,`) && l.includes(`,${cases.inactiveAdmin},`))!
  expect(adminLine).toContain('Admin seat; last active 400 days ago (threshold 365 days)')
  expect(adminLine).toContain(`https://app.mode.com/organizations/${truth.workspace.username}/people`)

  // A group opens on the People screen with exactly its members.
  const vendors = truth.groups.find((g) => g.token === cases.noAccessGroup)!
  await page.getByRole('button', { name: 'Show group Vendors on the People screen' }).click()
  await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible()
  const members = page.getByRole('table', { name: 'Members' })
  // A member's row is headed by their username.
  const rows = members.getByRole('row').filter({ has: page.getByRole('rowheader') })
  await expect(rows).toHaveCount(vendors.member_usernames.length)
  expect((await accessibleNames(members, 'rowheader')).sort()).toEqual([...vendors.member_usernames].sort())

  // A person, reached from the keyboard.
  await page.getByRole('button', { name: 'Access review', exact: true }).click()
  const person = page.getByRole('button', { name: `Show ${cases.deactivatedOwner} on the People screen` })
  await person.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('searchbox', { name: 'Filter people' })).toHaveValue(cases.deactivatedOwner)
  const ownerRow = rows.filter({ has: page.getByRole('rowheader', { name: cases.deactivatedOwner, exact: true }) })
  await expect(ownerRow).toContainText('deactivated')
  // Their reports counted as everywhere: live, archived named beside.
  const own = [...truth.reports.map((x) => ({ u: x.creator_username, a: x.archived })), ...truth.datasets.map((d) => ({ u: d.creator_username, a: false }))].filter((x) => x.u === cases.deactivatedOwner)
  const live = own.filter((x) => !x.a).length
  const archived = own.length - live
  if (live > 0) await expect(ownerRow.getByRole('button', { name: `${live} reports by ${cases.deactivatedOwner}` })).toBeVisible()
  if (archived > 0) await expect(ownerRow).toContainText(`· ${archived} archived`)
  await expect(ownerRow).toContainText(truth.groups.find((g) => g.member_usernames.includes(cases.deactivatedOwner))!.name)

  // People: filters by role, state, group and inactivity, each equal to the library's answer.
  await page.getByRole('searchbox', { name: 'Filter people' }).fill('')
  await expect(rows).toHaveCount(truth.members.length)
  await page.getByRole('combobox', { name: 'Role' }).selectOption('admin')
  await expect(rows).toHaveCount(truth.members.filter((m) => m.admin).length)
  await page.getByRole('combobox', { name: 'Role' }).selectOption('all')
  await page.getByRole('combobox', { name: 'State' }).selectOption('deactivated')
  await expect(rows).toHaveCount(truth.members.filter((m) => m.state === 'deactivated').length)
  await page.getByRole('combobox', { name: 'State' }).selectOption('all')
  await page.getByRole('checkbox', { name: 'Inactive 365+ days' }).check()
  await expect(rows).toHaveCount(r365.inactive.length)
  await page.getByRole('checkbox', { name: 'Inactive 365+ days' }).uncheck()
  await page.getByRole('combobox', { name: 'Group' }).selectOption({ label: 'Alumni 2021' })
  await expect(page.getByText('No member matches these filters.')).toBeVisible()
  await page.getByRole('button', { name: 'Clear the filters' }).click()
  await expect(rows).toHaveCount(truth.members.length)

  // Sorting: by reports, most first; by last active, newest first, with the sorted column marked.
  const people = (await app.core.handlers['people.list'](undefined)).members
  await page.getByRole('button', { name: 'Reports', exact: true }).click()
  await expect(page.getByRole('columnheader', { name: 'Reports' })).toHaveAttribute('aria-sort', 'descending')
  const most = Math.max(...people.map((p) => p.reportCount))
  await expect(rows.first().getByRole('button', { name: new RegExp(`^${most} reports by `) })).toBeVisible()
  await page.getByRole('button', { name: 'Reports', exact: true }).click()
  await expect(page.getByRole('columnheader', { name: 'Reports' })).toHaveAttribute('aria-sort', 'ascending')
  await page.getByRole('button', { name: 'Last active', exact: true }).click()
  await expect(page.getByRole('columnheader', { name: 'Last active' })).toHaveAttribute('aria-sort', 'descending')
  const newest = r365.people.map((p) => p.lastActive?.day).filter((d): d is string => !!d).sort().at(-1)!
  await expect(rows.first().getByRole('cell').last()).toContainText(newest)
  await screenshotBothThemes(app, 'people-sorted')
})

test('access review with a member token: each refused part says what token it needs, the rest is shown', async ({ app }) => {
  test.setTimeout(300_000)
  const { truth } = plantedWorkspace()
  const sim = await app.startSimulator({ truth, seed: SEED })
  const outcome = await app.core.handlers['connection.connect']({ token: sim.memberToken, password: sim.memberPassword, workspace: sim.workspace })
  if (!outcome.ok) throw new Error(`connect failed: ${outcome.error.code}`)
  await expect(app.page.locator('[data-screen="shell"]')).toBeVisible()
  await waitForSyncIdle(app)
  const { page } = app
  await openAccessReview(page)

  await expect(page.getByTestId('access-part-groups')).toContainText('Groups and their members need an admin or workspace API token.')
  await expect(page.getByTestId('access-part-permissions')).toContainText('Who can see each collection needs an admin or workspace API token.')
  await expect(page.getByTestId('access-part-activity')).toContainText("Member activity needs access to Mode's Discovery API (Enterprise plans, a token it accepts).")
  await expect(page.getByTestId('access-parts')).toContainText('Everything else below was read in full.')
  await expect(page.getByTestId('access-sources')).not.toContainText('Discovery')

  const r = await review(app, 90)
  await expectSections(page, r)
  expect(r.admins.length).toBe(truth.members.filter((m) => m.admin).length)
  await expect(table(page, 'restricted_collection')).toContainText('Who can see it is not known: reading it needs an admin or workspace API token.')
  await expect(page.getByText('Not known: reading groups needs an admin or workspace API token.')).toHaveCount(2)
  await screenshotBothThemes(app, 'access-review-member-token')
  await page.setViewportSize({ width: 880, height: 560 })
  await screenshotBothThemes(app, 'access-review-member-token-880')
})

test('access review of the sample workspace: no Mode links, an explanation instead, in the screen and the CSV', async ({ app }) => {
  test.setTimeout(300_000)
  const outcome = await app.core.handlers['connection.connectSample'](undefined)
  if (!outcome.ok) throw new Error(`sample failed: ${outcome.error.message}`)
  await expect(app.page.locator('[data-screen="shell"]')).toBeVisible({ timeout: 30_000 })
  await waitForSyncIdle(app)
  const { page } = app
  await openAccessReview(page)
  await expect(page.getByTestId('sample-no-link')).toContainText('Sample workspace: it exists only on this computer')
  const r = await review(app, 90)
  expect(r.findings.length).toBeGreaterThan(0)
  expect(r.findings.every((f) => f.modeUrl === null)).toBe(true)
  await expect(table(page, 'admin').getByRole('row').nth(1)).toBeVisible()
  await expect(page.getByRole('button', { name: /Open in Mode/ })).toHaveCount(0)
  // The summary jumps to a section from the keyboard.
  await page.getByRole('list', { name: 'Summary' }).getByRole('button', { name: /restricted collections/ }).press('Enter')
  await expect(page.getByRole('heading', { name: /^Restricted collections and who can see them/ })).toBeFocused()

  await page.getByRole('button', { name: 'Export CSV' }).click()
  await expect(page.getByTestId('access-export-result')).toContainText(`Saved ${r.findings.length} findings`)
  const lines = readFileSync(app.savedFiles.at(-1)!, 'utf8').split('\r\n').slice(1, -1)
  expect(lines).toHaveLength(r.findings.length)
  for (const line of lines) expect(line.endsWith(',none: the sample workspace exists only on this computer')).toBe(true)
  expect(lines.join('\n')).not.toContain('app.mode.com')
})
