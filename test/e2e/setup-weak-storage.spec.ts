// Linux without a keyring (safeStorage's basic_text backend): the wizard explains that storing would be no
// protection and requires a choice — session only (nothing written) or "store anyway" with an explicit
// acknowledgement (stored, labelled weak in Settings).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type AppHarness } from './fixtures.ts'
import { fillCredentials, openCredentialsStep, screenshotBothThemes } from './setup-steps.ts'

test.use({ keyringBackend: 'basic_text' })

/** Connect lands in the library; then whether a credentials file was written, and how Settings names the storage. */
async function connectAndCheckStorage(app: AppHarness, expected: { credentialsFile: boolean; settingsSay: string }): Promise<void> {
  const { page } = app
  await page.getByRole('button', { name: 'Connect' }).click()
  await expect(page.locator('[data-screen="shell"]')).toBeVisible()
  await app.core.scheduler.idle()
  expect(existsSync(join(app.dataDir, 'credentials.json'))).toBe(expected.credentialsFile)
  await page.getByRole('button', { name: /^Settings/ }).click()
  await expect(page.getByTestId('connection-storage')).toContainText(expected.settingsSay)
}

test('"Keep for this session only" connects without writing the credentials', async ({ app }) => {
  const { page } = app
  const sim = await app.startSimulator({ workspace: 'acme-analytics', reports: 8 })
  await openCredentialsStep(page)
  await expect(page.getByTestId('storage-choice')).toContainText('publicly known key')
  await fillCredentials(page, { workspace: sim.workspace, token: sim.token, password: sim.password })

  await page.getByRole('button', { name: 'Connect' }).click()
  await expect(page.getByTestId('storage-choice')).toContainText('Choose how to keep the credentials')
  await screenshotBothThemes(app, 'setup-weak-storage-choice')

  await page.getByRole('radio', { name: /Keep for this session only/ }).check()
  await connectAndCheckStorage(app, { credentialsFile: false, settingsSay: 'Kept for this session only' })
})

test('"Store anyway" needs the acknowledgement, then stores with weak protection', async ({ app }) => {
  const { page } = app
  const sim = await app.startSimulator({ workspace: 'acme-analytics', reports: 8 })
  await openCredentialsStep(page)
  await fillCredentials(page, { workspace: sim.workspace, token: sim.token, password: sim.password })
  await page.getByRole('radio', { name: /Store anyway/ }).check()
  await page.getByRole('button', { name: 'Connect' }).click()
  await expect(page.getByTestId('storage-choice')).toContainText('Tick the box')
  await expect(page.locator('[data-screen="setup"]')).toBeVisible()

  await page.getByRole('checkbox', { name: /I understand/ }).check()
  await screenshotBothThemes(app, 'setup-weak-storage-acknowledged')
  await connectAndCheckStorage(app, { credentialsFile: true, settingsSay: 'weak protection' })
})
