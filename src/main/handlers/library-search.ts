// Search over whichever library is open. The search service is per database, so one is kept per library and
// a new one made when the library changes (connect to another workspace).
import type { Library } from '../library/index.ts'
import { createSearchService, type SearchService } from '../search/search-service.ts'
import type { SearchRequest, SearchResult } from '../../shared/model.ts'

export interface LibrarySearch {
  search(library: Library | null, request: SearchRequest): SearchResult
}

const EMPTY: SearchResult = { hits: [], total: 0, facets: { collections: [], authors: [], dataSources: [], tables: [] }, tookMs: 0, usedFallback: false }

export function createLibrarySearch(options: { now?: () => Date } = {}): LibrarySearch {
  const services = new WeakMap<Library, SearchService>()
  return {
    search(library, request) {
      if (!library) return EMPTY
      let service = services.get(library)
      if (!service) {
        service = createSearchService(library.db, { now: options.now })
        services.set(library, service)
      }
      return service.search(request)
    },
  }
}
