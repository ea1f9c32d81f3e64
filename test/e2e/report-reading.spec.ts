// Reading a long report as in a SQL tool, on the sample workspace's five-query reports: find across the whole
// report (count, every match walked, toggles), the outline's jumps, the `?` sheet, back and forward returning to
// the same scroll position, the search terms that opened the report highlighted — and screenshots at two sizes.
import type { Page } from '@playwright/test'
import { generateSampleWorkspace } from '../../src/sim/generator.ts'
import { expect, test } from './fixtures.ts'
import type { AppHarness } from './fixtures.ts'
import { resultOption, screenshotBothThemes, searchBox, waitForResults, waitForSyncIdle } from './library-helpers.ts'

const sample = generateSampleWorkspace()
const fiveQueryReports = sample.reports.filter((r) => r.queries.length === 5 && !r.archived && r.name)
const report = fiveQueryReports[0]!

/** The texts find searches, as the page shows them (a query without a name is "Query N"). */
function reportTexts(r: typeof report): string[] {
  return [r.name ?? '', r.description ?? '', ...r.queries.flatMap((q, i) => [q.name ?? `Query ${i + 1}`, q.raw_query])]
}

/** Counted independently of the app: a regular expression over the texts. */
function expectedCount(texts: string[], needle: string, { caseSensitive = false, wholeWord = false } = {}): number {
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const re = new RegExp(wholeWord ? `(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])` : escaped, caseSensitive ? 'gu' : 'giu')
  return texts.reduce((n, t) => n + [...t.matchAll(re)].length, 0)
}

async function openSampleReport(app: AppHarness, query: string, name: string): Promise<void> {
  const { page } = app
  const box = searchBox(page)
  await box.fill(query)
  await waitForResults(page, query)
  await resultOption(page, name).first().click()
  await expect(reportTitle(page)).toHaveText(name)
}

async function connectSample(app: AppHarness): Promise<void> {
  const outcome = await app.core.handlers['connection.connectSample'](undefined)
  if (!outcome.ok) throw new Error(`sample failed: ${outcome.error.message}`)
  await expect(app.page.locator('[data-screen="shell"]')).toBeVisible({ timeout: 30_000 })
  await waitForSyncIdle(app)
}

const reportTitle = (page: Page) => page.getByRole('article').getByRole('heading', { level: 1 })
const mainScrollTop = (page: Page) => page.getByRole('main').evaluate((el) => Math.round(el.scrollTop))
/** The current find match: a <mark> marked aria-current among the others (its first piece, should the editor split it). */
const currentMatch = (page: Page) => page.locator('mark[aria-current="true"]').first()

test('find across a five-query report counts every match and walks each one into view; toggles narrow it', async ({ app }) => {
  expect(fiveQueryReports.length).toBeGreaterThan(0)
  await connectSample(app)
  const { page } = app
  await openSampleReport(app, `"${report.name}"`, report.name as string)
  await expect(page.getByRole('region', { name: 'Queries', exact: true }).getByRole('region')).toHaveCount(5)

  await reportTitle(page).click()
  await page.keyboard.press('Control+f')
  const input = page.getByRole('searchbox', { name: 'Find in report' })
  await expect(input).toBeFocused()
  const texts = reportTexts(report)
  const needle = 'select'
  const total = expectedCount(texts, needle)
  expect(total).toBeGreaterThan(5)
  await input.fill(needle)
  const count = page.getByTestId('find-count')
  await expect(count).toHaveText(`1 of ${total}`)
  for (let i = 2; i <= total; i++) {
    await input.press('Enter')
    await expect(count).toHaveText(`${i} of ${total}`)
    await expect(currentMatch(page)).toBeInViewport()
    await expect(currentMatch(page)).toHaveText(/select/i)
  }
  await input.press('Enter')
  await expect(count).toHaveText(`1 of ${total}`)
  await input.press('Shift+Enter')
  await expect(count).toHaveText(`${total} of ${total}`)
  await expect(currentMatch(page)).toBeInViewport()

  // Match case, then whole words, each against the same count done by a regular expression.
  const upper = 'SELECT'
  await input.fill(upper)
  await page.getByRole('button', { name: 'Aa' }).click()
  await expect(count).toHaveText(`1 of ${expectedCount(texts, upper, { caseSensitive: true })}`)
  await page.getByRole('button', { name: 'Aa' }).click()
  // A word that also occurs inside longer names (DATE in DATE_TRUNC): whole words must find fewer.
  const part = ['date', 'count', 'month', 'week', 'id', 'order'].find((w) => {
    const whole = expectedCount(texts, w, { wholeWord: true })
    return whole > 0 && whole < expectedCount(texts, w)
  })
  if (!part) throw new Error('no word of this report occurs both whole and inside a longer name')
  await input.fill(part)
  await expect(count).toHaveText(`1 of ${expectedCount(texts, part)}`)
  await input.press('Alt+w')
  const whole = expectedCount(texts, part, { wholeWord: true })
  await expect(count).toHaveText(`1 of ${whole}`)
  await input.press('Escape')
  await expect(input).toHaveCount(0)
})

test('the outline jumps to the third query; ? lists the shortcuts; back and forward restore the scroll position', async ({ app }) => {
  await connectSample(app)
  const { page } = app
  // Arriving from a search: its words are highlighted in the report.
  const word = (report.name as string).split(' ')[0] as string
  await openSampleReport(app, word, report.name as string)
  // (No find is open: every <mark> is a search term.)
  await expect(page.getByRole('article').locator('mark').first()).toHaveText(new RegExp(word, 'i'))

  const outline = page.getByRole('navigation', { name: 'Outline' })
  // One entry per query, named by its title (the sample's five titles differ).
  const titles = report.queries.map((q, i) => q.name ?? `Query ${i + 1}`)
  expect(new Set(titles).size).toBe(5)
  const outlineQuery = (i: number) => outline.getByRole('list', { name: 'Queries' }).getByRole('button', { name: titles[i], exact: true })
  for (let i = 0; i < 5; i++) await expect(outlineQuery(i)).toBeVisible()
  await screenshotBothThemes(app, 'report-outline-1280')
  await outlineQuery(2).click()
  const section = page.getByRole('region', { name: titles[2], exact: true })
  await expect(section).toBeFocused()
  await expect.poll(async () => {
    const [box, main] = await Promise.all([section.boundingBox(), page.getByRole('main').boundingBox()])
    return box && main ? Math.abs(box.y - main.y) < 40 : false
  }).toBe(true)
  await expect(outlineQuery(2)).toHaveAttribute('aria-current', 'location')
  await expect(outline).toBeInViewport()

  // `?` opens the sheet of every shortcut (outside a text box).
  await page.keyboard.press('?')
  const sheet = page.getByTestId('shortcut-sheet')
  await expect(sheet).toBeVisible()
  for (const text of ['Ctrl+K', 'Ctrl+,', 'Ctrl+F', 'Alt+←', 'Alt+→', 'Shift+Enter', 'Alt+W', 'Ctrl+Shift+[']) {
    await expect(sheet).toContainText(text)
  }
  await page.keyboard.press('Escape')
  await expect(sheet).toHaveCount(0)

  // Leave from deep in the report by a table link, then Back returns to the same place and Forward to the list.
  const table = section.getByRole('list', { name: 'Tables' }).getByRole('button').first()
  // Clicking scrolls the link into view first: the position to come back to is the one after that.
  await table.scrollIntoViewIfNeeded()
  const scrolled = await mainScrollTop(page)
  expect(scrolled).toBeGreaterThan(300)
  const tableName = (await table.textContent()) ?? ''
  await table.click()
  await waitForResults(page, `table:${tableName}`)
  // From inside the search box, as a user arriving there would be (Alt+Left is not a text-editing key off macOS).
  await expect(searchBox(page)).toBeFocused()
  await page.keyboard.press('Alt+ArrowLeft')
  await expect(reportTitle(page)).toHaveText(report.name as string)
  await expect.poll(() => mainScrollTop(page)).toBe(scrolled)
  await page.keyboard.press('Alt+ArrowRight')
  await waitForResults(page, `table:${tableName}`)
  await page.keyboard.press('Alt+ArrowLeft')
  await expect.poll(() => mainScrollTop(page)).toBe(scrolled)

  // The report page at the larger size, after the jump (light and dark).
  await page.setViewportSize({ width: 1920, height: 1080 })
  await page.getByRole('main').evaluate((el) => el.scrollTo({ top: 0 }))
  await screenshotBothThemes(app, 'report-outline-1920')
})
