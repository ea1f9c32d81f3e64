// savedSearches.* calls: the open workspace's saved searches (save, rename, reorder, delete and undo) and how many
// reports each lists now. Without a workspace there is nothing to keep them under: reads answer empty and
// changes are refused.
import type { SavedSearch, SavedSearchCount } from '../../shared/model.ts'
import { AppFailure } from '../../shared/errors.ts'
import type { HandlerMap } from '../ipc.ts'
import type { HandlerContext } from './context.ts'

type SavedSearchHandlers = Pick<HandlerMap,
  'savedSearches.list' | 'savedSearches.save' | 'savedSearches.rename' | 'savedSearches.move' | 'savedSearches.remove'
  | 'savedSearches.restore' | 'savedSearches.counts'>

export function savedSearchHandlers(ctx: HandlerContext): SavedSearchHandlers {
  const workspace = (): string | null => ctx.connection.getStatus().workspace
  const edit = (act: (ws: string) => SavedSearch[]): SavedSearch[] => {
    const ws = workspace()
    if (ws === null) throw new AppFailure('not_connected', 'Connect to a workspace to keep saved searches.')
    return act(ws)
  }
  return {
    'savedSearches.list': () => {
      const ws = workspace()
      return ws === null ? [] : ctx.savedSearches.list(ws)
    },
    'savedSearches.save': ({ name, query }) => edit((ws) => ctx.savedSearches.save(ws, name, query)),
    'savedSearches.rename': ({ id, name }) => edit((ws) => ctx.savedSearches.rename(ws, id, name)),
    'savedSearches.move': ({ id, to }) => edit((ws) => ctx.savedSearches.move(ws, id, to)),
    'savedSearches.remove': ({ id }) => edit((ws) => ctx.savedSearches.remove(ws, id)),
    'savedSearches.restore': ({ search, index }) => edit((ws) => ctx.savedSearches.restore(ws, search, index)),
    'savedSearches.counts': async () => {
      const ws = workspace()
      const library = ctx.connection.getLibrary()
      if (ws === null || library === null) return []
      const staleAfterDays = ctx.settings.get().staleAfterDays
      const counts: SavedSearchCount[] = []
      // One at a time in the search worker, one hit each: the total is all a count needs, and a list of at most
      // 200 searches stays a few milliseconds each without holding main's event loop.
      for (const s of ctx.savedSearches.list(ws)) {
        const result = await ctx.search.search(library, { query: s.query, limit: 1, offset: 0, facets: false, staleAfterDays })
        counts.push({ id: s.id, count: result.total })
      }
      return counts
    },
  }
}
