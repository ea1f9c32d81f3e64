// One report, readable offline: its facts, every query's SQL (highlighted, copyable) with the tables it reads
// (each a link to every report reading that table), chart titles, and "Open in Mode".
import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { ReportDetail } from '../../../../shared/model.ts'
import { call } from '../../bridge.ts'
import { useNavigation } from '../../stores/navigation.ts'
import { isOffline, useSync } from '../../stores/sync.ts'
import { filterTerm } from '../library/query-filters.ts'
import { formatDateTime, relativeTime } from '../sync/relative-time.ts'
import { useNow } from '../sync/useNow.ts'
import { CopyButton, SqlCode } from './SqlBlock.tsx'
import './report.css'

type Load = { token: string; report: ReportDetail | null; error: string | null; loading: boolean }

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}

function When({ iso, now }: { iso: string | null; now: number }) {
  if (!iso) return <span className="faint">—</span>
  // The relative form only where it adds something ("3 h ago"); past a month it would repeat the date.
  const recent = Math.abs(now - Date.parse(iso)) < 30 * 24 * 3600_000
  return <time dateTime={iso}>{formatDateTime(iso)}{recent && <span className="faint"> ({relativeTime(iso)})</span>}</time>
}

export function ReportScreen() {
  const token = useNavigation((s) => (s.view.name === 'report' ? s.view.token : null))
  const offline = useSync(isOffline)
  const now = useNow(60_000)
  const [load, setLoad] = useState<Load | null>(null)
  /** Reports whose chart fetch has finished (or failed) in this view, so it is not repeated. */
  const [chartsTried, setChartsTried] = useState<string | null>(null)

  useEffect(() => {
    if (!token) return
    let live = true
    call('library.getReport', { token }).then(
      (report) => { if (live) setLoad({ token, report, error: null, loading: false }) },
      (e: unknown) => { if (live) setLoad({ token, report: null, error: e instanceof Error ? e.message : String(e), loading: false }) },
    )
    return () => { live = false }
  }, [token])

  const report = load && load.token === token ? load.report : null
  const needsCharts = report !== null && report.chartsFetchedAt === null && report.queries.length > 0

  // Chart titles come on demand: fetch them once when online; the report stays readable without them.
  useEffect(() => {
    if (!needsCharts || offline || !token) return
    let live = true
    call('library.fetchCharts', { token }).then(
      (updated) => {
        if (!live) return
        setChartsTried(token)
        if (updated) setLoad({ token, report: updated, error: null, loading: false })
      },
      () => { if (live) setChartsTried(token) },
    )
    return () => { live = false }
  }, [needsCharts, offline, token])
  const fetchingCharts = needsCharts && !offline && chartsTried !== token

  // Opening a report (Enter in the results) would leave focus on the row that just went away, i.e. nowhere:
  // put it on the title, so a screen reader announces the report and Tab continues from the top of the page.
  const titleRef = useRef<HTMLHeadingElement>(null)
  const shownToken = report?.token ?? null
  useEffect(() => {
    if (shownToken) titleRef.current?.focus({ preventScroll: true })
  }, [shownToken])

  // Esc and Alt+Left go back, like a browser.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null
      if (target?.closest('input, textarea, [role="dialog"]')) return
      if (e.key === 'Escape' || (e.altKey && e.key === 'ArrowLeft')) { e.preventDefault(); useNavigation.getState().back() }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const back = (
    <button type="button" className="btn btn-ghost btn-sm report-back" onClick={() => useNavigation.getState().back()} aria-label="Back (Esc)">
      ← Back
    </button>
  )
  if (!token) return <div className="screen">{back}</div>
  if (!load || load.token !== token) return <div className="screen report" aria-busy="true">{back}<p className="muted">Opening report…</p></div>
  if (load.error) return <div className="screen report">{back}<div className="notice notice-error" role="alert"><div className="notice-body">{load.error}</div></div></div>
  if (!report) {
    return (
      <div className="screen report">
        {back}
        <div className="empty-state"><h2>Report not in the library</h2><p className="empty-state-body">It may have been deleted in Mode or moved out of your reach since the last sync.</p></div>
      </div>
    )
  }

  const search = (q: string) => useNavigation.getState().search(q)
  return (
    <article className="screen report" aria-labelledby="report-title">
      {back}
      <header className="report-header">
        <div className="report-title-row">
          <h1 id="report-title" ref={titleRef} tabIndex={-1}>{report.name}</h1>
          {report.archived && <span className="badge badge-warning">Archived</span>}
        </div>
        {report.description ? <p className="report-description">{report.description}</p> : <p className="report-description faint">No description.</p>}
        <div className="btn-row report-actions">
          {report.webUrl && (
            <button type="button" className="btn btn-primary btn-sm" onClick={() => void call('app.openExternal', { url: report.webUrl as string }).catch(() => {})}>
              Open in Mode ↗
            </button>
          )}
          {offline && <span className="badge badge-warning">Offline — showing your local copy</span>}
        </div>
      </header>
      <dl className="facts">
        <Fact label="Collection">
          {report.collection ? <CollectionLink label={report.collection.label} /> : <span className="faint">—</span>}
        </Fact>
        <Fact label="Author">
          {report.author ? <button type="button" className="btn btn-link" onClick={() => search(filterTerm('author', report.author?.username ?? ''))}>{report.author.name ?? report.author.username}</button> : <span className="faint">—</span>}
        </Fact>
        <Fact label="Views">{report.viewCount.toLocaleString()}</Fact>
        <Fact label="Created"><When iso={report.createdAt} now={now} /></Fact>
        <Fact label="Edited"><When iso={report.editedAt ?? report.updatedAt} now={now} /></Fact>
        <Fact label="Last run"><When iso={report.lastRunAt} now={now} /></Fact>
      </dl>

      <section className="queries" aria-label="Queries">
        <h2>Queries <span className="faint">({report.queries.length})</span></h2>
        {!report.queriesSynced && <p className="notice notice-info">This report's SQL has not been synced yet; it arrives later in the sync.</p>}
        {fetchingCharts && <p className="faint charts-note">Fetching chart titles…</p>}
        {report.queries.map((q, i) => (
          <section key={q.token} className="query card" aria-labelledby={`query-${q.token}`}>
            <header className="query-header">
              <h3 id={`query-${q.token}`}>{q.name ?? `Query ${i + 1}`}</h3>
              {q.dataSource && <span className="badge" title={q.dataSource.adapter ?? undefined}>{q.dataSource.name}</span>}
              <span className="query-spacer" />
              <CopyButton text={q.sql} />
            </header>
            <SqlCode sql={q.sql} />
            <footer className="query-footer">
              <div className="query-tables">
                <span className="query-label">Tables</span>
                {q.tables.length === 0 ? <span className="faint">none found</span> : (
                  <ul>
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
                <div className="query-charts">
                  <span className="query-label">Charts</span>
                  <ul>{q.charts.map((c) => <li key={c.token}>{c.title ?? <span className="faint">Untitled</span>}{c.type && <span className="faint"> · {c.type}</span>}</li>)}</ul>
                </div>
              )}
            </footer>
          </section>
        ))}
        {report.chartsFetchedAt === null && report.queries.length > 0 && offline && <p className="faint charts-note">Chart titles are fetched when you are online.</p>}
      </section>
    </article>
  )
}

/** The report's collection by its label ("Personal — <owner>" for a personal one); the link finds only its reports. */
function CollectionLink({ label }: { label: string }) {
  return <button type="button" className="btn btn-link" onClick={() => useNavigation.getState().search(filterTerm('collection', label))}>{label}</button>
}
