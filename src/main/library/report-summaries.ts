// A line's worth of facts about a few reports by token (name, collection label, archived), for lists such as the
// home's pinned and recently opened reports. Reports no longer in the library are left out.
import { COLLECTION_LABEL_SQL } from '../search/facet-labels.ts'
import type { Library } from './open-library.ts'

export interface ReportSummary {
  token: string
  name: string
  collection: string | null
  archived: boolean
}

/** Names are cut here: these lists show one line each, and a hostile name can be megabytes long. */
const NAME_CHARS = 500

export function reportSummaries(library: Library, tokens: readonly string[]): Map<string, ReportSummary> {
  const out = new Map<string, ReportSummary>()
  if (tokens.length === 0) return out
  const read = library.prepare(
    `SELECT r.token, substr(coalesce(r.name, 'Untitled report'), 1, ${NAME_CHARS}) AS name, r.archived,
            substr(${COLLECTION_LABEL_SQL}, 1, ${NAME_CHARS}) AS collection
       FROM reports r LEFT JOIN collections c ON c.token = r.collection_token
      WHERE r.token = ?`,
  )
  for (const token of new Set(tokens)) {
    const row = read.get(token) as { token: string; name: string; archived: number; collection: string | null } | undefined
    if (row) out.set(token, { token: row.token, name: row.name, collection: row.collection, archived: Number(row.archived) === 1 })
  }
  return out
}
