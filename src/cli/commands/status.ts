// `status`: what the library holds (and the size of its cached results and previews), how the last sync went, and when the next nightly sync is due.
import { getStats, listSyncRuns } from '../../main/library/index.ts'
import { cachedContentSize } from '../../main/library/writes/report-content-writes.ts'
import { formatBytes } from '../../shared/format-bytes.ts'
import { nextNightly } from '../../main/sync/scheduler.ts'
import type { SyncRun } from '../../shared/model.ts'
import { boolFlag, type ParsedCommand } from '../args.ts'
import { damagedCopyNotice, openExistingLibrary, resolveDataDir } from '../context.ts'
import { columns, formatCount, formatDuration, formatLocalTime, printJson, skippedItemsText, type CliIo, type Style } from '../output.ts'
import { readAppSettings } from '../settings.ts'

export async function runStatus(parsed: ParsedCommand, io: CliIo, style: Style): Promise<number> {
  const dataDir = resolveDataDir(parsed, io)
  const library = openExistingLibrary(parsed, io)
  try {
    const stats = getStats(library)
    const cached = cachedContentSize(library)
    const runs = listSyncRuns(library, 1)
    const lastRun = runs[0] ?? null
    const settings = readAppSettings(dataDir)
    // The desktop app's schedule (the CLI itself never schedules anything; cron is the CLI's scheduler).
    const nextNightlyAt = new Date(nextNightly(Date.now(), settings.nightlySyncTime)).toISOString()
    // Found damaged by this very open: said on stderr, and the exit status is 1 so scripts notice too.
    const justMoved = library.damagedCopy !== null
    if (stats.damagedCopy) io.stderr.write(`${style.yellow('Warning:')} ${damagedCopyNotice(stats.damagedCopy, false)}\n`)
    if (boolFlag(parsed, 'json')) {
      printJson(io, { workspace: stats.workspace, library: library.path, stats, cachedContent: cached, lastRun, nightlySyncTime: settings.nightlySyncTime, nextNightlyAt })
      return justMoved ? 1 : 0
    }
    const rows: string[][] = [
      ['Workspace', style.bold(stats.workspace ?? library.workspace)],
      ['Library', library.path],
      ['Reports', `${stats.reports.toLocaleString('en-US')}${style.dim(` (${stats.archivedReports.toLocaleString('en-US')} archived, SQL for ${stats.reportsWithSql.toLocaleString('en-US')})`)}`],
      ['Queries', stats.queries.toLocaleString('en-US')],
      ['Collections', stats.collections.toLocaleString('en-US')],
      ['People', `${formatCount(stats.members, 'member')}, ${formatCount(stats.groups, 'group')}`],
      ['Data sources', stats.dataSources.toLocaleString('en-US')],
      // Results are the company's data: only their size is shown, never their contents.
      ['Cached results', `${formatBytes(cached.resultsBytes)}${style.dim(` (${formatCount(cached.resultQueries, 'query', 'queries')}; previews ${formatBytes(cached.previewBytes)}, ${formatCount(cached.previews, 'picture')})`)}`],
      ['Last sync', lastRun ? describeRun(lastRun, style) : style.dim('never')],
      ['Last success', stats.lastSyncedAt ? formatLocalTime(stats.lastSyncedAt) : style.dim('never')],
      ['Next nightly', `${formatLocalTime(nextNightlyAt)} ${style.dim(`(daily at ${settings.nightlySyncTime}, by the desktop app)`)}`],
    ]
    io.stdout.write(columns(rows, 3).join('\n') + '\n')
    if (lastRun?.errorMessage) io.stdout.write(`${' '.repeat(15)}${style.dim(lastRun.errorMessage)}\n`)
    if (lastRun && lastRun.itemsSkipped > 0) io.stdout.write(`${' '.repeat(15)}${style.dim(skippedItemsText(lastRun.itemsSkipped))}\n`)
    return justMoved ? 1 : 0
  } finally {
    await library.close()
  }
}

function describeRun(run: SyncRun, style: Style): string {
  const outcome = run.outcome ?? 'running'
  const colored = outcome === 'success' ? style.green(outcome) : outcome === 'partial' || outcome === 'running' ? style.yellow(outcome) : style.red(outcome)
  const took = run.endedAt ? ` · took ${formatDuration(Date.parse(run.endedAt) - Date.parse(run.startedAt))}` : ''
  return `${formatLocalTime(run.startedAt)} · ${run.kind} · ${colored} · ${formatCount(run.requests, 'request')}${took}`
}
