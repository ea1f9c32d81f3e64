// Offline: Mode is unreachable and the machine reports no network. The library still searches and reports
// still open from the local copy, and the app says it is offline rather than failing.
import { expect, test } from './fixtures.ts'
import { connectTo, resultOption, screenshotBothThemes, searchBox, waitForResults } from './library-helpers.ts'

test('with the simulator stopped and no network, search and report views still work', async ({ app, context }) => {
  const sim = await connectTo(app, { reports: 100 })
  const { page } = app
  await waitForResults(page, '')

  // Mode goes away, then the network.
  await sim.close()
  app.useModeAt(await app.unreachableModeUrl())
  await context.setOffline(true)

  // A sync attempt fails as offline, and the status says so.
  await app.core.handlers['sync.start']({ full: false })
  await app.core.scheduler.idle()
  await expect(page.getByTestId('sync-status')).toContainText('Offline')
  await expect(page.getByTestId('offline-note')).toBeVisible()

  // Search still answers from the local library.
  const target = sim.truth().reports.find((r) => !r.archived && r.name && r.queries.length > 0)
  if (!target?.name) throw new Error('no report to look for')
  const box = searchBox(page)
  await box.fill(target.name)
  await waitForResults(page, target.name)
  await expect(resultOption(page, target.name).first()).toBeVisible()
  await screenshotBothThemes(app, 'library-offline')

  // And the report opens with its SQL.
  await resultOption(page, target.name).first().click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.name)
  await expect(page.getByRole('textbox', { name: /^SQL of / }).first()).toBeVisible()
  await expect(page.getByText('Offline — showing your local copy')).toBeVisible()
  await screenshotBothThemes(app, 'report-offline')

  // The Sync screen names the problem and offers the fix.
  await page.getByTestId('sync-status').click()
  await expect(page.getByRole('button', { name: /Retry|Reconnect/ })).toBeVisible()
  await screenshotBothThemes(app, 'sync-offline')
  await context.setOffline(false)
})
