// home.* calls: the library's home (pinned and recently opened reports) and the last session, per workspace.
// Entries are kept by token; what a list shows is read from the library at each call, so a renamed report reads
// as it is now and one no longer in the library drops out of the lists (its entry is kept, should it come back).
import type { HomeReport, HomeState } from '../../shared/home-model.ts'
import type { HomeEntry, WorkspaceHome } from '../home/home-store.ts'
import { reportSummaries } from '../library/report-summaries.ts'
import type { HandlerMap } from '../ipc.ts'
import type { HandlerContext } from './context.ts'

type HomeHandlers = Pick<HandlerMap, 'home.get' | 'home.opened' | 'home.setPinned' | 'home.setSession'>

const EMPTY: HomeState = { pinned: [], recent: [], lastQuery: '', lastReport: null }

export function homeHandlers(ctx: HandlerContext): HomeHandlers {
  const workspace = (): string | null => ctx.connection.getStatus().workspace
  const view = (home: WorkspaceHome): HomeState => {
    const library = ctx.connection.getLibrary()
    if (!library) return { ...EMPTY, lastQuery: home.lastQuery }
    const facts = reportSummaries(library, [...home.pinned, ...home.recent].map((e) => e.token))
    const shown = (entries: HomeEntry[]): HomeReport[] => entries.flatMap((e) => {
      const r = facts.get(e.token)
      return r ? [{ ...r, at: e.at }] : []
    })
    return {
      pinned: shown(home.pinned),
      recent: shown(home.recent),
      lastQuery: home.lastQuery,
      lastReport: home.lastReport !== null && (facts.has(home.lastReport) || reportSummaries(library, [home.lastReport]).size > 0) ? home.lastReport : null,
    }
  }
  const withWorkspace = (act: (ws: string) => WorkspaceHome): HomeState => {
    const ws = workspace()
    return ws === null ? EMPTY : view(act(ws))
  }
  return {
    'home.get': () => withWorkspace((ws) => ctx.home.get(ws)),
    'home.opened': ({ token }) => withWorkspace((ws) => ctx.home.opened(ws, token)),
    'home.setPinned': ({ token, pinned }) => withWorkspace((ws) => ctx.home.setPinned(ws, token, pinned)),
    'home.setSession': ({ query, report }) => {
      const ws = workspace()
      if (ws !== null) ctx.home.setSession(ws, query, report)
      return true
    },
  }
}
