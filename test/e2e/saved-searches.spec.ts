// Saved searches: save the query in the box (filters included) under a name, run it from anywhere; each shows how
// many reports it lists now (the number the library then shows, kept current by a sync), and can be renamed,
// reordered with the keyboard or by dragging, and deleted with an Undo — all kept by main for the workspace.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { syncAgain } from './knowledge-helpers.ts'
import { connectTo, screenshotBothThemes, searchBox, waitForResults } from './library-helpers.ts'

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Saved searches' })
/** A saved search's run button: its name, then ", N reports". */
const entry = (page: Page, name: string) => sidebar(page).getByRole('button', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(, |$)`) })
/** The saved searches' names in the sidebar's order (each run button reads "Name, N reports"). */
const names = async (page: Page) => (await sidebar(page).getByRole('listitem').getByRole('button', { name: /^(?!Rename saved search |Delete saved search )/ })
  .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''))).map((t) => t.replace(/, [\d,]+ reports?$/, ''))

async function saveSearch(page: Page, query: string, name: string): Promise<void> {
  await searchBox(page).fill(query)
  await waitForResults(page, query)
  await page.getByRole('button', { name: 'Save search' }).click()
  const dialog = page.getByRole('dialog', { name: 'Save search' })
  await dialog.getByLabel('Name').fill(name)
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  await expect(entry(page, name)).toBeVisible()
}

async function bothSizes(app: Parameters<typeof screenshotBothThemes>[0], name: string): Promise<void> {
  await screenshotBothThemes(app, `${name}-1280x820`)
  await app.page.setViewportSize({ width: 880, height: 560 })
  await screenshotBothThemes(app, `${name}-880x560`)
  await app.page.setViewportSize({ width: 1280, height: 820 })
}

test('save a search with its filters, run it from the sidebar, its count is the library\'s and follows a sync', async ({ app }) => {
  test.setTimeout(300_000)
  const sim = await connectTo(app, { reports: 80 })
  const { page } = app
  const first = await app.core.handlers['library.search']({ query: '', limit: 1, offset: 0, facets: true })
  const table = first.facets.tables[0]?.value
  if (!table) throw new Error('no table')
  const tableQuery = `table:${table} include:archived`
  await searchBox(page).fill(tableQuery)
  await waitForResults(page, tableQuery)
  await page.getByRole('button', { name: 'Save search' }).click()
  const dialog = page.getByRole('dialog', { name: 'Save search' })
  await dialog.getByLabel('Name').fill('Readers of the orders table')
  await screenshotBothThemes(app, 'saved-search-dialog')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  // Kept by main for this workspace, not just the page.
  expect((await app.core.handlers['savedSearches.list'](undefined)).map((s) => s.query)).toEqual([tableQuery])

  // A collection's search: its count is what the library lists when it runs, from another screen.
  const space = sim.truth().spaces.find((s) => s.space_type !== 'private' && sim.truth().reports.some((r) => r.space_token === s.token && !r.archived))!
  const spaceQuery = `collection:${space.token}`
  await saveSearch(page, spaceQuery, 'Team reports')
  await page.getByRole('button', { name: 'People', exact: true }).click()
  await entry(page, 'Team reports').click()
  await expect(searchBox(page)).toHaveValue(spaceQuery)
  await waitForResults(page, spaceQuery)
  const listed = Number((await page.getByTestId('result-count').textContent())!.replace(/\D+/g, ''))
  expect(listed).toBeGreaterThan(0)
  await expect(entry(page, 'Team reports')).toHaveAccessibleName(`Team reports, ${listed} ${listed === 1 ? 'report' : 'reports'}`)
  const tableCount = (await app.core.handlers['library.search']({ query: tableQuery, limit: 1, offset: 0, facets: false })).total
  await expect(entry(page, 'Readers of the orders table')).toHaveAccessibleName(`Readers of the orders table, ${tableCount} ${tableCount === 1 ? 'report' : 'reports'}`)

  // Two new reports in the collection: after the next sync the count says so, without a reload.
  sim.mutate({ ops: [
    { kind: 'createReport', space_token: space.token, name: 'Weekly pipeline review', queries: [{ raw_query: 'select 1' }] },
    { kind: 'createReport', space_token: space.token, name: 'Pipeline by region', queries: [{ raw_query: 'select 2' }] },
  ] })
  await syncAgain(app)
  await expect(entry(page, 'Team reports')).toHaveAccessibleName(`Team reports, ${listed + 2} reports`)
  await page.getByRole('button', { name: 'Collections', exact: true }).click()
  await entry(page, 'Team reports').click()
  await waitForResults(page, spaceQuery)
  await expect(page.getByTestId('result-count')).toHaveText(`${listed + 2} reports`)
  await bothSizes(app, 'saved-searches')
})

test('rename, reorder by keyboard and by dragging, delete with Undo; all kept after a reload', async ({ app }) => {
  test.setTimeout(240_000)
  await connectTo(app, { reports: 60 })
  const { page } = app
  await saveSearch(page, 'revenue', 'Revenue')
  await saveSearch(page, 'churn', 'Churn')
  await saveSearch(page, 'orders include:archived', 'Orders')
  await expect.poll(() => names(page)).toEqual(['Revenue', 'Churn', 'Orders'])

  // Rename from the pencil; a name another search has is refused with the reason, Escape keeps the old one.
  await sidebar(page).getByRole('button', { name: 'Rename saved search Churn' }).click()
  const rename = sidebar(page).getByRole('textbox', { name: 'New name for Churn' })
  await rename.fill('revenue')
  await rename.press('Enter')
  await expect(sidebar(page).getByRole('alert')).toContainText('already called')
  await rename.fill('Customer churn')
  await rename.press('Enter')
  await expect(entry(page, 'Customer churn')).toBeFocused()
  // F2 on the focused search renames it too; Escape leaves it as it was.
  await page.keyboard.press('F2')
  await sidebar(page).getByRole('textbox', { name: 'New name for Customer churn' }).fill('Something else')
  await page.keyboard.press('Escape')
  await expect(entry(page, 'Customer churn')).toBeFocused()
  await expect.poll(() => names(page)).toEqual(['Revenue', 'Customer churn', 'Orders'])

  // Keyboard: Alt+↑ moves the focused search up, and the focus goes with it.
  await page.keyboard.press('Alt+ArrowUp')
  await expect.poll(() => names(page)).toEqual(['Customer churn', 'Revenue', 'Orders'])
  await expect(entry(page, 'Customer churn')).toBeFocused()
  await page.keyboard.press('Alt+ArrowDown')
  await page.keyboard.press('Alt+ArrowDown')
  await expect.poll(() => names(page)).toEqual(['Revenue', 'Orders', 'Customer churn'])
  // Dragging works too.
  await entry(page, 'Customer churn').dragTo(entry(page, 'Revenue'))
  await expect.poll(() => names(page)).toEqual(['Customer churn', 'Revenue', 'Orders'])
  expect((await app.core.handlers['savedSearches.list'](undefined)).map((s) => s.name)).toEqual(['Customer churn', 'Revenue', 'Orders'])

  // Delete from ×: a notice offers Undo, which puts it back where it was.
  await entry(page, 'Revenue').hover()
  await sidebar(page).getByRole('button', { name: 'Delete saved search Revenue' }).click()
  await expect.poll(() => names(page)).toEqual(['Customer churn', 'Orders'])
  const notice = page.getByRole('status').filter({ hasText: 'Deleted saved search “Revenue”' })
  await expect(notice).toBeVisible()
  await bothSizes(app, 'saved-search-undo')
  await notice.getByRole('button', { name: 'Undo' }).click()
  await expect(notice).toBeHidden()
  await expect.poll(() => names(page)).toEqual(['Customer churn', 'Revenue', 'Orders'])

  // Keyboard: Delete on the focused search, then Ctrl+Z (the notice's shortcut) undoes it.
  await entry(page, 'Orders').focus()
  await page.keyboard.press('Delete')
  await expect.poll(() => names(page)).toEqual(['Customer churn', 'Revenue'])
  await expect(page.getByRole('status').filter({ hasText: 'Deleted saved search “Orders”' })).toBeVisible()
  await page.keyboard.press('ControlOrMeta+z')
  await expect.poll(() => names(page)).toEqual(['Customer churn', 'Revenue', 'Orders'])
  // A delete left alone stays deleted.
  await entry(page, 'Customer churn').focus()
  await page.keyboard.press('Delete')
  await page.getByRole('status').filter({ hasText: 'Deleted saved search “Customer churn”' }).getByRole('button', { name: 'Dismiss' }).click()

  await page.reload()
  await expect.poll(() => names(page)).toEqual(['Revenue', 'Orders'])
  expect((await app.core.handlers['savedSearches.list'](undefined)).map((s) => s.name)).toEqual(['Revenue', 'Orders'])
})
