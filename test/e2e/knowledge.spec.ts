// What changed, SQL diffs and duplicates as an analyst meets them: after a sync that saw an SQL edit, a
// rename, a move, an archive, a deletion and a copied report, the feed lists each, "View diff" shows the edit,
// the Duplicates view groups the copy with its original, and the report page shows its SQL history.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { connectTo } from './library-helpers.ts'
import { screenshotBothSizes, syncAgain } from './knowledge-helpers.ts'

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name })

test('the change feed, a diff of an SQL edit, the duplicates and a report\u2019s SQL history', async ({ app }) => {
  // Two syncs and five screens shot in two themes at two sizes: longer than the default on a busy machine.
  test.setTimeout(300_000)
  const sim = await connectTo(app, { reports: 40 })
  const { page } = app
  const reports = sim.truth().reports.filter((r) => r.queries.length > 0 && r.queries[0]!.raw_query.length > 200)
  const [edited, renamed, moved, archived, deleted, copied] = reports
  const otherSpace = sim.truth().spaces.find((s) => s.token !== moved!.space_token)!
  const editedSql = edited!.queries[0]!.raw_query
  sim.mutate({ ops: [
    { kind: 'editQuery', report_token: edited!.token, query_token: edited!.queries[0]!.token,
      raw_query: editedSql.replace(/\n/, '\n  -- excludes test accounts\n').replace(/GROUP BY/, 'AND NOT is_test\nGROUP BY') },
    { kind: 'editReport', token: renamed!.token, name: 'Weekly revenue (final)' },
    { kind: 'moveReport', token: moved!.token, space_token: otherSpace.token },
    { kind: 'archiveReport', token: archived!.token },
    { kind: 'deleteReport', token: deleted!.token },
    { kind: 'createReport', space_token: copied!.space_token, name: `${copied!.name ?? 'Untitled'} (copy)`,
      queries: [{ raw_query: `-- copied from the original\n${copied!.queries[0]!.raw_query.toLowerCase()}` }] },
  ] })
  await syncAgain(app)

  // What changed: the last sync, one row per change.
  await nav(page, 'What changed').click()
  const feed = page.getByRole('list', { name: 'Changes' })
  await expect(feed.getByRole('listitem')).toHaveCount(6)
  // Each report's button is described by its kind of change.
  const describedAs = (kind: string) => page.getByRole('button', { description: new RegExp(`^${kind}\\b`) })
  const changed = (kind: string) => feed.getByRole('button').and(describedAs(kind))
  for (const kind of ['SQL edited', 'Renamed', 'Moved', 'Archived', 'Deleted', 'New']) await expect(changed(kind)).toHaveCount(1)
  await expect(changed('Renamed')).toHaveAccessibleName('Weekly revenue (final)')
  const item = (kind: string) => feed.getByRole('listitem').filter({ has: describedAs(kind) })
  await screenshotBothSizes(app, 'knowledge-changes')

  // The SQL edit opens its diff: the added lines are marked.
  await item('SQL edited').getByRole('button', { name: 'View diff' }).click()
  const diff = page.getByTestId('sql-diff')
  await expect(diff).toBeVisible()
  // Side by side, an added line's cell is named as such (it has no + column).
  await expect(diff.getByRole('cell', { name: /^Added: / }).first()).toContainText(/excludes test accounts|is_test/)
  await screenshotBothSizes(app, 'knowledge-diff-side')
  await page.getByRole('radio', { name: 'Inline' }).check()
  await expect(diff).toHaveAttribute('data-layout', 'inline')
  await expect(diff.getByRole('row').filter({ has: page.getByRole('cell', { name: 'added', exact: true }) }).first()).toContainText(/excludes test accounts|is_test/)
  await screenshotBothSizes(app, 'knowledge-diff-inline')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('changes-screen')).toBeVisible()

  // A deleted report opens its tombstone with its last SQL.
  await changed('Deleted').click()
  await expect(page.getByTestId('deleted-report')).toContainText('Deleted')
  await expect(page.getByTestId('deleted-report').getByRole('textbox', { name: /^SQL of / }).first()).toBeVisible()

  // Duplicates: the copy is grouped with its original, with a diff against it.
  await nav(page, 'Duplicates').click()
  const group = page.getByTestId('duplicate-group').filter({ hasText: `${copied!.name ?? 'Untitled'} (copy)` })
  await expect(group).toBeVisible()
  await expect(group.getByText('Likely original', { exact: true })).toBeVisible()
  await screenshotBothSizes(app, 'knowledge-duplicates')
  await group.getByRole('button', { name: 'Diff against original' }).first().click()
  await expect(page.getByTestId('diff-screen')).toBeVisible()
  await page.keyboard.press('Escape')

  // The edited report's page: "SQL changed once" and the diff between its two versions.
  await app.core.handlers['library.getReport']({ token: edited!.token })
  await page.evaluate(() => undefined)
  await nav(page, 'What changed').click()
  await changed('SQL edited').click()
  const history = page.getByTestId('sql-history')
  await expect(history.getByTestId('sql-history-summary')).toHaveText(/SQL changed once, last/)
  await expect(history.getByTestId('sql-diff')).toBeVisible()
  await history.scrollIntoViewIfNeeded()
  await screenshotBothSizes(app, 'knowledge-report-history')
})
