// library.* and people.* calls: read models over the open library. Without a library (never connected, or
// just disconnected) reads answer empty rather than failing, so the UI shows its empty states.
import { AppFailure } from '../../shared/errors.ts'
import { getReportDetail, getStats, listCollections, listPeople } from '../library/index.ts'
import { getCachedContentSize, getPreviewThumbnails, getReportContent } from '../library/report-content-read.ts'
import { clearCachedResults, markReportOpened } from '../library/writes/report-content-writes.ts'
import { fetchReportCharts } from '../sync/index.ts'
import type { HandlerMap } from '../ipc.ts'
import type { HandlerContext } from './context.ts'

type LibraryHandlers = Pick<HandlerMap,
  | 'library.search' | 'library.getReport' | 'library.fetchCharts' | 'library.listCollections' | 'library.getStats' | 'people.list'
  | 'library.getReportContent' | 'library.previewThumbnails' | 'library.getCachedContentSize' | 'library.clearCachedResults'>

const EMPTY_SIZE = { resultsBytes: 0, resultQueries: 0, previewBytes: 0, previews: 0 }

const EMPTY_STATS = { workspace: null, reports: 0, archivedReports: 0, queries: 0, reportsWithSql: 0, collections: 0, members: 0, groups: 0, dataSources: 0, lastSyncedAt: null, damagedCopy: null }

export function libraryHandlers(ctx: HandlerContext): LibraryHandlers {
  const library = () => ctx.connection.getLibrary()
  return {
    // The stale bar is the user's setting, whatever the renderer sent.
    'library.search': (request) => ctx.search.search(library(), { ...request, staleAfterDays: ctx.settings.get().staleAfterDays }),
    'library.getReport': ({ token }) => {
      const lib = library()
      return lib ? getReportDetail(lib, token) : null
    },
    'library.fetchCharts': async ({ token }) => {
      const session = ctx.connection.getSession()
      if (!session) throw new AppFailure('not_connected', 'Connect to Mode to fetch chart titles.', 'Reconnect the workspace, then open the report again.')
      const detail = await fetchReportCharts({ library: session.library, client: session.createClient({ maxAttempts: 2 }), token, now: ctx.now })
      ctx.emit('library.changed', { reports: 1 })
      return detail
    },
    'library.getReportContent': ({ token }) => {
      const lib = library()
      if (!lib) return null
      // Opening a report keeps it in the default results scope and its preview first under the disk cap.
      markReportOpened(lib, token, ctx.now().toISOString())
      return getReportContent(lib, token)
    },
    'library.previewThumbnails': ({ tokens }) => {
      const lib = library()
      return lib ? getPreviewThumbnails(lib, tokens) : {}
    },
    'library.getCachedContentSize': () => {
      const lib = library()
      return lib ? getCachedContentSize(lib) : EMPTY_SIZE
    },
    'library.clearCachedResults': () => {
      const lib = library()
      if (!lib) return EMPTY_SIZE
      clearCachedResults(lib)
      return getCachedContentSize(lib)
    },
    'library.listCollections': () => {
      const lib = library()
      return lib ? listCollections(lib) : []
    },
    'library.getStats': () => {
      const lib = library()
      return lib ? getStats(lib) : EMPTY_STATS
    },
    'people.list': () => {
      const lib = library()
      return lib ? listPeople(lib) : { members: [], groups: [] }
    },
  }
}
