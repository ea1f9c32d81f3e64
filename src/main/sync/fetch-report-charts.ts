// Chart titles for one report, fetched when the user opens it while online (one request per query, which is
// why the nightly sync leaves them out unless the setting asks for them). Cached in the library.
import { AppFailure } from '../../shared/errors.ts'
import type { Library } from '../library/open-library.ts'
import { getReportDetail } from '../library/read-models.ts'
import type { ModeChart } from '../mode/schemas.ts'
import type { ReportDetail } from '../../shared/model.ts'
import { saveReportCharts } from '../library/writes/content-writes.ts'
import { saveChartFields } from '../library/writes/report-content-writes.ts'
import type { SyncClient } from './sync-client.ts'

export interface FetchReportChartsOptions {
  library: Library
  client: Pick<SyncClient, 'listCharts'>
  token: string
  signal?: AbortSignal
  now?: () => Date
}

/** Fetches and stores the report's chart titles; returns the updated report (null if it is not in the library). */
export async function fetchReportCharts(options: FetchReportChartsOptions): Promise<ReportDetail | null> {
  const { library, client, token, signal } = options
  const queryTokens = (library.prepare('SELECT token FROM queries WHERE report_token = ? ORDER BY position').all(token) as { token: string }[]).map((r) => r.token)
  if (!library.prepare('SELECT 1 FROM reports WHERE token = ?').get(token)) return null
  const byQuery = new Map<string, ModeChart[]>()
  // In sequence: a report has a handful of queries, and the limiter is shared with any running sync.
  for (const queryToken of queryTokens) {
    if (signal?.aborted) throw new AppFailure('cancelled', 'Fetching charts was cancelled.')
    byQuery.set(queryToken, await client.listCharts(token, queryToken, { signal }))
  }
  saveReportCharts(library, token, byQuery, (options.now?.() ?? new Date()).toISOString())
  saveChartFields(library, byQuery)
  return getReportDetail(library, token)
}
