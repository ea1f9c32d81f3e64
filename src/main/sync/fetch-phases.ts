// The fetching phases of a sync: each changed report's SQL (most recently edited first), then chart titles.
// A report deleted since it was listed is no error: the next listing removes it.
import type { ModeChart } from '../mode/schemas.ts'
import { pendingChartReports, pendingQueryReports, saveReportCharts, saveReportQueries } from '../library/writes/content-writes.ts'
import { saveChartFields } from '../library/writes/report-content-writes.ts'
import { extractTableRefs } from '../sql/table-refs.ts'
import { throwIfAborted, type RunContext } from './run-context.ts'
import { runPool } from './run-pool.ts'
import { errorCode } from './sync-errors.ts'

export async function fetchQueries(ctx: RunContext): Promise<void> {
  const { library, client, signal, tracker, counters, checkpoint } = ctx
  const pending = pendingQueryReports(library, checkpoint.refetchBeforeRun)
  tracker.phase('queries', pending.length)
  await runPool(
    pending,
    ctx.concurrency,
    async (report) => {
      try {
        const queries = await client.listQueries(report.token, { signal })
        if (saveReportQueries(library, report.token, report.signature, queries, extractTableRefs, ctx.iso(), ctx.runId)) {
          counters.queriesFetched++
          ctx.onLibraryChanged?.({ reports: 1 })
        }
      } catch (error) {
        // A report deleted since it was listed: the next listing removes it; nothing to count.
        if (errorCode(error) !== 'not_found' || signal?.aborted) ctx.itemFailed(error)
      }
      tracker.advance()
    },
    signal,
  )
  throwIfAborted(signal)
}

export async function fetchCharts(ctx: RunContext): Promise<void> {
  const { library, client, signal, tracker, checkpoint } = ctx
  const pending = pendingChartReports(library, checkpoint.refetchBeforeRun)
  tracker.phase('charts', pending.length)
  await runPool(
    pending,
    ctx.concurrency,
    async (report) => {
      try {
        const byQuery = new Map<string, ModeChart[]>()
        for (const queryToken of report.queryTokens) byQuery.set(queryToken, await client.listCharts(report.token, queryToken, { signal }))
        if (saveReportCharts(library, report.token, byQuery, ctx.iso(), ctx.runId)) ctx.onLibraryChanged?.({ reports: 1 })
        saveChartFields(library, byQuery)
      } catch (error) {
        if (errorCode(error) !== 'not_found' || signal?.aborted) ctx.itemFailed(error)
      }
      tracker.advance()
    },
    signal,
  )
  throwIfAborted(signal)
}
