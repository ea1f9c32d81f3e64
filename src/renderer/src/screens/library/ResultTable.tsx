// The compact table: one line per report (name, collection, author, data source, last run, views), about twice
// as many on screen as the rows. Its header sorts by the columns that have an order.
import { memo } from 'react'
import type { SearchSort } from '../../../../shared/model.ts'
import { relativeTime } from '../sync/relative-time.ts'
import { resultId, type ResultRowProps } from './ResultRow.tsx'
import { chooseSort } from './ResultsToolbar.tsx'

export const TABLE_ROW_HEIGHT = 34

const COLUMNS: { title: string; sort?: SearchSort; className?: string }[] = [
  { title: 'Name', sort: 'name' },
  { title: 'Collection' },
  { title: 'Author' },
  { title: 'Data source' },
  { title: 'Last run', sort: 'lastRun' },
  { title: 'Views', sort: 'views', className: 'num' },
]

export function ResultTableHeader({ sort }: { sort: SearchSort }) {
  return (
    // A group of column titles, the sortable ones buttons; the rows stay options of the one results list (arrows
    // and Enter work as in the rows view), each describing its columns by name.
    <div className="result-table-head result-table-grid" role="group" aria-label="Columns">
      {COLUMNS.map((c) => c.sort ? (
        <button key={c.title} type="button" className={`result-table-sort ${c.className ?? ''}`} aria-pressed={sort === c.sort}
          aria-label={`Sort by ${c.title.toLowerCase()}`} onClick={() => chooseSort(c.sort!)}>
          {c.title}{sort === c.sort && <span aria-hidden="true">{c.sort === 'name' ? ' ↑' : ' ↓'}</span>}
        </button>
      ) : <span key={c.title} className={c.className}>{c.title}</span>)}
    </div>
  )
}

/** Memoized like ResultRow: unchanged rows are skipped when a keystroke re-renders the screen. */
export const ResultTableRow = memo(function ResultTableRow({ hit, index, active, onOpen, onHover }: ResultRowProps) {
  if (!hit) return <div id={resultId(index)} role="option" aria-selected={active} aria-busy="true" className="result-table-row result-loading"><span className="result-skeleton" /></div>
  const author = hit.author ?? hit.authorUsername
  const sources = hit.dataSources ?? []
  const id = resultId(index)
  const views = (hit.viewCount ?? 0).toLocaleString()
  // What the columns say, with their titles, for a screen reader (the cells alone would be bare values).
  const description = [hit.archived ? 'Archived' : null, `Collection: ${hit.collection ?? 'none'}`, `Author: ${author ?? 'unknown'}`,
    `Data source: ${sources.length ? sources.join(', ') : 'none'}`, `Last run: ${hit.lastRunAt ? relativeTime(hit.lastRunAt) : 'never'}`, `Views: ${views}`]
    .filter(Boolean).join('. ')
  return (
    <div id={id} role="option" aria-selected={active} aria-labelledby={`${id}-name`} aria-describedby={`${id}-columns`}
      className={`result-table-row result-table-grid${active ? ' result-active' : ''}`} data-token={hit.token}
      onClick={() => onOpen(index)} onMouseMove={() => { if (!active) onHover(index) }}>
      <span className="result-table-name" title={hit.name}>
        <span className="result-name" id={`${id}-name`}>{hit.name}</span>
        {hit.archived && <span className="badge badge-warning">Archived</span>}
      </span>
      <span title={hit.collection ?? undefined}>{hit.collection ?? '—'}</span>
      <span title={author ?? undefined}>{author ?? '—'}</span>
      <span title={sources.join(', ') || undefined}>{sources.length ? sources.join(', ') : '—'}</span>
      <span title={hit.lastRunAt ?? undefined}>{hit.lastRunAt ? relativeTime(hit.lastRunAt) : '—'}</span>
      <span className="num">{views}</span>
      {/* Last, so the grid's column rules (by position) are unchanged; hidden, yet read as the description. */}
      <span id={`${id}-columns`} hidden>{description}</span>
    </div>
  )
})
