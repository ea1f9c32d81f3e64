// Export .sql writes what main's own library holds for the report, to the path the save dialog gave.
import { describe, expect, it } from 'vitest'
import type { ReportDetail } from '../../../src/shared/model.ts'
import { sqlExportText } from '../../../src/main/handlers/export-sql.ts'

const report: ReportDetail = {
  token: 'r1', name: 'NRR\nby cohort', description: null, collection: null, author: null, createdAt: null, updatedAt: null, editedAt: null,
  lastRunAt: null, archived: true, viewCount: 0, webUrl: 'https://app.mode.com/acme/reports/r1', queriesSynced: true, chartsFetchedAt: null,
  queries: [
    { token: 'q1', name: 'Cohorts', sql: 'select 1\r\nfrom t  \n\n', dataSource: { id: '1', name: 'Snowflake', adapter: 'jdbc:snowflake' }, tables: [], charts: [] },
    { token: 'q2', name: null, sql: 'select 2', dataSource: null, tables: [], charts: [] },
  ],
}

describe('sqlExportText', () => {
  it('heads the file with the report and its link, and each query with its name and source; SQL kept as written', () => {
    expect(sqlExportText(report, report.queries)).toBe(
      '-- Report: NRR by cohort (archived)\n-- Link:   https://app.mode.com/acme/reports/r1\n\n'
      + '-- Query:  Cohorts\n-- Source: Snowflake\nselect 1\nfrom t\n\n-- Query:  Query 2\nselect 2\n',
    )
    expect(sqlExportText(report, [report.queries[1]!])).toContain('-- Query:  Query 2\nselect 2\n')
  })
})
