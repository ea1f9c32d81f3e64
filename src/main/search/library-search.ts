// Search over whichever library is open. The search service is per database, so one is kept per library and
// a new one made when the library changes (connect to another workspace). warm() is called when a library
// opens: the service loads every report's attributes in small steps in the background, so the first
// keystroke does not pay that load (about half a second at 100,000 reports) on the main thread.
import type { Library } from '../library/index.ts'
import { createSearchService, type SearchService } from './search-service.ts'
import type { SearchRequest, SearchResult } from '../../shared/model.ts'

export interface LibrarySearch {
  search(library: Library | null, request: SearchRequest): SearchResult
  /**
   * Starts loading the library's search service in the background (call when a library opens). Resolves when
   * it is ready, or early if another library is warmed meanwhile; never rejects. A search meanwhile works:
   * it waits only for what is still to load.
   */
  warm(library: Library | null): Promise<void>
}

const EMPTY: SearchResult = { hits: [], total: 0, facets: { collections: [], authors: [], dataSources: [], tables: [] }, tookMs: 0, usedFallback: false }

export function createLibrarySearch(options: { now?: () => Date; warmStepRows?: number } = {}): LibrarySearch {
  const services = new WeakMap<Library, SearchService>()
  const serviceFor = (library: Library): SearchService => {
    let service = services.get(library)
    if (!service) {
      service = createSearchService(library.db, { now: options.now })
      services.set(library, service)
    }
    return service
  }
  // Only the most recently opened library is warmed: switching workspaces stops the previous warm-up.
  let warming: Library | null = null
  return {
    search(library, request) {
      if (!library) return EMPTY
      return serviceFor(library).search(request)
    },
    async warm(library) {
      warming = library
      if (!library) return
      let service: SearchService
      try {
        service = serviceFor(library)
      } catch {
        return // a library closing as it opened: the next search reports what is wrong
      }
      await service.warm({ shouldStop: () => warming !== library, stepRows: options.warmStepRows })
    },
  }
}
