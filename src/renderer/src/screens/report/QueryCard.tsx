// One query of a report: its name and data source, the SQL in its dialect (wrap and "Format SQL" toggles, Copy that
// always copies the original), and what it reads and shows: tables (each a link to every report reading it), charts
// and the parameters its form declares. Each part has an id the outline jumps to.
import { useId, useState } from 'react'
import type { QueryDetail } from '../../../../shared/model.ts'
import { useNavigation } from '../../stores/navigation.ts'
import { filterTerm } from '../library/query-filters.ts'
import { Marked } from './find/Marked.tsx'
import { CopyButton } from './CopyButton.tsx'
import type { QueryDialect } from './sql/dialects.ts'
import { formatSql } from './sql/format-sql.ts'
import { parseFormParameters } from '../../../../shared/form-parameters.ts'
import type { FindMarks } from './sql/sql-editor.ts'
import { SqlView } from './sql/SqlView.tsx'

export const queryAnchor = (token: string, part?: 'tables' | 'charts' | 'parameters') => `query-${token}${part ? `-${part}` : ''}`

/** How a query is shown: wrapped or not, and its formatted text when "Format SQL" is on. */
export interface QueryShown {
  wrap: boolean
  formatted: string | null
}

interface QueryCardProps {
  query: QueryDetail
  index: number
  dialect: QueryDialect
  shown: QueryShown
  onShownChange: (shown: QueryShown) => void
  nameMarks?: FindMarks
  sqlMarks?: FindMarks
}

export function queryTitle(query: QueryDetail, index: number): string {
  return query.name ?? `Query ${index + 1}`
}

export function QueryCard({ query: q, index, dialect, shown, onShownChange, nameMarks, sqlMarks }: QueryCardProps) {
  const [formatNote, setFormatNote] = useState<string | null>(null)
  // Names the lists of tables, charts and parameters by their labels ("Tables, list, 3 items").
  const id = useId()
  const search = (text: string) => useNavigation.getState().search(text)
  const parameters = parseFormParameters(q.sql).map((p) => p.name)
  const title = queryTitle(q, index)
  const toggleFormat = async () => {
    if (shown.formatted !== null) { onShownChange({ ...shown, formatted: null }); return }
    const outcome = await formatSql(q.sql, dialect.formatter)
    setFormatNote(outcome.ok ? null : outcome.reason)
    if (outcome.ok) onShownChange({ ...shown, formatted: outcome.text })
  }
  return (
    <section id={queryAnchor(q.token)} className="query card" aria-labelledby={`query-title-${q.token}`} data-query-index={index} tabIndex={-1}>
      <header className="query-header">
        <h3 id={`query-title-${q.token}`}><Marked text={title} marks={nameMarks} terms={nameMarks?.terms} /></h3>
        {q.dataSource && <span className="badge" title={q.dataSource.adapter ?? undefined}>{q.dataSource.name}</span>}
        <span className="faint query-dialect" title="Highlighted as this SQL dialect">{dialect.label}</span>
        <span className="query-spacer" />
        <button type="button" className="btn btn-ghost btn-sm" aria-pressed={shown.wrap} onClick={() => onShownChange({ ...shown, wrap: !shown.wrap })}>Wrap lines</button>
        <button type="button" className="btn btn-ghost btn-sm" aria-pressed={shown.formatted !== null} onClick={() => void toggleFormat()}
          title={shown.formatted !== null ? 'Show the SQL as written' : 'Show a re-indented copy (Copy SQL still copies the original)'}>
          Format SQL
        </button>
        <CopyButton text={q.sql} label="Copy SQL" />
      </header>
      {formatNote && <p className="query-note faint" role="status">{formatNote}</p>}
      {shown.formatted !== null && <p className="query-note faint">Formatted for reading; Copy SQL copies the query as written.</p>}
      <SqlView text={shown.formatted ?? q.sql} dialect={dialect} wrap={shown.wrap} label={`SQL of ${title}`} marks={sqlMarks} />
      <footer className="query-footer">
        <div className="query-tables" id={queryAnchor(q.token, 'tables')} tabIndex={-1}>
          <span className="query-label" id={`${id}-tables`}>Tables</span>
          {q.tables.length === 0 ? <span className="faint">none found</span> : (
            <ul aria-labelledby={`${id}-tables`}>
              {q.tables.map((t) => (
                <li key={t}>
                  <button type="button" className="table-link" onClick={() => search(filterTerm('table', t))} title={`Every report that reads ${t}`}>
                    <code>{t}</code>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        {q.charts.length > 0 && (
          <div className="query-charts" id={queryAnchor(q.token, 'charts')} tabIndex={-1}>
            <span className="query-label" id={`${id}-charts`}>Charts</span>
            <ul aria-labelledby={`${id}-charts`}>{q.charts.map((c) => <li key={c.token}>{c.title ?? <span className="faint">Untitled</span>}{c.type && <span className="faint"> · {c.type}</span>}</li>)}</ul>
          </div>
        )}
        {parameters.length > 0 && (
          <div className="query-parameters" id={queryAnchor(q.token, 'parameters')} tabIndex={-1}>
            <span className="query-label" id={`${id}-parameters`}>Parameters</span>
            <ul aria-labelledby={`${id}-parameters`}>{parameters.map((p) => <li key={p}><code>{p}</code></li>)}</ul>
          </div>
        )}
      </footer>
    </section>
  )
}
