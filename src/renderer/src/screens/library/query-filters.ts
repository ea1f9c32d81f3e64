// Editing the query text the way facets, toggles and links do: filters live in the query itself
// (`collection:"Finance" author:ana`), so what the user sees in the search box is exactly what runs, and a
// saved search is just that text.

export type FilterKey = 'collection' | 'author' | 'table' | 'source'

/** Splits a query into terms, keeping `key:"quoted value"` and `"phrases"` whole. */
export function queryTerms(query: string): string[] {
  return query.match(/-?[A-Za-z_]+:"[^"]*"?|-?"[^"]*"?|\S+/g) ?? []
}

/** `key:value`, quoting the value when it holds spaces or quotes would confuse the parser. */
export function filterTerm(key: FilterKey, value: string): string {
  const clean = value.replace(/"/g, '')
  return /[\s:]/.test(clean) || clean === '' ? `${key}:"${clean}"` : `${key}:${clean}`
}

function normalise(term: string): string {
  return term.replace(/"/g, '').toLowerCase()
}

export function hasFilter(query: string, key: FilterKey, value: string): boolean {
  const wanted = normalise(filterTerm(key, value))
  return queryTerms(query).some((t) => normalise(t) === wanted)
}

export function addFilter(query: string, key: FilterKey, value: string): string {
  if (hasFilter(query, key, value)) return query
  const trimmed = query.trim()
  return trimmed ? `${trimmed} ${filterTerm(key, value)}` : filterTerm(key, value)
}

export function removeFilter(query: string, key: FilterKey, value: string): string {
  const wanted = normalise(filterTerm(key, value))
  return queryTerms(query).filter((t) => normalise(t) !== wanted).join(' ')
}

export function toggleFilter(query: string, key: FilterKey, value: string): string {
  return hasFilter(query, key, value) ? removeFilter(query, key, value) : addFilter(query, key, value)
}

// Archived reports are hidden unless asked: `include:archived` lists them along with the rest, `is:archived`
// lists only them (the search service's query language).
const ARCHIVED_TERMS = new Set(['include:archived', 'is:archived'])

export function includesArchived(query: string): boolean {
  return queryTerms(query).some((t) => ARCHIVED_TERMS.has(t.toLowerCase()))
}

export function setArchived(query: string, on: boolean): string {
  if (on === includesArchived(query)) return query
  const rest = queryTerms(query).filter((t) => !ARCHIVED_TERMS.has(t.toLowerCase()))
  if (on) rest.push('include:archived')
  return rest.join(' ')
}
