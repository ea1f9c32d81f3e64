// Every screen at the smallest window the app allows (880×560) and at the default one (1280×820), light and dark:
// nothing runs off the side, the search box keeps room to type a query, and each screen's main control is on
// screen without scrolling (People and the Access review included). The screenshots are the ones reviewed for layout.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { connectTo, screenshotBothThemes, searchBox, waitForResults } from './library-helpers.ts'

const SIZES = [{ width: 880, height: 560 }, { width: 1280, height: 820 }] as const

const results = (page: Page) => page.getByRole('listbox', { name: 'Search results' }).getByRole('option')
const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true })

/** Nothing wider than the window: neither the page nor the main area scrolls sideways. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    type Box = { scrollWidth: number; clientWidth: number }
    const doc = (globalThis as unknown as { document: { documentElement: Box; querySelector: (s: string) => Box | null } }).document
    const main = doc.querySelector('main') ?? doc.documentElement
    return { page: doc.documentElement.scrollWidth - doc.documentElement.clientWidth, main: main.scrollWidth - main.clientWidth }
  })
  expect(overflow).toEqual({ page: 0, main: 0 })
}

async function atBothSizes(app: Parameters<typeof screenshotBothThemes>[0], name: string, check: () => Promise<void>): Promise<void> {
  for (const size of SIZES) {
    await app.page.setViewportSize(size)
    await check()
    await expectNoSidewaysScroll(app.page)
    await screenshotBothThemes(app, `${name}-${size.width}x${size.height}`)
  }
}

test('every screen fits the smallest window, with room to search', async ({ app }) => {
  test.setTimeout(240_000)
  const sim = await connectTo(app, { reports: 80 })
  const { page } = app
  const box = searchBox(page)

  await atBothSizes(app, 'window-library', async () => {
    await waitForResults(page, '')
    await expect(box).toBeInViewport({ ratio: 1 })
    // Room for a query of a few words: "table:fct_orders revenue" and more.
    expect((await box.boundingBox())!.width).toBeGreaterThanOrEqual(320)
    await expect(page.getByRole('button', { name: 'Save search' })).toBeInViewport({ ratio: 1 })
    await expect(page.getByRole('switch', { name: 'Include archived' })).toBeInViewport({ ratio: 1 })
    await expect(page.getByRole('combobox', { name: 'Sort results' })).toBeInViewport({ ratio: 1 })
  })

  await box.fill('revenue')
  await waitForResults(page, 'revenue')
  await atBothSizes(app, 'window-results', async () => {
    await expect(results(page).first()).toBeInViewport()
  })

  await results(page).first().click()
  await atBothSizes(app, 'window-report', async () => {
    await expect(page.getByRole('heading', { level: 1 })).toBeInViewport()
  })

  await nav(page, 'Collections').click()
  await atBothSizes(app, 'window-collections', async () => {
    await expect(page.getByRole('searchbox', { name: 'Filter collections' })).toBeInViewport({ ratio: 1 })
    await expect(page.getByRole('list', { name: 'Collections' }).getByRole('button').first()).toBeInViewport()
  })

  const space = sim.truth().spaces.find((s) => s.space_type !== 'private')!
  await page.getByRole('list', { name: 'Collections' }).getByRole('button', { name: new RegExp(`^${space.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).first().click()
  await atBothSizes(app, 'window-collection-open', async () => {
    await expect(page.getByRole('heading', { level: 2, name: space.name, exact: true })).toBeInViewport()
    await expect(results(page).first()).toBeInViewport()
  })

  await nav(page, 'People').click()
  await atBothSizes(app, 'window-people', async () => {
    await expect(page.getByRole('searchbox', { name: 'Filter people' })).toBeInViewport({ ratio: 1 })
    await expect(page.getByRole('combobox', { name: 'Role' })).toBeInViewport({ ratio: 1 })
    await expect(page.getByRole('table', { name: 'Members' }).getByRole('row').nth(1)).toBeInViewport()
  })

  await nav(page, 'Access review').click()
  await atBothSizes(app, 'window-access-review', async () => {
    await expect(page.getByRole('spinbutton', { name: 'Inactive for how many days' })).toBeInViewport({ ratio: 1 })
    await expect(page.getByRole('button', { name: 'Export CSV' })).toBeInViewport({ ratio: 1 })
  })

  for (const [screen, heading] of [['What changed', 'What changed'], ['Duplicates', 'Duplicates'], ['Sync', 'Sync'], ['Settings', 'Settings']] as const) {
    await nav(page, screen).click()
    await atBothSizes(app, `window-${screen.toLowerCase().replace(/ /g, '-')}`, async () => {
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeInViewport()
    })
  }
})
