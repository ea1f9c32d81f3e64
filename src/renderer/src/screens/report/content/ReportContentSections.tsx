// The report page's content sections, self-contained so the page layout only places them: at the top the
// preview picture of the last run, the parameters, schedules and dataset links; further down each query's last
// results with the charts drawn from them.
import type { ReportContent, ReportDetail } from '../../../../../shared/model.ts'
import { parseFormParameters } from '../../../../../shared/form-parameters.ts'
import { useNavigation } from '../../../stores/navigation.ts'
import { formatDateTime } from '../../sync/relative-time.ts'
import { ChartView } from './ChartView.tsx'
import { ParametersPanel } from './ParametersPanel.tsx'
import { ResultsTable } from './ResultsTable.tsx'
import './content.css'

export function ReportPreview({ content }: { content: ReportContent | null }) {
  if (!content || (!content.preview && !content.previewNote)) return null
  return (
    <figure className="report-preview card" data-testid="report-preview">
      {content.preview && <img src={content.preview.dataUrl} alt="Preview of the report's last run in Mode" />}
      <figcaption className="faint">
        {content.preview?.fetchedAt ? `Picture of the last run, saved ${formatDateTime(content.preview.fetchedAt)}.` : null}
        {content.previewNote && <span data-testid="preview-note"> {content.previewNote}</span>}
      </figcaption>
    </figure>
  )
}

export function ReportTopPanels({ report, content }: { report: ReportDetail; content: ReportContent | null }) {
  const parameters = report.queries.flatMap((q) => parseFormParameters(q.sql)).filter((p, i, all) => all.findIndex((o) => o.name === p.name) === i)
  const open = (token: string) => useNavigation.getState().navigate({ name: 'report', token })
  return (
    <>
      <ParametersPanel parameters={parameters} />
      {content && content.schedules.length > 0 && (
        <section className="card schedules" aria-labelledby="report-schedules" data-testid="schedules">
          <h2 id="report-schedules">Schedules</h2>
          <ul>
            {content.schedules.map((s) => (
              <li key={s.token}>
                <strong>{s.name ?? 'Schedule'}</strong> · {s.frequency}{s.timeZone ? ` (${s.timeZone})` : ''}
                <span className="faint"> · last success {s.lastSucceededAt ? formatDateTime(s.lastSucceededAt) : '—'} · next run {s.nextRunAt ? formatDateTime(s.nextRunAt) : '—'}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {content && (content.datasets.length > 0 || content.importedBy.length > 0) && (
        <section className="card datasets" aria-labelledby="report-datasets" data-testid="datasets">
          <h2 id="report-datasets">{content.isDataset ? 'Reports using this dataset' : 'Datasets'}</h2>
          <ul>
            {(content.isDataset ? content.importedBy.map((r) => ({ ...r, inLibrary: true })) : content.datasets).map((d) => (
              <li key={d.token}>
                {d.inLibrary ? <button type="button" className="btn btn-link" onClick={() => open(d.token)}>{d.name ?? d.token}</button> : <span>{d.name ?? d.token}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  )
}

export function ReportResults({ report, content }: { report: ReportDetail; content: ReportContent | null }) {
  if (!content) return null
  if (content.results.length === 0) {
    return content.resultsNote ? <p className="notice notice-info">{content.resultsNote}</p> : null
  }
  const names = new Map(report.queries.map((q, i) => [q.token, q.name ?? `Query ${i + 1}`]))
  return (
    <section className="report-results" aria-labelledby="report-results-title">
      <h2 id="report-results-title">Last results</h2>
      {content.resultsNote && <p className="notice notice-info">{content.resultsNote}</p>}
      {content.results.map((r) => {
        const label = names.get(r.queryToken) ?? r.queryName ?? 'Query'
        const charts = content.charts.filter((c) => c.queryToken === r.queryToken)
        return (
          <section key={r.queryToken} className="query-results" aria-label={`Results of ${label}`} data-testid="query-results">
            <h3>{label}{r.fetchedAt && <span className="faint"> · saved {formatDateTime(r.fetchedAt)}</span>}</h3>
            {r.note && <p className="notice notice-info" data-testid="results-note">{r.note}</p>}
            {charts.length > 0 && <div className="charts">{charts.map((c) => <ChartView key={c.token} chart={c} result={r} />)}</div>}
            {r.columns.length > 0 && <ResultsTable result={r} label={label} />}
          </section>
        )
      })}
    </section>
  )
}
