// `is:deleted`: deleted reports are not in the search index (a search never shows them otherwise); their
// tombstones are searched instead, by name and SQL, every word required, newest deletion first.
import type { DatabaseSync } from 'node:sqlite'
import type { SearchHit, SearchResult } from '../../shared/model.ts'
import { listDeletedReports } from '../knowledge/history-reads.ts'
import { prepareCached } from '../library/statement-cache.ts'
import type { ParsedQuery } from './query-parser.ts'

export function searchDeletedReports(db: DatabaseSync, parsed: ParsedQuery, limit: number, offset: number, started: number): SearchResult {
  const words = parsed.terms.flatMap((t) => t.tokens)
  const all = listDeletedReports({ prepare: (sql) => prepareCached(db, sql) }, { words, limit: 1000 })
  const hits: SearchHit[] = all.slice(offset, offset + limit).map((r, i) => ({
    token: r.token, name: r.name, collection: r.collectionName, collectionToken: null, author: r.author, authorUsername: r.author,
    updatedAt: r.deletedAt, archived: r.archived, score: 1 / (1 + offset + i), snippet: null, fuzzy: false,
  }))
  return {
    hits,
    total: all.length,
    facets: { collections: [], authors: [], dataSources: [], tables: [] },
    tookMs: Math.round((performance.now() - started) * 100) / 100,
    usedFallback: false,
  }
}
