// Settings: every change is saved at once, survives a reload of the window (main kept it), and the theme
// applies the moment it is chosen, overriding the system's light or dark mode.
import { expect, test } from './fixtures.ts'
import { connectThroughWizard, screenshotBothThemes } from './setup-steps.ts'

test('changes to sync settings and the theme persist, and the theme applies immediately', async ({ app }) => {
  const { page } = app
  await connectThroughWizard(app)

  await page.keyboard.press('Control+,')
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeFocused()
  await expect(page.getByTestId('connection-summary')).toContainText('acme-analytics')
  await expect(page.getByTestId('connection-storage')).toContainText('keychain')
  await expect(page.getByTestId('data-dir')).toHaveText(app.dataDir)
  await screenshotBothThemes(app, 'settings')

  await page.getByLabel('Nightly sync time').fill('04:30')
  await expect(page.getByTestId('saved-nightlySyncTime')).toHaveText('Saved')
  await page.getByRole('switch', { name: 'Include chart titles in every sync' }).check()
  await expect(page.getByTestId('saved-includeChartsInSync')).toHaveText('Saved')
  await page.getByRole('switch', { name: 'Sync when the app opens' }).uncheck()
  await expect(page.getByTestId('saved-syncOnLaunch')).toHaveText('Saved')

  // The system says light; the override says dark, at once.
  await page.emulateMedia({ colorScheme: 'light' })
  await page.getByRole('radio', { name: 'Dark' }).check()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await app.screenshot('settings-theme-dark-override')

  expect(app.core.settings.get()).toMatchObject({ nightlySyncTime: '04:30', includeChartsInSync: true, syncOnLaunch: false, theme: 'dark' })

  // A fresh window reads them back from main.
  await page.reload()
  await expect(page.locator('[data-screen="shell"]')).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.getByRole('button', { name: /^Settings/ }).click()
  await expect(page.getByLabel('Nightly sync time')).toHaveValue('04:30')
  await expect(page.getByRole('switch', { name: 'Include chart titles in every sync' })).toBeChecked()
  await expect(page.getByRole('switch', { name: 'Sync when the app opens' })).not.toBeChecked()
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked()

  // Back to following the system.
  await page.getByRole('radio', { name: 'System' }).check()
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.emulateMedia({ colorScheme: 'light' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
})
