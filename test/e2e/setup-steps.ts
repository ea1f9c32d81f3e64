// Steps the setup and settings specs share: reach the wizard's step 2, fill it as a user would, and save a
// screenshot in light and in dark.
import { expect, type Page } from '@playwright/test'
import type { AppHarness } from './fixtures.ts'
import type { Simulator } from '../../src/sim/server.ts'

export async function openCredentialsStep(page: Page): Promise<void> {
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await page.getByRole('button', { name: 'I have my token — continue' }).click()
  await expect(page.getByRole('heading', { name: 'Enter your API token' })).toBeVisible()
}

export async function fillCredentials(page: Page, values: { workspace: string; token: string; password: string }): Promise<void> {
  await page.getByLabel('Workspace', { exact: true }).fill(values.workspace)
  await page.getByLabel('API token', { exact: true }).fill(values.token)
  await page.getByLabel('API token password', { exact: true }).fill(values.password)
}

/** The connect failure shown, once it is there. */
/** Connects through the wizard to a small simulated workspace and waits for the shell and the first sync. */
export async function connectThroughWizard(app: AppHarness): Promise<Simulator> {
  const sim = await app.startSimulator({ workspace: 'acme-analytics', reports: 8 })
  await openCredentialsStep(app.page)
  await fillCredentials(app.page, { workspace: sim.workspace, token: sim.token, password: sim.password })
  await app.page.getByRole('button', { name: 'Connect' }).click()
  await expect(app.page.locator('[data-screen="shell"]')).toBeVisible()
  await app.core.scheduler.idle()
  return sim
}

export async function expectConnectError(page: Page, code: string, title: string | RegExp): Promise<void> {
  const alert = page.getByTestId('connect-error')
  await expect(alert).toHaveAttribute('data-error-code', code)
  // The alert is named by its title.
  await expect(alert).toHaveAccessibleName(title)
  await expect(alert).toContainText('What to do:')
}

/** Saves `<name>-light.png` and `<name>-dark.png`. */
export async function screenshotBothThemes(app: AppHarness, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await app.page.emulateMedia({ colorScheme })
    await expect(app.page.locator('html')).toHaveAttribute('data-theme', colorScheme)
    // Buttons and nav items ease their colours (120 ms): wait for those transitions to end, or the dark shot
    // catches them half-way and they look disabled.
    // Only transitions (a spinner's animation never ends); a cancelled one rejects, which is as good as done.
    await app.page.evaluate(() => {
      type Anim = { constructor: { name: string }; finished: Promise<unknown> }
      const all = (globalThis as unknown as { document: { getAnimations: () => Anim[] } }).document.getAnimations()
      const done = Promise.all(all.filter((a) => a.constructor.name === 'CSSTransition').map((a) => a.finished.catch(() => null)))
      return Promise.race([done, new Promise((r) => setTimeout(r, 1000))])
    })
    await app.screenshot(`${name}-${colorScheme}`)
  }
  await app.page.emulateMedia({ colorScheme: 'light' })
}
