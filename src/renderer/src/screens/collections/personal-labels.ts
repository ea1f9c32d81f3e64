// Mode names every personal collection "Personal", so a grid or a report page would read "Personal" with no
// way to tell whose it is. Search hits carry the label the facets use ("Personal — <owner>"), so the owner
// is read from one hit of each personal collection. `library.listCollections` does not return the owner;
// a collection whose reports are all gone has no hit and keeps the plain name.
import { call } from '../../bridge.ts'

/** The label search uses for a collection ("Personal — ana"), or null when it has no report to read it from. */
export async function collectionLabel(token: string): Promise<string | null> {
  try {
    const found = await call('library.search', { query: `collection:"${token.replace(/"/g, '')}" include:archived`, limit: 1, facets: false })
    return found.hits[0]?.collection ?? null
  } catch {
    return null
  }
}

/** Labels for the personal collections among `collections`, by token (those it could not read are absent). */
export async function personalLabels(collections: readonly { token: string; isPersonal: boolean }[]): Promise<Map<string, string>> {
  const personal = collections.filter((c) => c.isPersonal)
  const labels = await Promise.all(personal.map(async (c) => [c.token, await collectionLabel(c.token)] as const))
  return new Map(labels.filter((l): l is readonly [string, string] => l[1] !== null))
}
