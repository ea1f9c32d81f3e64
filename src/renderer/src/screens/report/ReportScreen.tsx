// One report, readable offline: its facts, every query's SQL in its dialect with the tables it reads (each a link to
// every report reading that table), chart titles and parameters, "Open in Mode", find in report (Ctrl/Cmd+F) and,
// for reports of several queries, an outline beside it.
import { useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react'
import type { ReportContent, ReportDetail } from '../../../../shared/model.ts'
import { mainReads, openExternal } from '../../stores/main-reads.ts'
import { useNavigation } from '../../stores/navigation.ts'
import { isOffline, useSync } from '../../stores/sync.ts'
import { filterTerm } from '../library/query-filters.ts'
import { formatDateTime, relativeTime } from '../sync/relative-time.ts'
import { useNow } from '../sync/useNow.ts'
import { isMac } from '../../shell/shortcuts.ts'
import { FindBar } from './find/FindBar.tsx'
import { marksFor, termMatches, type FindField } from './find/find-matches.ts'
import { Marked } from './find/Marked.tsx'
import { useReportFind, type ReportFind } from './find/useReportFind.ts'
import { QueryCard, queryAnchor, queryTitle, type QueryShown } from './QueryCard.tsx'
import { jumpTo, queryBeingRead, ReportOutline } from './ReportOutline.tsx'
import { useReportActions } from '../../actions/useReportActions.tsx'
import { ACTION_PANEL_COMBO } from '../../actions/action-list.ts'
import { comboLabel } from '../../actions/key-combos.ts'
import { useConnection } from '../../stores/connection.ts'
import { PinButton } from './PinButton.tsx'
import { dialectForAdapter, type QueryDialect } from './sql/dialects.ts'
import type { FindMarks } from './sql/sql-editor.ts'
import { RelatedReportsSection } from '../knowledge/RelatedReportsSection.tsx'
import { ReportStatusSection } from '../knowledge/ReportStatusSection.tsx'
import { SqlHistorySection } from '../knowledge/SqlHistorySection.tsx'
import { DeletedReportLink } from '../knowledge/DeletedReportLink.tsx'
import { ReportPreview, ReportResults, ReportTopPanels } from './content/ReportContentSections.tsx'
import { useReportContent } from './content/useReportContent.ts'
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
    mainReads.report(token).then(
      (report) => { if (live) setLoad({ token, report, error: null, loading: false }) },
      (e: unknown) => { if (live) setLoad({ token, report: null, error: e instanceof Error ? e.message : String(e), loading: false }) },
    )
    return () => { live = false }
  }, [token])

  const report = load && load.token === token ? load.report : null
  const content = useReportContent(token, report)
  const needsCharts = report !== null && report.chartsFetchedAt === null && report.queries.length > 0

  // Chart titles come on demand: fetch them once when online; the report stays readable without them.
  useEffect(() => {
    if (!needsCharts || offline || !token) return
    let live = true
    mainReads.fetchCharts(token).then(
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

  // Esc goes back, like closing a sheet (Alt+Left and Cmd+[ are the shell's, on every screen).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null
      if (e.defaultPrevented || target?.closest('input, textarea, [role="dialog"]')) return
      if (e.key === 'Escape') { e.preventDefault(); useNavigation.getState().back() }
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
        <div className="empty-state"><h2>Report not in the library</h2><p className="empty-state-body">It may have been deleted in Mode or moved out of your reach since the last sync.</p><DeletedReportLink token={token} /></div>
      </div>
    )
  }

  return <ReportBody report={report} content={content} offline={offline} now={now} fetchingCharts={fetchingCharts} titleRef={titleRef} back={back} />
}

interface ReportBodyProps {
  report: ReportDetail
  /** Preview, last results, charts, schedules, datasets (content/); null until loaded. */
  content: ReportContent | null
  offline: boolean
  now: number
  fetchingCharts: boolean
  titleRef: RefObject<HTMLHeadingElement | null>
  back: ReactNode
}

function ReportBody({ report, content, offline, now, fetchingCharts, titleRef, back }: ReportBodyProps) {
  const terms = useNavigation((s) => (s.view.name === 'report' ? s.view.terms : undefined))
  // A link to one query (pasted from Mode) lands on that query.
  const linkedQuery = useNavigation((s) => (s.view.name === 'report' ? s.view.query : undefined))
  useEffect(() => { if (linkedQuery) jumpTo(queryAnchor(linkedQuery)) }, [linkedQuery])
  // The sample workspace is served from this computer: a link to app.mode.com would open someone else's workspace.
  const isSample = useConnection((s) => s.status?.isSample ?? false)
  const [shown, setShown] = useState<Record<string, QueryShown>>({})
  const shownOf = (token: string): QueryShown => shown[token] ?? { wrap: false, formatted: null }
  const dialects = useMemo(() => report.queries.map((q) => dialectForAdapter(q.dataSource?.adapter)), [report.queries])
  const fields = useMemo<FindField[]>(() => [
    { id: 'name', text: report.name },
    { id: 'description', text: report.description ?? '' },
    ...report.queries.flatMap((q, i) => [
      { id: `query-name:${q.token}`, text: queryTitle(q, i) },
      { id: `sql:${q.token}`, text: shown[q.token]?.formatted ?? q.sql },
    ]),
  ], [report, shown])
  const find = useReportFind(fields)
  const arrival = useMemo(() => (terms && terms.length > 0 ? termMatches(fields, terms) : []), [fields, terms])
  const marks = (field: string): FindMarks => ({ ...marksFor(find.matches, field, find.state.current), terms: marksFor(arrival, field, null).ranges })
  useFindShortcut(find)
  const tokens = useMemo(() => report.queries.map((q) => q.token), [report.queries])
  const search = (q: string) => useNavigation.getState().search(q)
  const multi = report.queries.length > 1
  const actions = useReportActions(async () => {
    const reading = queryBeingRead(tokens)
    return { report, query: report.queries.find((q) => q.token === reading) ?? report.queries[0] ?? null, isSample: useConnection.getState().status?.isSample ?? false }
  })
  return (
    <div className={multi ? 'report-layout with-outline' : 'report-layout'}>
      <article className="screen report" aria-labelledby="report-title" data-token={report.token}>
        <FindBar find={find} />
        {back}
        <header className="report-header">
          <div className="report-title-row">
            <h1 id="report-title" ref={titleRef} tabIndex={-1}><Marked text={report.name} marks={marks('name')} terms={marks('name').terms} /></h1>
            {report.archived && <span className="badge badge-warning">Archived</span>}
          </div>
          {report.description
            ? <p className="report-description"><Marked text={report.description} marks={marks('description')} terms={marks('description').terms} /></p>
            : <p className="report-description faint">No description.</p>}
          <div className="btn-row report-actions">
            {isSample ? (
              <span className="sample-note" data-testid="sample-no-link">Sample report: it exists only on this computer, so there is no Mode page to open.</span>
            ) : report.webUrl && (
              <button type="button" className="btn btn-primary btn-sm" onClick={() => openExternal(report.webUrl as string)}>
                Open in Mode ↗
              </button>
            )}
            <PinButton token={report.token} name={report.name} />
            <span className="faint report-find-hint">
              <kbd>{isMac() ? '⌘F' : 'Ctrl+F'}</kbd> finds in this report · <kbd>{comboLabel(ACTION_PANEL_COMBO, isMac())}</kbd> actions · <kbd>?</kbd> every shortcut
            </span>
            {offline && <span className="badge badge-warning">Offline — showing your local copy</span>}
          </div>
        </header>
        <ReportPreview content={content} />
        <ReportTopPanels report={report} content={content} />
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
        <ReportStatusSection reportToken={report.token} />

        <ReportResults report={report} content={content} />

        <section className="queries" aria-label="Queries">
          <h2>Queries <span className="faint">({report.queries.length})</span></h2>
          {!report.queriesSynced && <p className="notice notice-info">This report's SQL has not been synced yet; it arrives later in the sync.</p>}
          {fetchingCharts && <p className="faint charts-note">Fetching chart titles…</p>}
          {report.queries.map((q, i) => (
            <QueryCard
              key={q.token}
              query={q}
              index={i}
              dialect={dialects[i] as QueryDialect}
              shown={shownOf(q.token)}
              onShownChange={(next) => setShown((s) => ({ ...s, [q.token]: next }))}
              nameMarks={marks(`query-name:${q.token}`)}
              sqlMarks={marks(`sql:${q.token}`)}
            />
          ))}
          {report.chartsFetchedAt === null && report.queries.length > 0 && offline && <p className="faint charts-note">Chart titles are fetched when you are online.</p>}
        </section>
        <SqlHistorySection reportToken={report.token} />
        <RelatedReportsSection reportToken={report.token} reportName={report.name} />
      </article>
      {multi && <ReportOutline report={report} tokens={tokens} />}
      {actions}
    </div>
  )
}

/** Ctrl/Cmd+F opens the find bar (or puts focus back in it); the editor has no find of its own to compete. */
function useFindShortcut(find: ReportFind): void {
  const openBar = find.openBar
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = isMac() ? e.metaKey : e.ctrlKey
      if (mod && !e.altKey && !e.shiftKey && (e.key === 'f' || e.key === 'F')) { e.preventDefault(); openBar() }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [openBar])
}

/** The report's collection by its label ("Personal — <owner>" for a personal one); the link finds only its reports. */
function CollectionLink({ label }: { label: string }) {
  return <button type="button" className="btn btn-link" onClick={() => useNavigation.getState().search(filterTerm('collection', label))}>{label}</button>
}
