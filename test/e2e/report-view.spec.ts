// Opening a report from the library and following one of its tables to every report that reads it.
import { expect, test } from './fixtures.ts'
import { connectTo, screenshotBothThemes, searchBox, waitForResults } from './library-helpers.ts'

test('a report shows its facts and highlighted SQL, copies it, and its table links list the readers', async ({ app, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await connectTo(app, { reports: 120 })
  const { page } = app

  // A table many reports read, from the library's own facets.
  await waitForResults(page, '')
  const first = await app.core.handlers['library.search']({ query: '', limit: 1, offset: 0, facets: true })
  const table = first.facets.tables[0]
  if (!table) throw new Error('no table facet')
  const box = searchBox(page)
  await box.fill(`table:${table.value}`)
  await waitForResults(page, `table:${table.value}`)
  const firstName = (await page.locator('.result .result-name').first().textContent()) ?? ''
  await page.locator('.result').first().click()

  const report = page.locator('article.report')
  await expect(report.getByRole('heading', { level: 1 })).toHaveText(firstName)
  await expect(report.locator('.facts')).toContainText('Collection')
  await expect(report.locator('.facts')).toContainText('Views')
  await expect(report.locator('.sql-code').first()).toBeVisible()
  await expect(report.locator('.sql-keyword').first()).toBeVisible()
  await expect(report.locator('.table-link', { hasText: table.value }).first()).toBeVisible()
  await screenshotBothThemes(app, 'report')

  // Copy puts the exact SQL on the clipboard and says so.
  const shown = await app.core.handlers['library.getReport']({ token: (await report.getAttribute('data-token')) ?? '' })
  const sql = shown?.queries[0]?.sql
  if (sql === undefined) throw new Error('the shown report has no query in the library')
  await expect(report.locator('.sql-code .cm-line').first()).toHaveText(sql.split('\n')[0] as string)
  await report.getByRole('button', { name: 'Copy SQL' }).first().click()
  await expect(report.getByRole('button', { name: 'Copied' })).toBeVisible()
  expect(await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText: () => Promise<string> } } }).navigator.clipboard.readText())).toBe(sql)

  // Open in Mode goes through main's allow-list to the system browser.
  await report.getByRole('button', { name: /Open in Mode/ }).click()
  await expect.poll(() => app.openedUrls.length).toBe(1)
  expect(app.openedUrls[0]).toMatch(/^https:\/\/app\.mode\.com\//)

  // A table link lists every report that reads the table.
  await report.locator('.table-link', { hasText: table.value }).first().click()
  // The link names the table as the SQL wrote it (perhaps with its project); the filter finds every spelling.
  const escaped = table.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  await expect(box).toHaveValue(new RegExp(`^table:(\\S+\\.)?${escaped}$`, 'i'))
  const linked = await box.inputValue()
  await waitForResults(page, linked)
  // Every report that reads the table, however spelled: the count the table's facet value showed.
  const readers = table.count
  expect(readers).toBeGreaterThan(0)
  await expect(page.getByTestId('result-count')).toHaveText(new RegExp(`^${readers} ${readers === 1 ? 'report' : 'reports'}`))

  // Back (Alt+Left from the report) and Esc.
  await page.locator('.result').first().click()
  await expect(report.getByRole('heading', { level: 1 })).toBeVisible()
  await page.keyboard.press('Alt+ArrowLeft')
  await expect(box).toBeVisible()
})
