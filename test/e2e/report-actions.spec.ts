// The action panel (Ctrl/Cmd+.) and its shortcuts on a report and on a selected result: copy a link and the SQL
// (the clipboard read back), export .sql through main's save dialog (the file read back), and pasting a Mode link
// into the search box opens that report — or says it is not in the library.
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { accessibleName, connectTo, resultOptions, screenshotBothThemes, searchBox, waitForResults } from './library-helpers.ts'

const clipboard = (page: Page) => page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText: () => Promise<string> } } }).navigator.clipboard.readText())
const setClipboard = (page: Page, text: string) => page.evaluate((t) => (globalThis as unknown as { navigator: { clipboard: { writeText: (t: string) => Promise<void> } } }).navigator.clipboard.writeText(t), text)

test('the action panel copies a link and the SQL, exports .sql, and works on a selected result', async ({ app, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await connectTo(app, { reports: 120 })
  const { page } = app
  await waitForResults(page, '')
  const name = await accessibleName(resultOptions(page).first())

  // On a selected result: the panel acts on that report (loaded when asked).
  await searchBox(page).focus()
  await page.keyboard.press('Control+.')
  const panel = page.getByTestId('action-panel')
  await expect(panel).toBeVisible()
  await expect(panel).toContainText(name)
  for (const row of ['Open in Mode', "Open this query in Mode's editor", 'Copy link', 'Copy name', 'Export .sql…', 'Reports that read this table…']) {
    await expect(panel.getByRole('option', { name: new RegExp(row.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })).toBeVisible()
  }
  await expect(panel.getByRole('option', { name: /Copy link/ }).locator('kbd')).toHaveText('Ctrl+Shift+L')
  await page.keyboard.type('copy name')
  await page.keyboard.press('Enter')
  await expect(panel).toHaveCount(0)
  await expect.poll(() => clipboard(page)).toBe(name)

  // On the report page.
  await resultOptions(page).first().click()
  const article = page.getByRole('article')
  const title = article.getByRole('heading', { level: 1 })
  await expect(title).toHaveText(name)
  const detail = await app.core.handlers['library.getReport']({ token: (await article.getAttribute('data-token')) ?? '' })
  if (!detail || !detail.webUrl || detail.queries.length === 0) throw new Error('the report has no link or no SQL')
  expect(detail.webUrl).toMatch(/^https:\/\/app\.mode\.com\/[^/]+\/reports\/[0-9a-f]+$/)

  await title.click()
  await page.keyboard.press('Control+.')
  await expect(panel).toBeVisible()
  await screenshotBothThemes(app, 'report-action-panel')
  await panel.getByRole('option', { name: /Copy link/ }).click()
  await expect.poll(() => clipboard(page)).toBe(detail.webUrl)
  await expect(page.getByTestId('action-status')).toHaveText('Link copied')

  // A shortcut runs its action without the panel: this query's SQL, exactly.
  await page.keyboard.press('Control+Shift+C')
  await expect.poll(() => clipboard(page)).toBe(detail.queries[0]!.sql)

  // Export .sql goes through main's save dialog; the file holds the SQL of this query.
  await page.keyboard.press('Control+.')
  await page.keyboard.type('export')
  await page.keyboard.press('Enter')
  await expect.poll(() => app.savedFiles.length).toBe(1)
  const saved = app.savedFiles[0] as string
  expect(saved).toMatch(/\.sql$/)
  await expect.poll(() => { try { return readFileSync(saved, 'utf8') } catch { return '' } }).toContain(detail.queries[0]!.sql.trimEnd())
  await expect(page.getByTestId('action-status')).toContainText('Saved')

  // Open in Mode's editor opens that query there, through main's allow-list.
  await page.keyboard.press('Control+Shift+E')
  await expect.poll(() => app.openedUrls.at(-1)).toBe(`${detail.webUrl.replace('app.mode.com/', 'app.mode.com/editor/')}/queries/${detail.queries[0]!.token}`)
})

test('pasting a Mode report link into the search box opens the report; an unknown one is said plainly', async ({ app, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const sim = await connectTo(app, { reports: 60 })
  const { page } = app
  await waitForResults(page, '')
  const hits = await app.core.handlers['library.search']({ query: '', limit: 5, offset: 0, facets: false })
  const target = await app.core.handlers['library.getReport']({ token: hits.hits[3]!.token })
  if (!target) throw new Error('no report')
  const box = searchBox(page)
  await box.focus()
  await setClipboard(page, `https://app.mode.com/${sim.workspace}/reports/${target.token}/details`)
  await page.keyboard.press('Control+V')
  await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText(target.name)
  await expect(box).toHaveCount(0)

  await page.keyboard.press('Alt+ArrowLeft')
  await expect(box).toBeVisible()
  await box.focus()
  await setClipboard(page, `https://app.mode.com/${sim.workspace}/reports/0123456789ab`)
  await page.keyboard.press('Control+V')
  await expect(page.getByTestId('link-notice')).toContainText('not in your library')
  await expect(box).toHaveValue('')
})
