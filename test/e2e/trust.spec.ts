// Which reports to trust, as an analyst meets it: is:failing lists exactly the reports whose last run failed,
// each row with its Failing badge (and its other statuses); the report page says why it is failing and lists
// related reports with their reasons; the Stale setting changes what is:stale finds.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { connectTo, resultOptions, searchBox, waitForResults } from './library-helpers.ts'
import { screenshotBothSizes, syncAgain } from './knowledge-helpers.ts'

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name })

async function searchFor(page: Page, query: string): Promise<void> {
  await nav(page, 'Library').click()
  await searchBox(page).fill(query)
  await waitForResults(page, query)
}

test('status badges on results and the report page, related reports, and the stale setting', async ({ app }) => {
  test.setTimeout(300_000)
  const sim = await connectTo(app, { reports: 60 })
  const { page } = app
  const space = sim.truth().spaces.find((s) => s.space_type !== 'private')!.token
  const target = sim.truth().reports.find((r) => !r.archived && r.last_run_at !== null && r.last_successfully_run_at === undefined && r.schedules.length === 0)!
  const sql = 'SELECT a.region, COUNT(*) AS accounts FROM {{ @active_accounts as a }} JOIN analytics.orders o ON o.account_id = a.id GROUP BY 1'
  sim.mutate({ ops: [
    { kind: 'failRun', token: target.token },
    { kind: 'addSchedule', token: target.token },
    { kind: 'editQuery', report_token: target.token, query_token: target.queries[0]!.token, raw_query: sql },
    { kind: 'createReport', space_token: space, name: 'Accounts by region, for the board', queries: [{ raw_query: sql.replace('COUNT(*)', 'COUNT(DISTINCT a.id)') }] },
  ] })
  await syncAgain(app)

  // is:failing: exactly the live reports whose last run came after their last success, each badged.
  const failing = sim.truth().reports.filter((r) => !r.archived && r.last_run_at !== null && r.last_successfully_run_at !== undefined
    && (r.last_successfully_run_at === null || r.last_successfully_run_at < r.last_run_at))
  expect(failing.length).toBeGreaterThan(1)
  await searchFor(page, 'is:failing')
  await expect(page.getByTestId('result-count')).toHaveText(`${failing.length} reports`)
  const rows = resultOptions(page)
  for (const row of await rows.all()) await expect(row.getByText('Failing', { exact: true })).toBeVisible()
  const failingTokens = new Set(failing.map((r) => r.token))
  for (const token of await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-token')))) expect(failingTokens.has(token ?? '')).toBe(true)
  await expect(rows.and(page.locator(`[data-token="${target.token}"]`)).getByText('Scheduled', { exact: true })).toBeVisible()
  await screenshotBothSizes(app, 'trust-results-failing')

  // Popular reports carry their badge in any search.
  await searchFor(page, 'is:popular')
  await expect(resultOptions(page).first().getByText('Popular', { exact: true })).toBeVisible()

  // The report page: why it is failing and scheduled, and the report on the same definition, with its reasons.
  await searchFor(page, 'is:failing')
  // By its identity: another report may share its name.
  await resultOptions(page).and(page.locator(`[data-token="${target.token}"]`)).click()
  const statuses = page.getByRole('list', { name: 'Status', exact: true })
  const status = (label: string) => statuses.getByRole('listitem').filter({ has: page.getByText(label, { exact: true }) })
  await expect(status('Failing')).toContainText(/did not succeed .*the last success was \d{4}-\d\d-\d\d/)
  await expect(status('Scheduled')).toContainText('Runs on 1 schedule.')
  const relatedSection = page.getByRole('region', { name: /^Related reports/ })
  const related = relatedSection.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Accounts by region, for the board', exact: true }) })
  // Each reason is a phrase of its own beside the report's name.
  await expect(related.getByText('Uses the definition @active_accounts', { exact: true })).toBeVisible()
  await expect(related.getByText(/^Reads .*analytics\.orders/)).toBeVisible()
  await screenshotBothSizes(app, 'trust-report-statuses', page.getByRole('heading', { level: 1 }))
  await screenshotBothSizes(app, 'trust-report-related', relatedSection)

  // Settings → Stale after: a shorter bar finds more stale reports, at once.
  const staleCount = async (): Promise<number> => {
    await searchFor(page, 'is:stale')
    return Number(((await page.getByTestId('result-count').textContent()) ?? '0').replace(/[^\d]/g, ''))
  }
  await page.keyboard.press('Control+,')
  await page.getByLabel('Stale after').selectOption('730')
  await expect(page.getByTestId('saved-staleAfterDays')).toHaveText('Saved')
  const lenient = await staleCount()
  await page.keyboard.press('Control+,')
  await page.getByLabel('Stale after').selectOption('30')
  await expect(page.getByTestId('saved-staleAfterDays')).toHaveText('Saved')
  expect(await staleCount()).toBeGreaterThan(lenient)
  expect(app.core.settings.get().staleAfterDays).toBe(30)
})
