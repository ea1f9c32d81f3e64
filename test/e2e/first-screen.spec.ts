// The first launch: the wizard's first step explains why to connect and how to get a token, and its buttons
// open Mode's pages in the browser through main's allow-list.
import { expect, test } from './fixtures.ts'
import { screenshotBothThemes } from './setup-steps.ts'

test('a first launch opens the setup wizard, whose buttons open Mode pages in the browser', async ({ app }) => {
  const { page } = app
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Connect your Mode workspace' })).toBeVisible()
  await expect(page.getByText('Create new API key')).toBeVisible()
  await expect(page.getByText('shown only once')).toBeVisible()
  // The window's first screen, exactly as it opens (top of the page, system theme).
  await app.screenshot('first-screen')

  await page.getByRole('button', { name: /^Open Mode/ }).click()
  await page.getByRole('button', { name: /Mode's guide to API keys/ }).click()
  await expect.poll(() => app.openedUrls).toEqual(['https://app.mode.com/', 'https://mode.com/help/articles/api-reference/'])

  await screenshotBothThemes(app, 'setup-step1')

  // Keyboard only: Tab reaches the continue button, Enter moves to step 2 with its heading focused.
  await page.getByRole('button', { name: 'I have my token — continue' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Enter your API token' })).toBeFocused()
})
