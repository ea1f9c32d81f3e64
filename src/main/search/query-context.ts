// What one search carries through its steps (matching, filters, ranking, facets): the library's connection,
// its in-memory attributes, the buffers and caches reused between searches, and the rows ranking hands on.
import type { DatabaseSync } from 'node:sqlite'
import type { SearchFacets } from '../../shared/model.ts'
import type { DocStore } from './doc-store.ts'
import type { FacetLabels } from './facet-labels.ts'
import type { MatchBuffers, RowidCache, TermMatch } from './match-set.ts'

export interface QueryContext {
  db: DatabaseSync
  store: DocStore
  /** Days since 1970 (recency boost). */
  today: number
  /** Term matches of this search by FTS text (the fallback re-runs unchanged words). */
  memo: Map<string, TermMatch>
  buffers: MatchBuffers
  rowidCache: RowidCache
  labels: FacetLabels
}

export interface RankedRow {
  id: number
  token: string
  score: number
}

export interface QueryOutcome {
  total: number
  top: RankedRow[]
  facets: SearchFacets
}
