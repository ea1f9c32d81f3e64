// Library search against the real services: the sync fills the library from the simulator, then the analyst
// types, narrows with facets, toggles archived reports, and walks the list with the keyboard.
import { expect, test } from './fixtures.ts'
import { connectTo, escapeRegExp, facetValue, facetValues, resultNames, resultOption, resultOptions, screenshotBothThemes, selectedResult, searchBox, waitForFacets, waitForResults } from './library-helpers.ts'

test('search as you type, narrow with facets, include archived, open a report with the keyboard', async ({ app }) => {
  const sim = await connectTo(app, { reports: 150 })
  const { page } = app
  const box = searchBox(page)
  await expect(box).toBeFocused()

  // The empty query lists the library (archived reports hidden, and counted beside the total).
  const stats = await app.core.handlers['library.getStats'](undefined)
  const unarchived = stats.reports - stats.archivedReports
  expect(unarchived).toBeGreaterThan(50)
  expect(stats.archivedReports).toBeGreaterThan(0)
  await waitForResults(page, '')
  await waitForFacets(page)
  await expect(page.getByTestId('result-count')).toHaveText(`${unarchived.toLocaleString('en-US')} reports in your library · ${stats.archivedReports.toLocaleString('en-US')} archived`)
  await screenshotBothThemes(app, 'library')

  // A word from a real report's name, typed key by key: the list follows and the report is found.
  const truth = sim.truth()
  const target = truth.reports.find((r) => !r.archived && r.name && r.name.split(' ').length >= 3)
  if (!target?.name) throw new Error('simulator produced no named report')
  const words = target.name.split(' ').slice(0, 3).join(' ')
  await box.pressSequentially(words, { delay: 20 })
  await waitForResults(page, words)
  await expect(resultOption(page, target.name).first()).toBeVisible()
  // The typed words are marked in the results (by the <mark> element: Playwright's roles do not include "mark").
  await expect(resultOptions(page).first().locator('mark').first()).toBeVisible()

  // Facet: the first collection among the results narrows the list to it.
  await box.fill('')
  await waitForResults(page, '')
  await waitForFacets(page)
  const facet = facetValues(page, 'Collection').first()
  const { label: collectionName, count: facetCount } = await facetValue(facet)
  await facet.click()
  await expect(facet).toHaveAttribute('aria-pressed', 'true')
  const filtered = await box.inputValue()
  expect(filtered).toContain('collection:')
  await waitForResults(page, filtered)
  await expect(page.getByTestId('result-count')).toHaveText(`${facetCount.toLocaleString('en-US')} ${facetCount === 1 ? 'report' : 'reports'}`)
  // Each result's description starts with its collection (after any badges).
  for (const result of await resultOptions(page).all()) await expect(result).toHaveAccessibleDescription(new RegExp(escapeRegExp(collectionName)))

  // Archived reports only when asked.
  await box.fill('')
  await waitForResults(page, '')
  await page.getByRole('switch', { name: 'Include archived' }).check()
  await expect(box).toHaveValue('include:archived')
  await waitForResults(page, 'include:archived')
  await expect(page.getByTestId('result-count')).toHaveText(`${stats.reports.toLocaleString('en-US')} reports`)
  if (stats.archivedReports > 0) {
    await box.fill('is:archived')
    await waitForResults(page, 'is:archived')
    await expect(resultOptions(page).first().getByText('Archived', { exact: true })).toBeVisible()
    await expect(resultOptions(page).first()).toHaveAccessibleDescription(/^Archived/)
  }

  // Keyboard: down twice from the box, Enter opens that report.
  await box.fill('')
  await waitForResults(page, '')
  const names = await resultNames(page)
  expect(names.length).toBeGreaterThan(2)
  await box.press('ArrowDown')
  await box.press('ArrowDown')
  await expect(selectedResult(page)).toHaveAccessibleName(names[2] as string)
  await box.press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(names[2] as string)
  // Focus lands on the report's title (not lost on the body), so it is announced and Tab starts there.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused()

  // Back returns to the list, with the selection where it was.
  await page.keyboard.press('Escape')
  await waitForResults(page, '')
  await expect(selectedResult(page)).toHaveAccessibleName(names[2] as string)
})

test('a query that matches nothing offers ways out', async ({ app }) => {
  await connectTo(app, { reports: 60 })
  const { page } = app
  const query = 'zzqqxx table:nothing_here'
  await searchBox(page).fill(query)
  await waitForResults(page, query)
  await expect(page.getByTestId('no-results')).toBeVisible()
  await page.getByRole('button', { name: 'Remove table:nothing_here' }).click()
  await expect(searchBox(page)).toHaveValue('zzqqxx')
  await screenshotBothThemes(app, 'library-no-results')

  // The syntax help opens from the keyboard and Esc returns focus to its button (not to the page).
  const syntax = page.getByRole('button', { name: 'Syntax' })
  await syntax.focus()
  await page.keyboard.press('Enter')
  const help = page.getByRole('dialog', { name: 'Search syntax' })
  await expect(help).toBeVisible()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Escape')
  await expect(help).toBeHidden()
  await expect(syntax).toBeFocused()
})

test('collections list with counts, personal ones marked, each opening as a filtered list', async ({ app }) => {
  await connectTo(app, { reports: 120 })
  const { page } = app
  await page.getByRole('button', { name: 'Collections', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Collections', level: 1 })).toBeVisible()
  const collections = await app.core.handlers['library.listCollections'](undefined)
  // A name that is no part of another's, so the card and the rows can be told apart by text.
  const shared = collections.find((c) => !c.isPersonal && c.reportCount > 0 && !collections.some((o) => o !== c && o.name.includes(c.name)))
  if (!shared) throw new Error('no shared collection with reports')
  const cards = page.getByRole('list', { name: 'Collections' }).getByRole('button')
  const card = cards.and(page.getByRole('button', { name: shared.name, exact: true })).first()
  await expect(card).toHaveAccessibleDescription(new RegExp(`${shared.reportCount} ${shared.reportCount === 1 ? 'report' : 'reports'}`))
  // Personal ones are marked by their label, which names the owner (Mode calls them all "Personal").
  if (collections.some((c) => c.isPersonal && c.reportCount > 0)) {
    await expect(page.getByRole('list', { name: 'Collections' }).getByRole('button', { name: /^Personal — \S+/ }).first()).toBeVisible()
  }
  await screenshotBothThemes(app, 'collections')
  await card.click()
  const box = searchBox(page)
  await expect(box).toHaveValue(/^collection:/)
  await waitForResults(page, await box.inputValue())
  for (const result of await resultOptions(page).all()) await expect(result).toHaveAccessibleDescription(new RegExp(escapeRegExp(shared.name)))
})
