// Counts that agree everywhere: one rule (live reports, archived ones named beside them) for the library total,
// collection cards, people and facets, so a click lists exactly the number that was clicked.
import { expect, test } from './fixtures.ts'
import { connectTo, facetValues, screenshotBothThemes, searchBox, waitForFacets, waitForResults } from './library-helpers.ts'

test('a collection card, its click-through and its facet show the same count, with archived ones named', async ({ app }) => {
  // A first sync of 200 reports took over a minute with the load average at 25.
  test.setTimeout(240_000)
  const sim = await connectTo(app, { reports: 200 })
  const { page } = app
  const truth = sim.truth()
  // Mode lists datasets among a collection's reports (never archived): the library counts them as reports too.
  const items = [
    ...truth.reports.map((r) => ({ space_token: r.space_token, creator_username: r.creator_username, archived: r.archived })),
    ...truth.datasets.map((d) => ({ space_token: d.space_token, creator_username: d.creator_username, archived: false })),
  ]
  const live = items.filter((r) => !r.archived)
  const archived = items.length - live.length
  expect(archived).toBeGreaterThan(0)

  // The library total: the live reports, and how many archived ones it hides.
  await waitForResults(page, '')
  await expect(page.getByTestId('result-count')).toHaveText(`${live.length} reports in your library · ${archived} archived`)

  // A shared collection holding archived reports (the simulator archives about one in sixteen).
  const space = truth.spaces
    .filter((s) => s.space_type !== 'private')
    .map((s) => ({ s, live: live.filter((r) => r.space_token === s.token).length, archived: items.filter((r) => r.space_token === s.token && r.archived).length }))
    .filter((x) => x.archived > 0 && x.live > 0)
    .sort((a, b) => b.live - a.live)[0]
  if (!space) throw new Error('no shared collection with archived reports')

  await page.getByRole('button', { name: 'Collections', exact: true }).click()
  // By its identity (two collections may share a name); named by its name, its count read after it.
  const card = page.getByRole('list', { name: 'Collections' }).getByRole('button', { name: space.s.name, exact: true }).and(page.locator(`[data-token="${space.s.token}"]`))
  await expect(card).toHaveAccessibleDescription(new RegExp(`${space.live} reports · ${space.archived} archived$`))
  await screenshotBothThemes(app, 'collections')

  await card.click()
  const query = await searchBox(page).inputValue()
  expect(query).toMatch(/^collection:/)
  await waitForResults(page, query)
  await expect(page.getByTestId('result-count')).toHaveText(`${space.live} reports`)
  // The open collection is named above its reports, with the card's count.
  await expect(page.getByTestId('collection-header')).toContainText(space.s.name)
  await expect(page.getByTestId('collection-header')).toContainText(`${space.live} reports · ${space.archived} archived`)
  await waitForFacets(page)
  await expect(facetValues(page, 'Collection').first()).toHaveAccessibleName(`${space.s.name}, ${space.live} ${space.live === 1 ? 'report' : 'reports'}`)
  await screenshotBothThemes(app, 'collection-open')

  // People: the count beside a person lists that many reports.
  const person = truth.members
    .map((m) => ({ m, live: live.filter((r) => r.creator_username === m.username).length, archived: items.filter((r) => r.creator_username === m.username && r.archived).length }))
    .filter((x) => x.live > 0)
    .sort((a, b) => b.archived - a.archived || b.live - a.live)[0]!
  await page.getByRole('button', { name: 'People', exact: true }).click()
  const row = page.getByRole('table', { name: 'Members' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: person.m.username, exact: true }) })
  const reports = row.getByRole('button', { name: /reports by/ })
  await expect(reports).toHaveText(String(person.live))
  await expect(row.getByRole('cell').filter({ has: page.getByRole('button', { name: /reports by/ }) })).toHaveText(person.archived > 0 ? `${person.live} · ${person.archived} archived` : String(person.live))
  await reports.click()
  await waitForResults(page, `author:${person.m.username}`)
  await expect(page.getByTestId('result-count')).toHaveText(`${person.live} ${person.live === 1 ? 'report' : 'reports'}`)
})
