// Opening a report from the library and following one of its tables to every report that reads it.
import { expect, test } from './fixtures.ts'
import { accessibleName, connectTo, escapeRegExp, resultOptions, screenshotBothThemes, searchBox, waitForResults } from './library-helpers.ts'

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
  const firstName = await accessibleName(resultOptions(page).first())
  await resultOptions(page).first().click()

  const report = page.getByRole('article', { name: firstName, exact: true })
  await expect(report.getByRole('heading', { level: 1 })).toHaveText(firstName)
  for (const fact of ['Collection', 'Views']) await expect(report.getByRole('term').filter({ hasText: new RegExp(`^${fact}$`) })).toBeVisible()
  const sqlView = report.getByRole('textbox', { name: /^SQL of / }).first()
  await expect(sqlView).toBeVisible()
  // Highlighting is only colour: CodeMirror's token class is the one thing that says a keyword was recognised.
  await expect(sqlView.locator('.sql-keyword').first()).toBeVisible()
  // The link names the table as the SQL wrote it (perhaps with its project): a name that contains the facet's.
  const tableLink = report.getByRole('list', { name: 'Tables' }).getByRole('button', { name: table.value }).first()
  await expect(tableLink).toBeVisible()
  await screenshotBothThemes(app, 'report')

  // Copy puts the exact SQL on the clipboard and says so.
  const shown = await app.core.handlers['library.getReport']({ token: (await report.getAttribute('data-token')) ?? '' })
  const sql = shown?.queries[0]?.sql
  if (sql === undefined) throw new Error('the shown report has no query in the library')
  // The view shows the SQL as written, from its first line (the editor renders the lines in view).
  await expect(sqlView).toHaveText(new RegExp(`^${escapeRegExp(sql.split('\n')[0] as string)}(\n|$)`), { useInnerText: true })
  await report.getByRole('button', { name: 'Copy SQL' }).first().click()
  await expect(report.getByRole('button', { name: 'Copied' })).toBeVisible()
  expect(await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText: () => Promise<string> } } }).navigator.clipboard.readText())).toBe(sql)

  // Open in Mode goes through main's allow-list to the system browser.
  await report.getByRole('button', { name: /Open in Mode/ }).click()
  await expect.poll(() => app.openedUrls.length).toBe(1)
  expect(app.openedUrls[0]).toMatch(/^https:\/\/app\.mode\.com\//)

  // A table link lists every report that reads the table.
  await tableLink.click()
  // The filter it sets finds every spelling of the table.
  await expect(box).toHaveValue(new RegExp(`^table:(\\S+\\.)?${escapeRegExp(table.value)}$`, 'i'))
  const linked = await box.inputValue()
  await waitForResults(page, linked)
  // Every report that reads the table, however spelled: the count the table's facet value showed.
  const readers = table.count
  expect(readers).toBeGreaterThan(0)
  await expect(page.getByTestId('result-count')).toHaveText(new RegExp(`^${readers} ${readers === 1 ? 'report' : 'reports'}`))

  // Back (Alt+Left from the report) and Esc.
  await resultOptions(page).first().click()
  await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toBeVisible()
  await page.keyboard.press('Alt+ArrowLeft')
  await expect(box).toBeVisible()
})
