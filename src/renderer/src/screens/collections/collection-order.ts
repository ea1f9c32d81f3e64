// How the Collections screen orders and opens collections.
import type { CollectionSummary } from '../../../../shared/model.ts'
import { filterTerm } from '../library/query-filters.ts'

export type CollectionSort = 'name' | 'reports'

export const COLLECTION_SORTS: { value: CollectionSort; label: string }[] = [
  { value: 'name', label: 'Name' },
  { value: 'reports', label: 'Most reports' },
]

/** Shared first, then personal ones by owner ("Personal — ana"), one whose owner is unknown last; by name or size. */
export function orderCollections(list: readonly CollectionSummary[], sort: CollectionSort): CollectionSummary[] {
  const byName = (a: CollectionSummary, b: CollectionSummary) =>
    Number(a.isPersonal) - Number(b.isPersonal) || Number(a.label === a.name && a.isPersonal) - Number(b.label === b.name && b.isPersonal) ||
    a.label.localeCompare(b.label) || a.token.localeCompare(b.token)
  return [...list].sort(sort === 'reports' ? (a, b) => b.reportCount - a.reportCount || byName(a, b) : byName)
}

/**
 * The library query that lists a collection: by its label, which reads well in the search box, unless another
 * collection shares that label (Mode allows two collections of one name), when only its token lists exactly it.
 */
export function collectionQuery(c: CollectionSummary, all: readonly CollectionSummary[]): string {
  const lower = c.label.toLowerCase()
  const shared = all.some((o) => o.token !== c.token && (o.label.toLowerCase() === lower || o.name.toLowerCase() === lower))
  return filterTerm('collection', shared ? c.token : c.label)
}
