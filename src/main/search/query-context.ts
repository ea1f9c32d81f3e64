// What one search carries through its steps (matching, filters, ranking, facets): the library's connection,
// its in-memory attributes, the buffers and caches reused between searches, and the rows ranking hands on.
import type { DatabaseSync } from 'node:sqlite'
import type { SearchFacets } from '../../shared/model.ts'
import type { DocStore } from './doc-store.ts'
import type { FacetLabels } from './facet-labels.ts'
import type { Acronyms } from './acronyms.ts'
import type { MatchBuffers, RowidCache, TermMatch } from './match-set.ts'
import type { TableNames } from './table-names.ts'
import type { WordForms } from './word-forms.ts'

export interface QueryContext {
  db: DatabaseSync
  store: DocStore
  /** Days since 1970 (recency boost). */
  today: number
  /** The stale setting (is:stale); absent: the default. */
  staleAfterDays?: number
  /** Term matches of this search by FTS text (the fallback re-runs unchanged words). */
  memo: Map<string, TermMatch>
  buffers: MatchBuffers
  rowidCache: RowidCache
  labels: FacetLabels
  forms: WordForms
  tables: TableNames
  acronyms: Acronyms
  /** Whether a newer search made this one pointless (checked between its steps). */
  superseded: () => boolean
}

/** Thrown between the steps of a search that a newer one made pointless (QueryContext.superseded). */
export class SearchSuperseded extends Error {
  constructor() {
    super('superseded by a newer search')
    this.name = 'SearchSuperseded'
  }
}

/** Stops the search here if a newer one made it pointless. */
export function checkpoint(ctx: QueryContext): void {
  if (ctx.superseded()) throw new SearchSuperseded()
}

export interface RankedRow {
  id: number
  token: string
  score: number
  /** Lacks some of the query's words (soft AND). */
  partial?: boolean
}

export interface QueryOutcome {
  total: number
  top: RankedRow[]
  facets: SearchFacets
  /** Each query word's matches (why a hit matched, which words a partial one lacks); valid until the search ends. */
  matches: TermMatch[]
  /** Every full match's document id, when asked for (facets or a sort other than relevance); valid until the search ends. */
  ids?: Int32Array
}
