// Shared steps of the analyst-workspace specs (library, report, sync, offline, people, saved searches):
// connect the real core to a simulator, wait for the first sync, and take light and dark screenshots.
import type { Page } from '@playwright/test'
import type { Simulator, SimulatorOptions } from '../../src/sim/server.ts'
import type { AppHarness } from './fixtures.ts'
import { expect } from './fixtures.ts'

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

/** Waits until the list shows the results of exactly `query`. */
export async function waitForResults(page: Page, query: string): Promise<void> {
  await expect(page.locator('.results-pane')).toHaveAttribute('data-result-query', query)
  await expect(page.locator('.results-pane')).toHaveAttribute('data-status', 'ready')
}

/** The search results that have loaded (a row still loading is an option with no name yet). */
export function resultOptions(page: Page) {
  return page.getByRole('listbox', { name: 'Search results' }).getByRole('option', { name: /\S/ })
}

/** The loaded search result whose accessible name (its name, place, author, snippet) contains `text`. */
export function resultOption(page: Page, text: string) {
  return page.getByRole('listbox', { name: 'Search results' }).getByRole('option', { name: text })
}

export async function resultNames(page: Page): Promise<string[]> {
  return page.locator('.result .result-name').allTextContents()
}

/** Waits until the facet panel shows the counts for the current results (they follow the hits after a pause). */
export async function waitForFacets(page: Page): Promise<void> {
  await expect(page.locator('aside.facets')).toHaveAttribute('aria-busy', 'false')
}
