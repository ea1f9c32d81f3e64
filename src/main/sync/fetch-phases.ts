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
  const { library, client, signal, counters, checkpoint } = ctx
  await eachPendingReport(ctx, 'queries', pendingQueryReports(library, checkpoint.refetchBeforeRun), async (report) => {
    const queries = await client.listQueries(report.token, { signal })
    if (saveReportQueries(library, report.token, report.signature, queries, extractTableRefs, ctx.iso(), ctx.runId)) {
      counters.queriesFetched++
      ctx.onLibraryChanged?.({ reports: 1 })
    }
  })
}

export async function fetchCharts(ctx: RunContext): Promise<void> {
  const { library, client, signal, checkpoint } = ctx
  await eachPendingReport(ctx, 'charts', pendingChartReports(library, checkpoint.refetchBeforeRun), async (report) => {
    const byQuery = new Map<string, ModeChart[]>()
    for (const queryToken of report.queryTokens) byQuery.set(queryToken, await client.listCharts(report.token, queryToken, { signal }))
    if (saveReportCharts(library, report.token, byQuery, ctx.iso(), ctx.runId)) ctx.onLibraryChanged?.({ reports: 1 })
    saveChartFields(library, byQuery)
  })
}

/** One phase over reports, `concurrency` at a time: each one's failure counted, the phase's progress advanced. */
async function eachPendingReport<T>(ctx: RunContext, phase: 'queries' | 'charts', pending: T[], fetchOne: (report: T) => Promise<void>): Promise<void> {
  const { signal, tracker } = ctx
  tracker.phase(phase, pending.length)
  await runPool(
    pending,
    ctx.concurrency,
    async (report) => {
      try {
        await fetchOne(report)
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
