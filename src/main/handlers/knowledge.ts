// knowledge.* calls: SQL history and diffs, the change feed, tombstones and duplicates, read from the open
// library. Without a library they answer empty, like the other library reads.
import { listChanges } from '../knowledge/change-feed.ts'
import { listDuplicateGroups } from '../knowledge/duplicate-reads.ts'
import { diffVersions, getDeletedReport, getReportHistory } from '../knowledge/history-reads.ts'
import { DEFAULT_HISTORY_LIMITS, historyUsage } from '../knowledge/history-limits.ts'
import { reportStatusReasons, statusPolicy } from '../knowledge/status-reads.ts'
import type { HandlerMap } from '../ipc.ts'
import type { HandlerContext } from './context.ts'

type KnowledgeHandlers = Pick<HandlerMap,
  'knowledge.reportHistory' | 'knowledge.diff' | 'knowledge.changes' | 'knowledge.duplicates' |
  'knowledge.deletedReport' | 'knowledge.usage' | 'knowledge.reportStatus' | 'knowledge.related'>

export function knowledgeHandlers(ctx: HandlerContext): KnowledgeHandlers {
  const library = () => ctx.connection.getLibrary()
  return {
    'knowledge.reportHistory': ({ token }) => {
      const lib = library()
      return lib ? getReportHistory(lib, token) : null
    },
    'knowledge.diff': ({ from, to }) => {
      const lib = library()
      return lib ? diffVersions(lib, from, to) : null
    },
    'knowledge.changes': ({ since, limit }) => {
      const lib = library()
      const now = ctx.now()
      if (!lib) return { lastSync: null, lastSyncChanges: [], since: since ?? now.toISOString(), changes: [], counts: {} }
      return listChanges(lib, { since: since === undefined ? undefined : new Date(since).toISOString(), limit, now })
    },
    'knowledge.duplicates': ({ limit }) => {
      const lib = library()
      return lib ? listDuplicateGroups(lib, { limit }) : { groups: [], total: 0, reportsInGroups: 0 }
    },
    'knowledge.reportStatus': ({ token }) => {
      const lib = library()
      return lib ? reportStatusReasons(lib.db, token, statusPolicy(lib.db, ctx.now().getTime(), ctx.settings.get().staleAfterDays)) : []
    },
    // Whole-library reads (every report sharing a table): answered by the search worker, off the main thread.
    'knowledge.related': ({ token }) => ctx.search.related(library(), token),
    'knowledge.deletedReport': ({ token }) => {
      const lib = library()
      return lib ? getDeletedReport(lib, token) : null
    },
    'knowledge.usage': () => {
      const lib = library()
      const usage = lib ? historyUsage(lib) : { versions: 0, tombstones: 0, changes: 0, bytes: 0 }
      return { ...usage, maxBytes: DEFAULT_HISTORY_LIMITS.maxHistoryBytes, retentionDays: ctx.settings.get().historyRetentionDays }
    },
  }
}
