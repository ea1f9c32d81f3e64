// library.exportSql: a report's SQL (one query or all of them) written to a .sql file the user picks in a save
// dialog. The renderer names only the report and query tokens; main reads the SQL from its own library, builds the
// file name from server data through the export sanitiser, and writes only where the dialog said.
import { writeFile } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import type { QueryDetail, ReportDetail } from '../../shared/model.ts'
import { safeName } from '../../cli/export/file-names.ts'
import { AppFailure } from '../../shared/errors.ts'
import type { HandlerMap } from '../ipc.ts'
import { getReportDetail } from '../library/index.ts'
import type { HandlerContext } from './context.ts'

/** Asks where to save (Electron: the save dialog); resolves to the chosen path, or null when cancelled. */
export type ChooseSaveFile = (suggestedName: string) => Promise<string | null>

const clean = (s: string): string => s.replace(/[\r\n]+/g, ' ').trim()

/** The file: a header naming the report (and its link), then each query under a comment naming it. */
export function sqlExportText(report: ReportDetail, queries: QueryDetail[]): string {
  const head = [`-- Report: ${clean(report.name)}${report.archived ? ' (archived)' : ''}`]
  if (report.webUrl) head.push(`-- Link:   ${report.webUrl}`)
  const body = queries.map((q, i) => {
    const lines = [`-- Query:  ${clean(q.name ?? `Query ${report.queries.indexOf(q) + 1 || i + 1}`)}`]
    if (q.dataSource) lines.push(`-- Source: ${clean(q.dataSource.name)}`)
    return `${lines.join('\n')}\n${q.sql.replace(/\r\n?/g, '\n').replace(/\s+$/, '')}\n`
  })
  return `${head.join('\n')}\n\n${body.join('\n')}`
}

export function exportSqlHandlers(ctx: HandlerContext, chooseSaveFile: ChooseSaveFile | null): Pick<HandlerMap, 'library.exportSql'> {
  return {
    'library.exportSql': async ({ token, query }) => {
      const library = ctx.connection.getLibrary()
      if (!library) throw new AppFailure('not_connected', 'Connect a workspace to export its SQL.')
      const report = getReportDetail(library, token)
      if (!report) throw new AppFailure('not_found', 'This report is no longer in the library.')
      const queries = query === null ? report.queries : report.queries.filter((q) => q.token === query)
      if (queries.length === 0) throw new AppFailure('not_found', query === null ? 'This report has no SQL to export yet.' : 'This query is no longer in the library.')
      if (!chooseSaveFile) throw new AppFailure('internal', 'Saving files is not available in this window.')
      const one = query === null ? null : (queries[0] as QueryDetail)
      const suggested = `${safeName(report.name, 'Report')}${one ? ` - ${safeName(one.name, 'Query')}` : ''}.sql`
      const chosen = await chooseSaveFile(suggested)
      if (!chosen) return { saved: false, fileName: null }
      const path = extname(chosen).toLowerCase() === '.sql' ? chosen : `${chosen}.sql`
      await writeFile(path, sqlExportText(report, queries), 'utf8')
      return { saved: true, fileName: basename(path) }
    },
  }
}
