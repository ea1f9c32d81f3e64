// Duplicate detection during the sync, incrementally: copies made in the workspace (reformatted, aliases
// renamed, literals changed) are grouped with their original after the next sync, the most viewed copy leads
// the group, and editing a copy into a different query takes it out again — without redescribing the rest.
import { describe, expect, it } from 'vitest'
import { syncWorkspace } from '../../../src/main/sync/sync-workspace.ts'
import { duplicateReportTokens, listDuplicateGroups, similarReports } from '../../../src/main/knowledge/duplicate-reads.ts'
import { diffVersions } from '../../../src/main/knowledge/history-reads.ts'
import { createSearchService } from '../../../src/main/search/search-service.ts'
import { fastClient } from '../sync/sync-harness.ts'
import { suiteLibrary } from '../sync/suite-fixtures.ts'

const ORIGINAL = `SELECT c.region, date_trunc('month', o.created_at) AS month, SUM(o.amount) AS revenue, COUNT(DISTINCT o.customer_id) AS buyers
FROM analytics.orders o
JOIN analytics.customers c ON c.id = o.customer_id
WHERE o.status = 'paid' AND o.created_at >= '2024-01-01'
GROUP BY 1, 2
ORDER BY 2, 3 DESC`
const REFORMATTED_COPY = `-- copied for the board deck
select C2.region, DATE_TRUNC('month', ord.created_at) as mth, sum(ord.amount) as total_revenue, count(distinct ord.customer_id) as customers
from analytics.orders ord join analytics.customers C2 on C2.id = ord.customer_id
where ord.status = 'refunded' and ord.created_at >= '2025-06-01'
group by 1, 2 order by 2, 3 desc`
const DRIFTED_COPY = `${ORIGINAL.replace('ORDER BY 2, 3 DESC', 'HAVING SUM(o.amount) > 0\nORDER BY 2, 3 DESC')}`
// Nearly the same text, another question: the average order, not the revenue.
const ANOTHER_MEASURE = ORIGINAL.replace('SUM(o.amount) AS revenue', 'AVG(o.amount) AS avg_order')

describe('duplicates are found during the sync', () => {
  const suite = suiteLibrary({ seed: 5150, reports: 30 })

  it('groups copies with the likely original, lists them as similar, and drops an edited-away copy', async () => {
    const { sim, library } = suite
    const client = fastClient(sim)
    const space = sim.truth().spaces.find((s) => s.space_type !== 'private')!.token
    const [original, copy, drifted, average] = sim.mutate({
      ops: [
        { kind: 'createReport', space_token: space, name: 'Revenue by region', queries: [{ raw_query: ORIGINAL }] },
        { kind: 'createReport', space_token: space, name: 'Revenue by region (copy)', queries: [{ raw_query: REFORMATTED_COPY }] },
        { kind: 'createReport', space_token: space, name: 'Revenue by region, positive only', queries: [{ raw_query: DRIFTED_COPY }] },
        { kind: 'createReport', space_token: space, name: 'Average order by region', queries: [{ raw_query: ANOTHER_MEASURE }] },
      ],
    }) as { token: string }[]
    expect((await syncWorkspace({ library, client, kind: 'full', trigger: 'test' })).run.outcome).toBe('success')
    // The simulator creates reports unviewed; the most viewed copy is the likely original.
    library.db.prepare('UPDATE reports SET view_count = 500 WHERE token = ?').run(original!.token)

    const group = listDuplicateGroups(library).groups.find((g) => g.members.some((m) => m.reportToken === original!.token))
    expect(group?.members.map((m) => m.reportToken).sort()).toEqual([original!.token, copy!.token, drifted!.token].sort())
    const byToken = new Map(group!.members.map((m) => [m.reportToken, m]))
    expect(byToken.get(copy!.token)!.kind).toBe('exact')
    expect(byToken.get(drifted!.token)!.kind).toBe('near')
    expect(byToken.get(drifted!.token)!.similarity).toBeGreaterThanOrEqual(0.8)
    expect(duplicateReportTokens(library).has(copy!.token)).toBe(true)
    // is:duplicate narrows a search to exactly the reports with a copy elsewhere.
    const search = createSearchService(library.db)
    const found = search.search({ query: 'is:duplicate', limit: 500 }).hits.map((h) => h.token)
    expect(new Set(found)).toEqual(new Set([...duplicateReportTokens(library)].filter((t) => !library.db.prepare('SELECT archived FROM reports WHERE token = ? AND archived = 1').get(t))))
    expect(search.search({ query: 'is:duplicate "Revenue by region"', limit: 50 }).hits.map((h) => h.token).sort()).toEqual([original!.token, copy!.token, drifted!.token].sort())

    // A copy's diff against the likely original is the real text difference.
    const lead = group!.members[0]!
    expect(lead.reportToken).toBe(original!.token)
    const other = group!.members.find((m) => m.kind !== 'original' && m.originalQueryToken !== null)!
    const diff = diffVersions(library, { queryToken: other.originalQueryToken!, versionId: null }, { queryToken: other.queryToken, versionId: null })
    expect(diff!.added + diff!.removed).toBeGreaterThan(0)
    expect(lead.kind).toBe('original')

    const similar = similarReports(library, original!.token).map((s) => [s.reportToken, s.kind])
    expect(similar).toEqual(expect.arrayContaining([[copy!.token, 'exact'], [drifted!.token, 'near']]))
    expect(similar.map(([token]) => token)).not.toContain(average!.token)
    expect(duplicateReportTokens(library).has(average!.token)).toBe(false)

    // Edit the copy into a different question: the next (incremental) sync describes only that query again.
    const shapesBefore = library.db.prepare('SELECT count(*) AS n FROM query_shapes').get() as { n: number }
    const copyQuery = sim.truth().reports.find((r) => r.token === copy!.token)!.queries[0]!.token
    sim.mutate({ ops: [{ kind: 'editQuery', report_token: copy!.token, query_token: copyQuery, raw_query: 'SELECT status, COUNT(*) AS n FROM analytics.orders WHERE created_at > current_date - 7 GROUP BY status' }] })
    await syncWorkspace({ library, client, trigger: 'test' })
    expect(library.db.prepare('SELECT count(*) AS n FROM query_shapes').get()).toEqual(shapesBefore)
    expect(similarReports(library, original!.token).map((s) => s.reportToken)).not.toContain(copy!.token)
    expect(duplicateReportTokens(library).has(copy!.token)).toBe(false)
    expect(duplicateReportTokens(library).has(drifted!.token)).toBe(true)
    // is:duplicate keeps its set between searches, and sees the sync that changed it.
    const after = search.search({ query: 'is:duplicate "Revenue by region"', limit: 50 }).hits.map((h) => h.token)
    expect(after).toContain(drifted!.token)
    expect(after).not.toContain(copy!.token)
  })
})
