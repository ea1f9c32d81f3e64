import { expect, test } from './fixtures.ts'

test('the window opens on its first screen, talking to main through the bridge', async ({ app }) => {
  const { page } = app
  await expect(page.getByRole('heading', { name: 'Mode Companion' })).toBeVisible()
  // app.getInfo went through the injected preload API, the IPC registry and the real handler.
  await expect(page.getByTestId('app-version')).toContainText('Version 0.1.0')
  await app.screenshot('first-screen')
})
