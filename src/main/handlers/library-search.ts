// Search over whichever library is open. The search service is per database, so one is kept per library and
// rebuilt when the library changes (connect to another workspace).
import type { Library } from '../library/index.ts'
import type { SearchRequest, SearchResult } from '../../shared/model.ts'

export interface LibrarySearch {
  search(library: Library | null, request: SearchRequest): SearchResult
}

const EMPTY: SearchResult = { hits: [], total: 0, facets: { collections: [], authors: [], dataSources: [], tables: [] }, tookMs: 0, usedFallback: false }

export function createLibrarySearch(): LibrarySearch {
  return {
    search(library, _request) {
      if (!library) return EMPTY
      // TODO(search helper): createSearchService(library.db) once src/main/search lands.
      return EMPTY
    },
  }
}
