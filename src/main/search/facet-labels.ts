// What facets and hits call collections, people, data sources and tables, looked up once and kept while the
// library is unchanged: a facet list shows up to 20 values per kind on every search, and a lookup each time
// cost about as much as counting the facets.
//
// Personal collections: Mode gives every member one, and they are all named "Personal", so a list of them
// (facets, hits) would read "Personal, Personal, Personal". They are shown as "Personal — <owner username>".
// `collection:Personal` still matches all of them (the name), and `collection:"Personal — ana"` (what choosing
// the facet puts in the query) matches ana's (see resolveCollections in search-service.ts).
import type { DatabaseSync } from 'node:sqlite'
import { prepareCached } from '../library/statement-cache.ts'

/** The separator between a personal collection's name and its owner. */
export const PERSONAL_SEPARATOR = ' — '

/** A collection as people see it: personal ones carry their owner's username. */
export function collectionLabel(name: string, personal: boolean, owner: string | null): string {
  return personal && owner ? `${name}${PERSONAL_SEPARATOR}${owner}` : name
}

/** SQL for the same label, over a `collections` row aliased `c` (filters compare against it). */
export const COLLECTION_LABEL_SQL = `CASE WHEN (c.is_personal = 1 OR c.space_type = 'private') AND c.owner_username IS NOT NULL
  THEN c.name || '${PERSONAL_SEPARATOR}' || c.owner_username ELSE c.name END`

export class FacetLabels {
  private readonly db: DatabaseSync
  private stamp = -1
  private readonly cache = new Map<string, string | null>()
  constructor(db: DatabaseSync) {
    this.db = db
  }

  /** Forgets everything when the library changed (stamp: the document store's change sequence). */
  validate(stamp: number): void {
    if (stamp === this.stamp) return
    this.cache.clear()
    this.stamp = stamp
  }

  private lookup(kind: string, key: string | number, read: () => string | null): string | null {
    const k = `${kind}\u0000${key}`
    if (this.cache.has(k)) return this.cache.get(k)!
    const v = read()
    this.cache.set(k, v)
    return v
  }

  collection(token: string): string | null {
    return this.lookup('c', token, () => {
      const row = prepareCached(this.db, `SELECT ${COLLECTION_LABEL_SQL} AS label FROM collections c WHERE c.token = ?`)
        .get(token) as { label: string | null } | undefined
      return row?.label ?? null
    })
  }

  /** A collection's own name (no owner): what a snippet from the collection field shows. */
  collectionName(token: string): string | null {
    return this.lookup('n', token, () =>
      (prepareCached(this.db, 'SELECT name FROM collections WHERE token = ?').get(token) as { name: string | null } | undefined)
        ?.name ?? null)
  }

  author(username: string): string | null {
    return this.lookup('a', username, () =>
      (prepareCached(this.db, 'SELECT name FROM members WHERE username = ?').get(username) as { name: string | null } | undefined)
        ?.name ?? null)
  }

  dataSource(id: string): string | null {
    return this.lookup('s', id, () =>
      (prepareCached(this.db, 'SELECT name FROM data_sources WHERE id = ?').get(id) as { name: string | null } | undefined)
        ?.name ?? null)
  }
}
