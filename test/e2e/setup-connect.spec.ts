// A successful connection against the simulator as Mode: a pasted Mode address gives the workspace name,
// Connect checks live, the first sync starts at once and the library opens with the report names.
import { expect, test } from './fixtures.ts'
import { fillCredentials, openCredentialsStep, screenshotBothThemes } from './setup-steps.ts'

test('connecting with a pasted workspace address opens the library as the first sync brings names in', async ({ app }) => {
  const { page } = app
  const sim = await app.startSimulator({ workspace: 'acme-analytics', reports: 60, seed: 11 })
  await openCredentialsStep(page)
  await expect(page.getByTestId('storage-strong')).toContainText('encrypted')

  await fillCredentials(page, { workspace: `https://app.mode.com/${sim.workspace}/reports/8f2c1a9b`, token: ` ${sim.token} `, password: `${sim.password}\n` })
  await expect(page.getByTestId('workspace-understood')).toHaveText(/Workspace: acme-analytics/)
  await screenshotBothThemes(app, 'setup-step2-filled')

  await page.getByRole('button', { name: 'Connect' }).click()
  await expect(page.locator('[data-screen="shell"]')).toBeVisible()
  await expect(page.getByTestId('sidebar-workspace')).toBeVisible()
  await expect(page.getByTestId('sample-label')).toHaveCount(0)

  // The library shows report names from the workspace (the first sync wrote them).
  const names = sim.truth().reports.map((r) => r.name).filter((n): n is string => !!n)
  await expect.poll(async () => {
    const text = (await page.locator('main').textContent()) ?? ''
    return names.some((n) => text.includes(n))
  }).toBe(true)
  await app.core.scheduler.idle()
  await screenshotBothThemes(app, 'library-after-connect')

  // The secret never reaches the page.
  const html = await page.content()
  expect(html).not.toContain(sim.password)
  expect(html).not.toContain(sim.token)
})
