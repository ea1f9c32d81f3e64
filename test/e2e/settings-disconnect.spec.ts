// Switching credentials keeps the library of the same workspace; disconnecting asks first, always forgets
// the stored credentials, and deletes the local library only when asked.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './fixtures.ts'
import { connectThroughWizard, expectConnectError, screenshotBothThemes } from './setup-steps.ts'

test('switch credentials, then disconnect and delete the local library', async ({ app }) => {
  const { page } = app
  const sim = await connectThroughWizard(app)
  const libraryFile = join(app.dataDir, 'libraries', 'acme-analytics.sqlite')
  const credentialsFile = join(app.dataDir, 'credentials.json')
  expect(existsSync(libraryFile)).toBe(true)
  expect(existsSync(credentialsFile)).toBe(true)

  // Switch credentials: step 2 opens with the workspace filled in; a failure keeps the app connected.
  await page.getByRole('button', { name: /^Settings/ }).click()
  await page.getByRole('button', { name: 'Switch credentials' }).click()
  await expect(page.getByRole('heading', { name: 'Switch credentials' })).toBeVisible()
  await expect(page.getByLabel('Workspace', { exact: true })).toHaveValue('acme-analytics')
  await expect(page.getByLabel('API token', { exact: true })).toBeFocused()
  await page.getByLabel('API token', { exact: true }).fill(sim.token)
  await page.getByLabel('API token password', { exact: true }).fill('an-old-password')
  await page.getByRole('button', { name: 'Connect' }).click()
  await expectConnectError(page, 'bad_credentials', 'Mode did not accept this token and password')
  await screenshotBothThemes(app, 'settings-switch-credentials-error')
  await page.getByLabel('API token password', { exact: true }).fill(sim.password)
  await page.getByRole('button', { name: 'Connect' }).click()
  await expect(page.locator('[data-screen="shell"]')).toBeVisible()
  await app.core.scheduler.idle()
  // Same workspace: the library was kept, so the sync after the switch was incremental.
  const history = await app.core.handlers['sync.history']({ limit: 10 })
  expect(history.map((r) => r.kind)).toEqual(['incremental', 'full'])

  // Disconnect: Cancel does nothing; confirming with "also delete" removes credentials and library.
  await page.getByRole('button', { name: /^Settings/ }).click()
  await page.getByRole('button', { name: 'Disconnect…' }).click()
  const dialog = page.getByRole('dialog', { name: /^Disconnect from / })
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await screenshotBothThemes(app, 'settings-disconnect-dialog')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toHaveCount(0)
  expect(existsSync(credentialsFile)).toBe(true)

  await page.getByRole('button', { name: 'Disconnect…' }).click()
  await dialog.getByRole('checkbox', { name: /Also delete the local library/ }).check()
  await dialog.getByRole('button', { name: 'Disconnect' }).click()
  await expect(page.getByRole('heading', { name: 'Connect your Mode workspace' })).toBeVisible()
  expect(existsSync(credentialsFile)).toBe(false)
  expect(existsSync(libraryFile)).toBe(false)
})

test('disconnecting without deleting keeps the library for later', async ({ app }) => {
  const { page } = app
  await connectThroughWizard(app)
  await page.getByRole('button', { name: /^Settings/ }).click()
  await page.getByRole('button', { name: 'Disconnect…' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Disconnect' }).click()
  await expect(page.locator('[data-screen="setup"]')).toBeVisible()
  expect(existsSync(join(app.dataDir, 'credentials.json'))).toBe(false)
  expect(existsSync(join(app.dataDir, 'libraries', 'acme-analytics.sqlite'))).toBe(true)
})
