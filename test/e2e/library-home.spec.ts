// The library an analyst keeps open: a home of pinned, recently opened and changed reports above the full list;
// the last query and report back after a reload; a sort menu whose orders match the library's and a compact table,
// both remembered; table facets by their last part, with "Show all" and a filter box.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { syncAgain } from './knowledge-helpers.ts'
import { accessibleName, accessibleNames, connectTo, facetPanel, resultNames, resultOptions, screenshotBothThemes, searchBox, waitForFacets, waitForResults } from './library-helpers.ts'

async function bothSizes(app: Parameters<typeof screenshotBothThemes>[0], page: Page, name: string): Promise<void> {
  await screenshotBothThemes(app, `${name}-1280x820`)
  await page.setViewportSize({ width: 880, height: 560 })
  await screenshotBothThemes(app, `${name}-880x560`)
  await page.setViewportSize({ width: 1280, height: 820 })
}

test('home, pins and recents, restore after a reload, sorting checked against the library, the compact table, facets', async ({ app }) => {
  test.setTimeout(300_000)
  await connectTo(app, { reports: 120 })
  const { page } = app
  const box = searchBox(page)
  await waitForResults(page, '')
  const pinned = page.getByRole('region', { name: 'Pinned' })
  const recent = page.getByRole('region', { name: 'Recently opened' })
  await expect(pinned).toContainText('Pin a report')

  // Open a report and pin it; it is then both recent and pinned on the home.
  const first = resultOptions(page).first()
  const firstName = await accessibleName(first)
  await first.click()
  await page.getByRole('button', { name: `Pin ${firstName} to the library's home` }).click()
  await expect(page.getByRole('button', { name: `Unpin ${firstName}` })).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.press('Escape')
  await waitForResults(page, '')
  // Each entry is a button named by its report's name alone (its collection or time is its description).
  await expect(pinned.getByRole('listitem')).toHaveCount(1)
  await expect(pinned.getByRole('button', { name: firstName, exact: true })).toBeVisible()
  await expect(recent.getByRole('button').first()).toHaveAccessibleName(firstName)
  await bothSizes(app, page, 'library-home')

  // A query and the report opened from it come back after a reload; Back returns to the query.
  await box.fill('revenue')
  await waitForResults(page, 'revenue')
  const second = resultOptions(page).nth(1)
  // The report's identity, not its name (two reports may share one).
  const token = await second.getAttribute('data-token')
  await second.click()
  await expect(page.getByRole('article')).toHaveAttribute('data-token', token ?? '')
  await page.waitForTimeout(600) // the session is remembered after a 400 ms pause; wait it out once
  await page.reload()
  await expect(page.getByRole('article')).toHaveAttribute('data-token', token ?? '')
  await page.keyboard.press('Escape')
  await expect(box).toHaveValue('revenue')
  await waitForResults(page, 'revenue')
  // Pins and recents are main's, not the page's: still there.
  await box.fill('')
  await waitForResults(page, '')
  await expect(pinned.getByRole('listitem')).toHaveCount(1)
  await expect(pinned.getByRole('button', { name: firstName, exact: true })).toBeVisible()
  await expect(recent.getByRole('button').first()).toHaveAccessibleName(/\S/)

  // Sorting: each order equals the library's own, read from its database.
  const library = app.core.connection.getLibrary()!
  const expected = (order: string) => (library.prepare(`SELECT coalesce(name, 'Untitled report') AS name FROM reports WHERE archived = 0
      ORDER BY ${order}, coalesce(name, '') COLLATE NOCASE, token LIMIT 8`).all() as Array<{ name: string }>).map((r) => r.name)
  const sortMenu = page.getByRole('combobox', { name: 'Sort results' })
  for (const [value, order] of [['edited', 'last_edited_at IS NULL, last_edited_at DESC'], ['lastRun', 'last_run_at IS NULL, last_run_at DESC'],
    ['views', 'coalesce(view_count, 0) DESC'], ['name', 'rowid = rowid']] as const) {
    await sortMenu.selectOption(value)
    await expect(sortMenu).toHaveValue(value)
    await expect.poll(async () => (await resultNames(page)).slice(0, 8)).toEqual(expected(order))
  }

  // The compact table, sorted by last run from its header; both choices survive a reload.
  await page.getByRole('radio', { name: 'Table' }).check()
  const columns = page.getByRole('group', { name: 'Columns' })
  await expect(columns).toBeVisible()
  await columns.getByRole('button', { name: 'Sort by last run' }).click()
  await expect(sortMenu).toHaveValue('lastRun')
  await expect.poll(async () => (await resultNames(page)).slice(0, 8))
    .toEqual(expected('last_run_at IS NULL, last_run_at DESC'))
  // A row's columns are read with their titles, after its name.
  await expect(resultOptions(page).first()).toHaveAccessibleDescription(/Collection: .+\. Author: .+\. Data source: .+\. Last run: .+\. Views: [\d,]+$/)
  expect(await resultOptions(page).count()).toBeGreaterThan(14)
  await bothSizes(app, page, 'library-table')
  await page.reload()
  await expect(columns).toBeVisible()
  await expect(sortMenu).toHaveValue('lastRun')

  // Table facets by their last part, the schema beside it; "Show all" lists every table with a filter box.
  await sortMenu.selectOption('relevance')
  await page.getByRole('radio', { name: 'Rows' }).check()
  await waitForFacets(page)
  const tables = facetPanel(page).getByRole('group', { name: 'Table', exact: true })
  const values = tables.getByRole('list').getByRole('button')
  const firstTable = (await app.core.handlers['library.search']({ query: '', limit: 1, offset: 0, facets: true })).facets.tables[0]!
  const lastPart = firstTable.value.split('.').at(-1)!
  await expect(values.first().getByText(lastPart, { exact: true })).toBeVisible()
  await expect(values.first()).toHaveAccessibleName(`${firstTable.label}, ${firstTable.count} ${firstTable.count === 1 ? 'report' : 'reports'}`)
  const showAll = tables.getByRole('button', { name: /^Show all \d+/ })
  await showAll.click()
  const filterBox = tables.getByRole('searchbox', { name: 'Filter tables' })
  await expect(filterBox).toBeFocused()
  const before = await values.count()
  expect(before).toBeGreaterThan(8)
  await filterBox.fill(lastPart)
  await expect.poll(() => values.count()).toBeLessThan(before)
  for (const name of await accessibleNames(tables.getByRole('list'), 'button')) {
    expect(name.toLowerCase()).toContain(lastPart.toLowerCase())
  }
  await bothSizes(app, page, 'library-facets-all')
})

test('the home lists what the last sync changed, as soon as that sync ends', async ({ app }) => {
  test.setTimeout(240_000)
  const sim = await connectTo(app, { reports: 60 })
  const { page } = app
  await waitForResults(page, '')
  const changed = page.getByRole('region', { name: 'Changed in the last sync' })
  await expect(changed).toContainText('Nothing changed in the last sync.')
  const [renamed, archived] = sim.truth().reports.filter((r) => !r.archived)
  sim.mutate({ ops: [{ kind: 'editReport', token: renamed!.token, name: 'Churn drivers (weekly)' }, { kind: 'archiveReport', token: archived!.token }] })
  await syncAgain(app)
  // Without a reload or a visit elsewhere: the home reads the feed again when the sync ends.
  const churn = changed.getByRole('button', { name: 'Churn drivers (weekly)', exact: true })
  await expect(churn).toHaveAccessibleDescription('Renamed')
  await expect(changed.getByRole('list').getByRole('listitem')).toHaveCount(2)
  await churn.click()
  await expect(page.getByRole('heading', { level: 1, name: 'Churn drivers (weekly)' })).toBeVisible()
})
