// library.* and people.* calls: read models over the open library. Without a library (never connected, or
// just disconnected) reads answer empty rather than failing, so the UI shows its empty states.
import { AppFailure } from '../../shared/errors.ts'
import { getReportDetail, getStats, listCollections, listPeople } from '../library/index.ts'
import { fetchReportCharts } from '../sync/index.ts'
import type { HandlerMap } from '../ipc.ts'
import type { HandlerContext } from './context.ts'

type LibraryHandlers = Pick<HandlerMap,
  'library.search' | 'library.getReport' | 'library.fetchCharts' | 'library.listCollections' | 'library.getStats' | 'people.list'>

const EMPTY_STATS = { workspace: null, reports: 0, archivedReports: 0, queries: 0, reportsWithSql: 0, collections: 0, members: 0, groups: 0, dataSources: 0, lastSyncedAt: null, damagedCopy: null }

export function libraryHandlers(ctx: HandlerContext): LibraryHandlers {
  const library = () => ctx.connection.getLibrary()
  return {
    'library.search': (request) => ctx.search.search(library(), request),
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
