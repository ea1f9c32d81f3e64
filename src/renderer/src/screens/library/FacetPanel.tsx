// Facets: the collections, authors, data sources and tables among the current results. Choosing one adds the
// matching filter to the query (and choosing it again removes it), so the box always shows what runs. Each facet
// lists its largest values; "Show all N" lists every one, with a box to filter them.
import { useEffect, useState } from 'react'
import type { FacetCount, SearchFacets } from '../../../../shared/model.ts'
import { mainReads } from '../../stores/main-reads.ts'
import { hasFilter, type FilterKey } from './query-filters.ts'
import { tableParts } from './table-label.ts'

type FacetField = Exclude<keyof SearchFacets, 'distinct'>

const GROUPS: Array<{ key: FilterKey; field: FacetField; title: string; plural: string }> = [
  { key: 'collection', field: 'collections', title: 'Collection', plural: 'collections' },
  { key: 'author', field: 'authors', title: 'Author', plural: 'authors' },
  { key: 'source', field: 'dataSources', title: 'Data source', plural: 'data sources' },
  { key: 'table', field: 'tables', title: 'Table', plural: 'tables' },
]
const SHOWN = 8

/** What goes into the query: names for collections and data sources (readable in the box; the search
 * resolves them), usernames and table names as they are. */
function filterValue(key: FilterKey, f: FacetCount): string {
  return key === 'collection' || key === 'source' ? f.label : f.value
}

function FacetLabel({ field, f }: { field: FacetField; f: FacetCount }) {
  if (field !== 'tables') return <span className="facet-label">{f.label}</span>
  // A table by its last part, the part that differs; the schema greyed and, when cut, cut from the left.
  const { name, schema } = tableParts(f.label)
  return (
    <span className="facet-label facet-table">
      <span className="facet-table-name">{name}</span>
      {schema && <span className="facet-table-schema">{'\u200e'}{schema}{'\u200e'}</span>}
    </span>
  )
}

export function FacetPanel({ facets, query, current, onToggle }: { facets: SearchFacets | null; query: string; current: boolean; onToggle: (key: FilterKey, value: string) => void }) {
  // The full list belongs to the query it was opened for: a new query closes it (its values were the old results').
  const [opened, setOpened] = useState<{ query: string; field: FacetField } | null>(null)
  const expanded = opened?.query === query ? opened.field : null
  const setExpanded = (field: FacetField | null) => setOpened(field === null ? null : { query, field })
  const [filter, setFilter] = useState('')
  const [all, setAll] = useState<{ query: string; facets: SearchFacets } | null>(null)
  useEffect(() => {
    if (expanded === null || !facets || all?.query === query) return
    const distinct = facets.distinct?.[expanded] ?? 0
    if (distinct <= facets[expanded].length) return
    let live = true
    mainReads.allFacets(query).then(
      (all) => { if (live) setAll({ query, facets: all }) },
      () => {},
    )
    return () => { live = false }
  }, [expanded, facets, query, all])

  // While the counts for the new query are computed, the old ones stay (dimmed) so nothing jumps.
  // No results: four headings over four dashes read like a broken panel; one sentence says why it is empty.
  const nothing = facets !== null && GROUPS.every(({ field }) => facets[field].length === 0)
  return (
    <aside className={`facets${current ? '' : ' facets-stale'}`} aria-label="Narrow results" aria-busy={!current}>
      {nothing && <p className="faint facet-empty">Filters for collection, author, data source and table appear here when reports match.</p>}
      {!nothing && GROUPS.map(({ key, field, title, plural }) => {
        const top: FacetCount[] = facets?.[field] ?? []
        const distinct = Math.max(facets?.distinct?.[field] ?? top.length, top.length)
        const open = expanded === field
        const source = open && all?.query === query ? all.facets[field] : top
        const f = filter.trim().toLowerCase()
        const values = open ? source.filter((v) => !f || v.label.toLowerCase().includes(f) || v.value.toLowerCase().includes(f)) : top.slice(0, SHOWN)
        return (
          // A group named by its heading, so a screen reader says "Collection, group" before its values.
          <section key={key} className="facet-group" data-facet={field} role="group" aria-labelledby={`facet-${field}`}>
            <h2 className="facet-title" id={`facet-${field}`}>{title}</h2>
            {open && (
              <input type="search" className="input facet-filter" placeholder={`Filter ${plural}`} aria-label={`Filter ${plural}`} value={filter}
                autoFocus onChange={(e) => setFilter(e.target.value)}
                onKeyDown={(e) => { if (e.key === 'Escape' && !filter) { e.preventDefault(); e.stopPropagation(); setExpanded(null) } }} />
            )}
            {top.length === 0 ? (
              <p className="faint facet-none" aria-label="None">—</p>
            ) : (
              <ul className={open ? 'facet-all' : undefined}>
                {values.map((v) => {
                  const value = filterValue(key, v)
                  const on = hasFilter(query, key, value)
                  return (
                    <li key={v.value}>
                      <button type="button" className="facet-value" aria-pressed={on} onClick={() => onToggle(key, value)} title={v.label} aria-label={`${v.label}, ${v.count.toLocaleString()} ${v.count === 1 ? 'report' : 'reports'}`}>
                        <FacetLabel field={field} f={v} />
                        <span className="facet-count">{v.count.toLocaleString()}</span>
                      </button>
                    </li>
                  )
                })}
                {open && values.length === 0 && <li className="faint facet-none">No {plural} match <code>{filter.trim()}</code>.</li>}
              </ul>
            )}
            {distinct > SHOWN && (
              <button type="button" className="btn btn-link facet-more" aria-expanded={open}
                onClick={() => { setExpanded(open ? null : field); setFilter('') }}>
                {open ? 'Show fewer' : `Show all ${distinct.toLocaleString()}`}
              </button>
            )}
          </section>
        )
      })}
    </aside>
  )
}
