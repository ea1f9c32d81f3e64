// Shared steps of the analyst-workspace specs (library, report, sync, offline, people, saved searches):
// connect the real core to a simulator, wait for the first sync, and take light and dark screenshots.
import type { Locator, Page } from '@playwright/test'
import type { Simulator, SimulatorOptions } from '../../src/sim/server.ts'
import type { AppHarness } from './fixtures.ts'
import { expect } from './fixtures.ts'
import { accessibleName, accessibleNames } from './aria-helpers.ts'

export { accessibleName, accessibleNames, escapeRegExp } from './aria-helpers.ts'

/** Starts a simulator, connects the app to it (as the wizard's Connect would) and waits for the shell. */
export async function connectTo(app: AppHarness, options: SimulatorOptions = {}, { waitForSync = true } = {}): Promise<Simulator> {
  const sim = await app.startSimulator({ seed: 2024, reports: 120, ...options })
  const outcome = await app.core.handlers['connection.connect']({ token: sim.token, password: sim.password, workspace: sim.workspace })
  if (!outcome.ok) throw new Error(`connect failed: ${outcome.error.code} ${outcome.error.message}`)
  await expect(app.page.locator('[data-screen="shell"]')).toBeVisible()
  if (waitForSync) await waitForSyncIdle(app)
  return sim
}

/** Waits until a sync has completed successfully and none is running (the first one starts on connect). */
export async function waitForSyncIdle(app: AppHarness): Promise<void> {
  await expect
    .poll(async () => {
      await app.core.scheduler.idle()
      const state = await app.core.handlers['sync.getState'](undefined)
      return state.status !== 'syncing' && state.lastSuccessAt !== null
    // Generous: a first sync of a few hundred reports has taken over a minute on a machine loaded to 25.
    }, { timeout: 180_000 })
    .toBe(true)
}

/** Screenshots the current screen in light and dark: the same helper the setup specs use. */
export { screenshotBothThemes } from './setup-steps.ts'

export function searchBox(page: Page) {
  return page.getByRole('combobox', { name: 'Search the library' })
}

/** The library's results region: the home, the list and its notices (the facets are beside it). */
export function resultsRegion(page: Page) {
  return page.getByRole('region', { name: 'Results', exact: true })
}

/** Waits until the list shows the results of exactly `query`. */
export async function waitForResults(page: Page, query: string): Promise<void> {
  await expect(resultsRegion(page)).toHaveAttribute('data-result-query', query)
  await expect(resultsRegion(page)).toHaveAttribute('data-status', 'ready')
}

/** The search results that have loaded (a row still loading is an option with no name yet). */
export function resultOptions(page: Page) {
  return page.getByRole('listbox', { name: 'Search results' }).getByRole('option', { name: /\S/ })
}

/** The loaded search result named `name` (a result is named by its report's name alone; `exact` for the whole name). */
export function resultOption(page: Page, name: string | RegExp, { exact = false } = {}) {
  return page.getByRole('listbox', { name: 'Search results' }).getByRole('option', { name, exact })
}

/** The result the arrows selected (the one Enter opens). */
export function selectedResult(page: Page) {
  return page.getByRole('listbox', { name: 'Search results' }).getByRole('option', { selected: true })
}

/** The names of the loaded results, top to bottom (as many as the list has rendered). */
export async function resultNames(page: Page): Promise<string[]> {
  return accessibleNames(page.getByRole('listbox', { name: 'Search results' }), 'option')
}

/** The facet panel beside the results. */
export function facetPanel(page: Page) {
  return page.getByRole('complementary', { name: 'Narrow results' })
}

/** One facet's values (buttons named "label, N reports"), e.g. facetValues(page, 'Collection'). */
export function facetValues(page: Page, title: string) {
  return facetPanel(page).getByRole('group', { name: title, exact: true }).getByRole('list').getByRole('button')
}

/** A facet value's label and count, read from its accessible name ("Sales, 12 reports"). */
export async function facetValue(value: Locator): Promise<{ label: string; count: number }> {
  const name = await accessibleName(value)
  const parts = /^(.*), ([\d,]+) reports?$/.exec(name)
  if (!parts) throw new Error(`a facet value named ${JSON.stringify(name)}`)
  return { label: parts[1] as string, count: Number((parts[2] as string).replace(/,/g, '')) }
}

/** Waits until the facet panel shows the counts for the current results (they follow the hits after a pause). */
export async function waitForFacets(page: Page): Promise<void> {
  await expect(facetPanel(page)).toHaveAttribute('aria-busy', 'false')
}
