// `export DIR [--results]`: every report's SQL as files an analyst can keep under git, and with --results each
// query's cached last results as CSV beside its .sql (see export/write-export.ts).
import { resolve } from 'node:path'
import { getReportDetail } from '../../main/library/index.ts'
import type { Library } from '../../main/library/index.ts'
import { cachedResultsOf } from '../../main/library/report-content-read.ts'
import type { ReportDetail } from '../../shared/model.ts'
import { boolFlag, type ParsedCommand } from '../args.ts'
import { openExistingLibrary } from '../context.ts'
import { writeExport, type ExportReport } from '../export/write-export.ts'
import { formatCount, formatDuration, printJson, type CliIo, type Style } from '../output.ts'

export function toExportReport(r: ReportDetail): ExportReport {
  return {
    token: r.token,
    name: r.name,
    description: r.description,
    collection: r.collection,
    author: r.author ? (r.author.name ?? r.author.username) : null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    archived: r.archived,
    webUrl: r.webUrl,
    queriesSynced: r.queriesSynced,
    queries: r.queries.map((q) => ({ token: q.token, name: q.name, sql: q.sql, dataSource: q.dataSource?.name ?? null })),
  }
}

export function readAllReports(library: Library, { results = false } = {}): ExportReport[] {
  // Every member's personal collection is called "Personal" in Mode: name their folders after the owner.
  const owners = new Map(
    (library.prepare('SELECT token, owner_username FROM collections WHERE is_personal = 1 AND owner_username IS NOT NULL').all() as { token: string; owner_username: string }[]).map(
      (c) => [c.token, c.owner_username],
    ),
  )
  const tokens = library.prepare('SELECT token FROM reports ORDER BY token').all() as { token: string }[]
  const reports: ExportReport[] = []
  for (const { token } of tokens) {
    const detail = getReportDetail(library, token)
    if (!detail) continue
    const report = toExportReport(detail)
    if (results) {
      const kept = cachedResultsOf(library, token)
      report.queries = report.queries.map((q) => ({ ...q, results: kept.get(q.token) ?? null }))
    }
    const owner = report.collection ? owners.get(report.collection.token) : undefined
    if (report.collection && owner) report.collection = { ...report.collection, folder: `${report.collection.name} (${owner})` }
    reports.push(report)
  }
  return reports
}

export async function runExport(parsed: ParsedCommand, io: CliIo, style: Style): Promise<number> {
  const dir = resolve(parsed.positionals[0]!)
  const started = performance.now()
  const withResults = boolFlag(parsed, 'results')
  const library = openExistingLibrary(parsed, io)
  let reports: ExportReport[]
  try {
    reports = readAllReports(library, { results: withResults })
  } finally {
    await library.close()
  }
  const result = await writeExport(dir, library.workspace, reports)
  const durationMs = Math.round(performance.now() - started)
  if (boolFlag(parsed, 'json')) {
    printJson(io, { ...result, durationMs })
    return 0
  }
  const missingSql = reports.filter((r) => !r.queriesSynced).length
  const csvFiles = reports.reduce((n, r) => n + r.queries.filter((q) => q.results).length, 0)
  io.stdout.write(
    `Exported ${formatCount(result.reports, 'report')} as ${formatCount(result.files, '.sql file')} to ${style.bold(dir)} in ${formatDuration(durationMs)}\n` +
      style.dim(`  ${result.written} written, ${result.unchanged} unchanged, ${result.removed} removed (reports deleted, moved or renamed since the last export)\n`) +
      (withResults ? style.dim(`  ${formatCount(csvFiles, 'query', 'queries')} had cached results, written as .csv beside their .sql\n`) : '') +
      (missingSql ? style.yellow(`  ${formatCount(missingSql, 'report')} had no SQL yet: run "mode-companion sync" and export again.\n`) : ''),
  )
  return 0
}
