// Linux without a keyring (safeStorage's basic_text backend): the wizard explains that storing would be no
// protection and requires a choice — session only (nothing written) or "store anyway" with an explicit
// acknowledgement (stored, labelled weak in Settings).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './fixtures.ts'
import { fillCredentials, openCredentialsStep, screenshotBothThemes } from './setup-steps.ts'

test.use({ keyringBackend: 'basic_text' })

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
  await page.getByRole('button', { name: 'Connect' }).click()
  await expect(page.locator('[data-screen="shell"]')).toBeVisible()
  await app.core.scheduler.idle()
  expect(existsSync(join(app.dataDir, 'credentials.json'))).toBe(false)

  await page.getByRole('button', { name: /^Settings/ }).click()
  await expect(page.getByTestId('connection-storage')).toContainText('Kept for this session only')
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
  await page.getByRole('button', { name: 'Connect' }).click()
  await expect(page.locator('[data-screen="shell"]')).toBeVisible()
  await app.core.scheduler.idle()
  expect(existsSync(join(app.dataDir, 'credentials.json'))).toBe(true)
  await page.getByRole('button', { name: /^Settings/ }).click()
  await expect(page.getByTestId('connection-storage')).toContainText('weak protection')
})
