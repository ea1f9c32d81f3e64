// "No API access yet?": the sample workspace starts a simulator on this computer, connects to it like to
// Mode, and the app labels everything as sample data — in the sidebar and in Settings; its reports explain that
// they have no page in Mode, and there is no nightly sync to set.
import { expect, test } from './fixtures.ts'
import { resultOptions } from './library-helpers.ts'
import { screenshotBothThemes } from './setup-steps.ts'

test('exploring the sample workspace opens a labelled sample library, and leaving it returns to setup', async ({ app }) => {
  // The sample's first names take a while on a loaded machine (seen past 30 s with the load average at 15).
  test.setTimeout(240_000)
  const { page } = app
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await page.getByRole('button', { name: 'Explore a sample workspace' }).click()

  await expect(page.locator('[data-screen="shell"]')).toBeVisible({ timeout: 90_000 })
  await expect(page.getByTestId('sample-label')).toHaveText(/Sample data/)
  // Names are in: the library lists reports.
  await expect.poll(async () => (await app.core.handlers['library.getStats'](undefined)).reports).toBeGreaterThan(0)
  await app.core.scheduler.idle()
  await screenshotBothThemes(app, 'sample-library')

  // The sample exists only on this computer: a report explains that instead of linking to app.mode.com.
  await resultOptions(page).first().click()
  await expect(page.getByTestId('sample-no-link')).toContainText('exists only on this computer')
  await expect(page.getByRole('button', { name: /Open in Mode/ })).toHaveCount(0)
  await screenshotBothThemes(app, 'sample-report')
  // Nor is there a nightly sync to set or announce.
  await page.getByRole('button', { name: 'Sync', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Sync', level: 1 })).toBeVisible()
  await expect(page.getByTestId('next-sync')).toHaveCount(0)

  await page.getByRole('button', { name: /^Settings/ }).click()
  await expect(page.getByTestId('connection-summary')).toContainText('sample workspace')
  await expect(page.getByLabel('Nightly sync time')).toHaveCount(0)
  await expect(page.getByLabel('Sync when the app opens')).toBeVisible()
  await screenshotBothThemes(app, 'sample-settings')

  await page.getByRole('button', { name: 'Disconnect…' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Disconnect' }).click()
  await expect(page.getByRole('heading', { name: 'Connect your Mode workspace' })).toBeVisible()
  await expect(page.getByTestId('sample-label')).toHaveCount(0)
})
