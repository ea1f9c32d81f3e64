// Collections: sorted by name or by size (checked against the simulator's own workspace), a filter that matches
// nothing says so with a way back, and an open collection is named above its reports with the card's count.
import type { Page } from '@playwright/test'
import { reportCountText } from '../../src/shared/report-counts.ts'
import { expect, test } from './fixtures.ts'
import { screenshotBothSizes } from './knowledge-helpers.ts'
import { connectTo, waitForResults } from './library-helpers.ts'

const cards = (page: Page) => page.getByRole('list', { name: 'Collections' }).getByRole('button')

test('collections sort by name and by size, an empty filter says so, an open one has a header', async ({ app }) => {
  test.setTimeout(240_000)
  const sim = await connectTo(app, { reports: 120 })
  const { page } = app
  const truth = sim.truth()
  const liveIn = (token: string) => truth.reports.filter((r) => r.space_token === token && !r.archived).length
    + truth.datasets.filter((d) => d.space_token === token).length
  const archivedIn = (token: string) => truth.reports.filter((r) => r.space_token === token && r.archived).length
  const shared = truth.spaces.filter((s) => s.space_type !== 'private')

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Collections', exact: true }).click()
  await expect(cards(page)).toHaveCount(truth.spaces.length)

  // By name (the default): shared collections first, alphabetically, each with the workspace's count.
  const byName = [...shared].sort((a, b) => a.name.localeCompare(b.name) || a.token.localeCompare(b.token))
  for (const [i, s] of byName.entries()) {
    await expect(cards(page).nth(i)).toContainText(s.name)
    await expect(cards(page).nth(i).getByTestId('collection-count')).toHaveText(reportCountText(liveIn(s.token), archivedIn(s.token)))
  }

  // By size: the counts fall, and are the workspace's counts in that order.
  await page.getByRole('combobox', { name: 'Sort collections' }).selectOption({ label: 'Most reports' })
  const expected = truth.spaces.map((s) => liveIn(s.token)).sort((a, b) => b - a)
  await expect.poll(async () => (await cards(page).getByTestId('collection-count').allTextContents()).map((t) => Number(t.split(' ')[0])))
    .toEqual(expected)

  // A filter that matches nothing says what happened and offers the way back.
  const filter = page.getByRole('searchbox', { name: 'Filter collections' })
  await filter.fill('no such collection zq')
  await expect(cards(page)).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'No collection matches' })).toBeVisible()
  await expect(page.getByText('No collection name contains')).toContainText('no such collection zq')
  await screenshotBothSizes(app, 'collections-none')
  await page.getByRole('button', { name: 'Clear the filter' }).click()
  await expect(filter).toHaveValue('')
  await expect(cards(page)).toHaveCount(truth.spaces.length)

  // Hiding personal collections while filtering for one: the empty state offers to show them again.
  await page.getByRole('switch', { name: 'Show personal' }).uncheck()
  await expect(cards(page)).toHaveCount(shared.length)
  await filter.fill('Personal')
  await expect(page.getByRole('heading', { name: 'No collection matches' })).toBeVisible()
  await page.getByRole('button', { name: 'Show personal collections' }).click()
  await expect(cards(page).first()).toContainText('Personal')
  await filter.fill('')

  // Opening the biggest shared collection: its header names it, with the card's count; the list has that many.
  const biggest = [...shared].sort((a, b) => liveIn(b.token) - liveIn(a.token))[0]!
  const count = reportCountText(liveIn(biggest.token), archivedIn(biggest.token))
  await filter.fill(biggest.name)
  await cards(page).filter({ hasText: biggest.name }).first().click()
  const header = page.getByRole('heading', { level: 2, name: biggest.name, exact: true })
  await expect(header).toBeVisible()
  await expect(page.getByTestId('collection-header')).toContainText(count)
  const query = await page.getByRole('combobox', { name: 'Search the library' }).inputValue()
  await waitForResults(page, query)
  await expect(page.getByTestId('result-count')).toHaveText(`${liveIn(biggest.token)} reports`)
  await screenshotBothSizes(app, 'collection-header')
})
