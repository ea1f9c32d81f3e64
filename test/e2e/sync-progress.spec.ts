// A sync slow enough to watch (simulator latency): the badge and the Sync screen show its progress, Cancel
// stops it, and the history records the run. Then the status reads as synced with a next scheduled run.
import { expect, test } from './fixtures.ts'
import { definitionsIn, namesIn } from './aria-helpers.ts'
import { connectTo, resultOptions, screenshotBothThemes, waitForSyncIdle } from './library-helpers.ts'

test('sync progress is visible in the badge and the Sync screen, and Cancel stops it', async ({ app }) => {
  // Big and slow enough that the first sync cannot end before Cancel, however loaded the machine; the run
  // after it is fast.
  test.setTimeout(180_000)
  const sim = await connectTo(app, { reports: 1200, latencyMs: 120 }, { waitForSync: false })
  const { page } = app
  const badge = page.getByTestId('sync-status')
  await expect(badge).toContainText('Syncing')

  await badge.click()
  await expect(page.getByRole('heading', { name: 'Sync', level: 1 })).toBeVisible()
  const progress = page.getByTestId('sync-progress')
  await expect(progress).toBeVisible()
  // Progress moves: the counts change while we watch.
  const counts = page.getByTestId('sync-counts')
  const before = await counts.textContent()
  await expect(counts).not.toHaveText(before ?? '')
  // Every count carries its unit, and the phase reads the same in the badge as on the screen.
  await expect(counts).toHaveText(/^[\d,]+ (of [\d,]+ )?(collections?|reports?|lists?)( so far)?$/)
  // (Read together, in one snapshot: the phase may move on between two separate reads.)
  await expect.poll(async () => {
    const tree = await page.ariaSnapshotJSON()
    const phase = definitionsIn(tree).get('Phase') ?? ''
    return phase !== '' && namesIn(tree, 'button').some((name) => name.startsWith('Sync status:') && name.includes(phase))
  }).toBe(true)
  // Cancelling loses nothing: a neutral button, not a red one.
  await expect(page.getByRole('button', { name: 'Cancel sync' })).not.toHaveClass(/btn-danger/)
  await screenshotBothThemes(app, 'sync-running')

  await page.getByRole('button', { name: 'Cancel sync' }).click()
  await expect(page.getByRole('button', { name: 'Sync now' })).toBeVisible()
  await expect(progress).toBeHidden()
  const history = page.getByRole('table', { name: 'History' })
  // The newest run first (row 0 holds the column headers).
  const newest = history.getByRole('row').nth(1)
  await expect(newest).toContainText('cancelled')
  // The history gives each run's start as a date and time, not "5 min ago".
  const started = newest.getByRole('cell').first()
  await expect(started).toHaveText(new RegExp(`${new Date().getFullYear()}.*\\d{1,2}:\\d{2}`))
  await expect(started).not.toHaveText(/ago|just now/)

  // Sync now runs again to the end; the history gains a successful run and the badge reads "Synced".
  sim.setLatency(0)
  await page.getByRole('button', { name: 'Sync now' }).click()
  await expect(badge).toContainText('Syncing')
  await waitForSyncIdle(app)
  await expect(badge).toContainText('Synced')
  await expect(newest).toContainText('success')
  await expect(page.getByTestId('next-sync')).not.toHaveText('not scheduled')
  await screenshotBothThemes(app, 'sync-history')
})

test('an empty library says so, and a failed first sync offers Retry, which fills it', async ({ app }) => {
  const sim = await app.startSimulator({ seed: 2024, reports: 60 })
  // Every collection listing fails: the first sync cannot bring any names.
  sim.setFaults([{ route: 'spaces', kind: 'status', status: 503 }])
  const outcome = await app.core.handlers['connection.connect']({ token: sim.token, password: sim.password, workspace: sim.workspace })
  expect(outcome.ok).toBe(true)
  const { page } = app
  await expect(page.getByTestId('empty-library')).toBeVisible()
  await expect(page.getByTestId('sync-status')).toContainText('Sync failed', { timeout: 60_000 })
  await expect(page.getByTestId('empty-library')).toContainText('The sync could not bring your reports')
  // The heading agrees with the body: not "on its way" once the sync has failed.
  await expect(page.getByTestId('empty-library').getByRole('heading')).toHaveText('Your library could not be filled yet')
  await screenshotBothThemes(app, 'library-empty')

  await page.getByRole('button', { name: 'Open sync details', exact: true }).click()
  const retry = page.getByRole('button', { name: 'Retry' })
  await expect(retry).toBeVisible()
  await screenshotBothThemes(app, 'sync-error')

  sim.clearFaults()
  await retry.click()
  await waitForSyncIdle(app)
  await page.getByRole('button', { name: /^Library/ }).click()
  await expect(resultOptions(page).first()).toBeVisible()
  await expect(page.getByTestId('empty-library')).toBeHidden()
})
