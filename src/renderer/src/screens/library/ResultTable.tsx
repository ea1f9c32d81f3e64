// The compact table: one line per report (name, collection, author, data source, last run, views), about twice
// as many on screen as the rows. Its header sorts by the columns that have an order.
import type { SearchHit, SearchSort } from '../../../../shared/model.ts'
import { relativeTime } from '../sync/relative-time.ts'
import { resultId } from './ResultRow.tsx'
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
    <div className="result-table-head result-table-grid" role="presentation">
      {COLUMNS.map((c) => c.sort ? (
        <button key={c.title} type="button" className={`result-table-sort ${c.className ?? ''}`} aria-pressed={sort === c.sort}
          aria-label={`Sort by ${c.title.toLowerCase()}`} onClick={() => chooseSort(c.sort!)}>
          {c.title}{sort === c.sort && <span aria-hidden="true">{c.sort === 'name' ? ' ↑' : ' ↓'}</span>}
        </button>
      ) : <span key={c.title} className={c.className}>{c.title}</span>)}
    </div>
  )
}

export function ResultTableRow({ hit, index, active, onOpen, onHover }: { hit: SearchHit | undefined; index: number; active: boolean; onOpen: (index: number) => void; onHover: (index: number) => void }) {
  if (!hit) return <div id={resultId(index)} role="option" aria-selected={active} aria-busy="true" className="result-table-row result-loading"><span className="result-skeleton" /></div>
  const author = hit.author ?? hit.authorUsername
  const sources = hit.dataSources ?? []
  return (
    <div id={resultId(index)} role="option" aria-selected={active} className={`result-table-row result-table-grid${active ? ' result-active' : ''}`} data-token={hit.token}
      onClick={() => onOpen(index)} onMouseMove={() => { if (!active) onHover(index) }}>
      <span className="result-table-name" title={hit.name}>
        <span className="result-name">{hit.name}</span>
        {hit.archived && <span className="badge badge-warning">Archived</span>}
      </span>
      <span title={hit.collection ?? undefined}>{hit.collection ?? '—'}</span>
      <span title={author ?? undefined}>{author ?? '—'}</span>
      <span title={sources.join(', ') || undefined}>{sources.length ? sources.join(', ') : '—'}</span>
      <span title={hit.lastRunAt ?? undefined}>{hit.lastRunAt ? relativeTime(hit.lastRunAt) : '—'}</span>
      <span className="num">{(hit.viewCount ?? 0).toLocaleString()}</span>
    </div>
  )
}
