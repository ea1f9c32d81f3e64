// Facets: the collections, authors, data sources and tables among the current results. Choosing one adds the
// matching filter to the query (and choosing it again removes it), so the box always shows what runs.
import type { FacetCount, SearchFacets } from '../../../../shared/model.ts'
import { hasFilter, type FilterKey } from './query-filters.ts'

const GROUPS: Array<{ key: FilterKey; field: keyof SearchFacets; title: string }> = [
  { key: 'collection', field: 'collections', title: 'Collection' },
  { key: 'author', field: 'authors', title: 'Author' },
  { key: 'source', field: 'dataSources', title: 'Data source' },
  { key: 'table', field: 'tables', title: 'Table' },
]
const SHOWN = 8

/** What goes into the query: names for collections and data sources (readable in the box; the search
 * resolves them), usernames and table names as they are. */
function filterValue(key: FilterKey, f: FacetCount): string {
  return key === 'collection' || key === 'source' ? f.label : f.value
}

export function FacetPanel({ facets, query, current, onToggle }: { facets: SearchFacets | null; query: string; current: boolean; onToggle: (key: FilterKey, value: string) => void }) {
  // While the counts for the new query are computed, the old ones stay (dimmed) so nothing jumps.
  // No results: four headings over four dashes read like a broken panel; one sentence says why it is empty.
  const nothing = facets !== null && GROUPS.every(({ field }) => facets[field].length === 0)
  return (
    <aside className={`facets${current ? '' : ' facets-stale'}`} aria-label="Narrow results" aria-busy={!current}>
      {nothing && <p className="faint facet-empty">Filters for collection, author, data source and table appear here when reports match.</p>}
      {!nothing && GROUPS.map(({ key, field, title }) => {
        const values: FacetCount[] = facets?.[field] ?? []
        return (
          <section key={key} className="facet-group">
            <h2 className="facet-title">{title}</h2>
            {values.length === 0 ? (
              <p className="faint facet-none" aria-label="None">—</p>
            ) : (
              <ul>
                {values.slice(0, SHOWN).map((f) => {
                  const value = filterValue(key, f)
                  const on = hasFilter(query, key, value)
                  return (
                    <li key={f.value}>
                      <button type="button" className="facet-value" aria-pressed={on} onClick={() => onToggle(key, value)} title={f.label} aria-label={`${f.label}, ${f.count.toLocaleString()} ${f.count === 1 ? 'report' : 'reports'}`}>
                        <span className="facet-label">{f.label}</span>
                        <span className="facet-count">{f.count.toLocaleString()}</span>
                      </button>
                    </li>
                  )
                })}
              </ul>
            )}
          </section>
        )
      })}
    </aside>
  )
}
