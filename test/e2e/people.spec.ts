// People: members with admins first, groups with their members, and each person's reports one click away.
import { expect, test } from './fixtures.ts'
import { tableRows } from './aria-helpers.ts'
import { connectTo, escapeRegExp, resultOptions, screenshotBothThemes, searchBox, waitForResults } from './library-helpers.ts'

test('members (admins first) and groups, each person linking to the reports they created', async ({ app }) => {
  const sim = await connectTo(app, { reports: 120 })
  const { page } = app
  await page.getByRole('button', { name: 'People', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible()

  const truth = sim.truth()
  const table = page.getByRole('table', { name: 'Members' })
  // Each body row is headed by its member's username.
  const rows = table.getByRole('row').filter({ has: page.getByRole('rowheader') })
  await expect(rows).toHaveCount(truth.members.length)
  // Admins first: every Admin badge comes before the first non-admin row.
  const roles = (await tableRows(table)).map((row) => row.Role)
  const firstMember = roles.indexOf('Member')
  expect(roles.filter((r) => r === 'Admin').length).toBe(truth.members.filter((m) => m.admin).length)
  if (firstMember >= 0) expect(roles.slice(firstMember)).not.toContain('Admin')
  // Each member's username, email (when the library has it) and state are shown.
  const people = await app.core.handlers['people.list'](undefined)
  for (const person of people.members.slice(0, 5)) {
    const row = rows.filter({ has: page.getByRole('rowheader', { name: person.username, exact: true }) })
    await expect(row).toHaveCount(1)
    if (person.email) await expect(row).toContainText(person.email)
    if (person.state) await expect(row).toContainText(person.state)
  }

  // Groups list their members.
  for (const group of truth.groups.slice(0, 3)) {
    await expect(page.getByRole('heading', { level: 3, name: new RegExp(`^${escapeRegExp(group.name)} \\(${group.member_usernames.length}\\)$`) })).toBeVisible()
    await expect(page.getByRole('list', { name: `Members of ${group.name}`, exact: true }).getByRole('button')).toHaveCount(group.member_usernames.length)
  }
  await screenshotBothThemes(app, 'people')

  // A person's report count opens the library filtered by author.
  const author = people.members.find((m) => m.reportCount > 0)
  if (!author) throw new Error('nobody created a report')
  await page.getByRole('button', { name: `${author.reportCount} reports by ${author.name ?? author.username}` }).click()
  await expect(searchBox(page)).toHaveValue(`author:${author.username}`)
  await waitForResults(page, `author:${author.username}`)
  await expect(resultOptions(page).first()).toBeVisible()
})
