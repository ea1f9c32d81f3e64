// The first launch: both ways in — explore the sample, connect with a token — are on screen without scrolling,
// at the default window size and at the smallest one; the token how-to is folded away until asked for, and its
// buttons open Mode's pages in the browser through main's allow-list.
import { expect, test } from './fixtures.ts'
import { screenshotBothThemes } from './setup-steps.ts'

for (const size of [{ width: 1280, height: 820 }, { width: 880, height: 560 }]) {
  test(`at ${size.width}×${size.height} the first screen shows both paths without scrolling`, async ({ app }) => {
    const { page } = app
    await page.setViewportSize(size)
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Connect your Mode workspace' })).toBeVisible()
    const sample = page.getByRole('button', { name: 'Explore a sample workspace' })
    const token = page.getByRole('button', { name: 'I have my token — continue' })
    // Wholly inside the window as it opens: nothing scrolled, nothing cut.
    await expect(sample).toBeInViewport({ ratio: 1 })
    await expect(token).toBeInViewport({ ratio: 1 })
    expect(await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY)).toBe(0)
    expect(await page.getByRole('main', { name: 'Set up Mode Companion' }).evaluate((el) => el.scrollTop)).toBe(0)
    // The how-to waits behind its disclosure.
    await expect(page.getByText('Create new API key')).toBeHidden()
    await screenshotBothThemes(app, `first-screen-${size.width}x${size.height}`)
  })
}

test('the token how-to opens from its disclosure, and its buttons open Mode pages in the browser', async ({ app }) => {
  const { page } = app
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  // Keyboard: the disclosure's summary is focusable and opens with Enter.
  await page.getByText('How to create an API token and find your workspace name').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByText('Create new API key')).toBeVisible()
  await expect(page.getByText('shown only once')).toBeVisible()

  await page.getByRole('button', { name: /^Open Mode/ }).click()
  await page.getByRole('button', { name: /Mode's guide to API keys/ }).click()
  await expect.poll(() => app.openedUrls).toEqual(['https://app.mode.com/', 'https://mode.com/help/articles/api-reference/'])
  await screenshotBothThemes(app, 'setup-step1-howto')

  // Keyboard only: Enter on the continue button moves to step 2 with its heading focused.
  await page.getByRole('button', { name: 'I have my token — continue' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Enter your API token' })).toBeFocused()
})
