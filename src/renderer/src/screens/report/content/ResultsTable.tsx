// One query's last results as a virtualized table (@tanstack/react-virtual): only the rows in view are in the
// DOM, so 2,000 rows scroll smoothly. Column types from main, sort by a column (click its header), copy a cell
// (click) or a row (its copy button), export the kept rows as CSV.
import { useVirtualizer } from '@tanstack/react-virtual'
import { useMemo, useRef, useState } from 'react'
import { csvText } from '../../../../../shared/csv-text.ts'
import type { QueryResult } from '../../../../../shared/model.ts'

const ROW_HEIGHT = 28

function compare(a: string, b: string, type: QueryResult['columns'][number]['type']): number {
  if (a === b) return 0
  if (a === '') return 1
  if (b === '') return -1
  if (type === 'number') return Number(a) - Number(b)
  return a < b ? -1 : 1
}

export function ResultsTable({ result, label }: { result: QueryResult; label: string }) {
  const [sort, setSort] = useState<{ column: number; dir: 1 | -1 } | null>(null)
  const [copied, setCopied] = useState<string | null>(null)
  const rows = useMemo(() => {
    if (!sort) return result.rows
    const type = result.columns[sort.column]?.type ?? 'text'
    return [...result.rows].sort((x, y) => sort.dir * compare(x[sort.column] ?? '', y[sort.column] ?? '', type))
  }, [result, sort])
  const scrollRef = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual's documented React hook
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 })
  const template = `3.5rem repeat(${result.columns.length}, minmax(8rem, 1fr))`
  const copy = (text: string, what: string) => {
    void navigator.clipboard?.writeText(text).then(() => setCopied(what), () => setCopied(null))
  }
  const exportCsv = () => {
    const url = URL.createObjectURL(new Blob([csvText(result.columns.map((c) => c.name), result.rows)], { type: 'text/csv' }))
    const a = document.createElement('a')
    a.href = url
    a.download = `${label.replace(/[^\w.-]+/g, '_').slice(0, 80) || 'results'}.csv`
    a.click()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
  const sortBy = (column: number) => setSort((s) => (s?.column === column ? (s.dir === 1 ? { column, dir: -1 } : null) : { column, dir: 1 }))

  return (
    <div className="result-grid" data-testid="results-table">
      <div className="result-grid-toolbar">
        <span className="faint" data-testid="results-count">
          {result.rows.length === result.totalRows
            ? `${result.totalRows.toLocaleString('en-US')} rows`
            : `${result.rows.length.toLocaleString('en-US')} of ${result.totalExact ? '' : 'at least '}${result.totalRows.toLocaleString('en-US')} rows kept`}
        </span>
        {copied && <span className="faint" role="status">Copied {copied}</span>}
        <span className="query-spacer" />
        <button type="button" className="btn btn-ghost btn-sm" onClick={exportCsv}>Export CSV</button>
      </div>
      <div className="result-grid-scroll" ref={scrollRef} data-testid="results-scroll" role="table" aria-label={label} aria-rowcount={rows.length + 1}>
        <div className="result-grid-row result-grid-head" role="row" style={{ gridTemplateColumns: template }}>
          <span role="columnheader" className="result-grid-num">#</span>
          {result.columns.map((c, i) => (
            <button key={i} type="button" role="columnheader" className={`result-grid-cell result-grid-th type-${c.type}`} onClick={() => sortBy(i)}
              aria-sort={sort?.column === i ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'} title={`${c.name} (${c.type}) — sort`}>
              {c.name}<span className="faint result-grid-type">{c.type}</span>{sort?.column === i ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
            </button>
          ))}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!
            return (
              <div key={item.key} className="result-grid-row" role="row" aria-rowindex={item.index + 2}
                style={{ gridTemplateColumns: template, position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}>
                <button type="button" className="result-grid-num btn-link" title="Copy this row" onClick={() => copy(row.join('\t'), `row ${item.index + 1}`)}>{item.index + 1}</button>
                {row.map((cell, ci) => (
                  <span key={ci} role="cell" className={`result-grid-cell type-${result.columns[ci]?.type ?? 'text'}`} title={cell} onClick={() => copy(cell, 'cell')}>{cell}</span>
                ))}
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
