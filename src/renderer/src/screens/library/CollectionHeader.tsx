// When the library lists one collection (its card was clicked, or `collection:` typed), a header names it, with its
// description and the same count the card showed.
import { useEffect } from 'react'
import type { CollectionSummary } from '../../../../shared/model.ts'
import { reportCountText } from '../../../../shared/report-counts.ts'
import { useCollections } from '../../stores/collections.ts'
import { queryTerms } from './query-filters.ts'

/** The collection a query lists on its own (only `collection:…`, perhaps with an archived switch), if one. */
export function openCollection(query: string, collections: readonly CollectionSummary[]): CollectionSummary | null {
  const terms = queryTerms(query).filter((t) => !/^(include|is):archived$/i.test(t))
  if (terms.length !== 1) return null
  const m = /^collection:"?([^"]*)"?$/i.exec(terms[0]!)
  if (!m) return null
  const value = m[1]!.toLowerCase()
  const matches = collections.filter((c) => c.token === m[1] || c.label.toLowerCase() === value)
  return matches.length === 1 ? matches[0]! : null
}

export function CollectionHeader({ query }: { query: string }) {
  const collections = useCollections((s) => s.collections)
  useEffect(() => { if (!useCollections.getState().collections) void useCollections.getState().load() }, [])
  const c = collections ? openCollection(query, collections) : null
  if (!c) return null
  return (
    <header className="collection-header" data-testid="collection-header" aria-label={`Collection ${c.label}`}>
      <h2>{c.label}</h2>
      <span className="collection-header-count">{reportCountText(c.reportCount, c.archivedCount)}</span>
      {c.description && <p className="collection-header-description">{c.description}</p>}
    </header>
  )
}
