// Saved searches: save the query in the box (filters included) under a name, find it in the sidebar, run it
// from anywhere, delete it.
import { expect, test } from './fixtures.ts'
import { connectTo, screenshotBothThemes, searchBox, waitForResults } from './library-helpers.ts'

test('save a search with its filters, run it from the sidebar, delete it', async ({ app }) => {
  await connectTo(app, { reports: 80 })
  const { page } = app
  const first = await app.core.handlers['library.search']({ query: '', limit: 1, offset: 0, facets: true })
  const table = first.facets.tables[0]?.value
  if (!table) throw new Error('no table')
  const query = `table:${table} include:archived`
  const box = searchBox(page)
  await box.fill(query)
  await waitForResults(page, query)

  await page.getByRole('button', { name: 'Save search' }).click()
  const dialog = page.getByRole('dialog', { name: 'Save search' })
  await dialog.getByLabel('Name').fill('Readers of the orders table')
  await screenshotBothThemes(app, 'saved-search-dialog')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()

  const saved = page.getByRole('navigation', { name: 'Saved searches' })
  await expect(saved.getByRole('button', { name: 'Readers of the orders table', exact: true })).toBeVisible()
  // Kept by main, not just the page.
  expect((await app.core.handlers['savedSearches.list'](undefined)).map((s) => s.query)).toEqual([query])

  // Run it from another screen.
  await page.getByRole('button', { name: 'People', exact: true }).click()
  await saved.getByRole('button', { name: 'Readers of the orders table', exact: true }).click()
  await expect(box).toHaveValue(query)
  await waitForResults(page, query)
  await expect(page.locator('.result').first()).toBeVisible()
  await screenshotBothThemes(app, 'saved-searches')

  await saved.getByRole('button', { name: 'Delete saved search Readers of the orders table' }).click()
  await expect(saved.getByRole('button', { name: 'Readers of the orders table', exact: true })).toBeHidden()
  expect(await app.core.handlers['savedSearches.list'](undefined)).toEqual([])
})
