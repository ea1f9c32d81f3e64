// "No API access yet?": the sample workspace starts a simulator on this computer, connects to it like to
// Mode, and the app labels everything as sample data — in the sidebar and in Settings.
import { expect, test } from './fixtures.ts'
import { screenshotBothThemes } from './setup-steps.ts'

test('exploring the sample workspace opens a labelled sample library, and leaving it returns to setup', async ({ app }) => {
  const { page } = app
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await page.getByRole('button', { name: 'Explore a sample workspace' }).click()

  await expect(page.locator('[data-screen="shell"]')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('sample-label')).toHaveText(/Sample data/)
  // Names are in: the library lists reports.
  await expect.poll(async () => (await app.core.handlers['library.getStats'](undefined)).reports).toBeGreaterThan(0)
  await app.core.scheduler.idle()
  await screenshotBothThemes(app, 'sample-library')

  await page.getByRole('button', { name: /^Settings/ }).click()
  await expect(page.getByTestId('connection-summary')).toContainText('sample workspace')
  await screenshotBothThemes(app, 'sample-settings')

  await page.getByRole('button', { name: 'Disconnect…' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Disconnect' }).click()
  await expect(page.getByRole('heading', { name: 'Connect your Mode workspace' })).toBeVisible()
  await expect(page.getByTestId('sample-label')).toHaveCount(0)
})
