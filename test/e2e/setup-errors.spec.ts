// Each way "Connect" can fail reaches its own message and action, against the simulator as Mode (or a
// port nothing listens on, for offline). The fields keep what was typed, and the app stays on setup.
import type { Page } from '@playwright/test'
import type { Simulator } from '../../src/sim/server.ts'
import { expect, test, type AppHarness } from './fixtures.ts'
import { expectConnectError, fillCredentials, openCredentialsStep, screenshotBothThemes } from './setup-steps.ts'

async function connectExpectingError(app: AppHarness, sim: Simulator, over: { workspace?: string; token?: string; password?: string }): Promise<Page> {
  const { page } = app
  await openCredentialsStep(page)
  const values = { workspace: over.workspace ?? sim.workspace, token: over.token ?? sim.token, password: over.password ?? sim.password }
  await fillCredentials(page, values)
  await page.getByRole('button', { name: 'Connect' }).click()
  // Mode's 5xx answers are retried with back-off before the wizard hears of them: allow for it.
  await expect(page.getByTestId('connect-error')).toBeVisible({ timeout: 45_000 })
  // What was typed is still there, and the app did not move on.
  await expect(page.getByLabel('Workspace', { exact: true })).toHaveValue(values.workspace)
  await expect(page.getByLabel('API token', { exact: true })).toHaveValue(values.token)
  await expect(page.getByLabel('API token password', { exact: true })).toHaveValue(values.password)
  await expect(page.locator('[data-screen="setup"]')).toBeVisible()
  return page
}

test('a wrong password: Mode did not accept the credentials, cursor in the token field', async ({ app }) => {
  const sim = await app.startSimulator({ workspace: 'acme-analytics', reports: 5 })
  const page = await connectExpectingError(app, sim, { password: 'not-the-password' })
  await expectConnectError(page, 'bad_credentials', 'Mode did not accept this token and password')
  await expect(page.getByLabel('API token', { exact: true })).toBeFocused()
  await page.getByRole('button', { name: /Open Mode to check the key/ }).click()
  await expect.poll(() => app.openedUrls).toEqual(['https://app.mode.com/'])
  await screenshotBothThemes(app, 'setup-error-bad-credentials')
})

test('an unknown workspace: not found, cursor in the workspace field', async ({ app }) => {
  const sim = await app.startSimulator({ workspace: 'acme-analytics', reports: 5 })
  const page = await connectExpectingError(app, sim, { workspace: 'https://app.mode.com/no-such-team/reports/abc' })
  await expectConnectError(page, 'not_found', 'Workspace “no-such-team” was not found')
  await expect(page.getByLabel('Workspace', { exact: true })).toBeFocused()
  await screenshotBothThemes(app, 'setup-error-not-found')
})

test('a workspace the account is not a member of: says so', async ({ app }) => {
  const sim = await app.startSimulator({ workspace: 'acme-analytics', reports: 5, workspaces: [{ workspace: 'other-co', reports: 2, member: false }] })
  const page = await connectExpectingError(app, sim, { workspace: 'other-co' })
  await expectConnectError(page, 'no_access', 'This token cannot read workspace “other-co”')
})

test('Mode unreachable: offline, and "Try again" connects once Mode is back', async ({ app }) => {
  const sim = await app.startSimulator({ workspace: 'acme-analytics', reports: 5 })
  app.useModeAt(await app.unreachableModeUrl())
  const page = await connectExpectingError(app, sim, {})
  await expectConnectError(page, 'offline', 'Mode cannot be reached — you seem to be offline')
  await screenshotBothThemes(app, 'setup-error-offline')
  app.useModeAt(sim.url)
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(page.locator('[data-screen="shell"]')).toBeVisible()
})

test('Mode answering 500: Mode unavailable', async ({ app }) => {
  const sim = await app.startSimulator({ workspace: 'acme-analytics', reports: 5 })
  sim.setFaults([{ route: 'verify', kind: 'status', status: 500 }, { route: 'workspace', kind: 'status', status: 500 }])
  const page = await connectExpectingError(app, sim, {})
  await expectConnectError(page, 'server_error', 'Mode is unavailable right now')
  await screenshotBothThemes(app, 'setup-error-mode-unavailable')
})

test('a plan without API access: says so and offers the sample workspace', async ({ app }) => {
  const sim = await app.startSimulator({ workspace: 'acme-analytics', reports: 5 })
  sim.setFaults([{ route: 'verify', kind: 'status', status: 402 }])
  const page = await connectExpectingError(app, sim, {})
  await expectConnectError(page, 'plan_no_api', "This workspace's Mode plan has no API access")
  await expect(page.getByTestId('connect-error').getByRole('button', { name: 'Explore a sample workspace' })).toBeVisible()
  await screenshotBothThemes(app, 'setup-error-plan')
})

test('a broken secure connection (something in between that does not speak TLS): proxy or certificate problem', async ({ app }) => {
  const sim = await app.startSimulator({ workspace: 'acme-analytics', reports: 5 })
  // https to a plain-HTTP server fails the TLS handshake, as an intercepting proxy with a bad setup does.
  app.useModeAt(sim.url.replace(/^http:/, 'https:'))
  const page = await connectExpectingError(app, sim, {})
  await expectConnectError(page, 'tls_or_proxy', 'A proxy or certificate problem blocked the connection')
  await screenshotBothThemes(app, 'setup-error-proxy-or-certificate')
})
