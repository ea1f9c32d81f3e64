// A deleted report's tombstone: what the library last knew of it (name, collection, author, views, SQL).
import { mainReads } from '../../stores/main-reads.ts'
import { useNavigation } from '../../stores/navigation.ts'
import { dialectForAdapter } from '../report/sql/dialects.ts'
import { SqlView } from '../report/sql/SqlView.tsx'
import { formatDateTime } from '../sync/relative-time.ts'
import { useLoad } from '../../stores/use-load.ts'
import './knowledge.css'

export function DeletedReportScreen() {
  const token = useNavigation((s) => (s.view.name === 'deleted' ? s.view.token : ''))
  const tombstone = useLoad(token, () => mainReads.deletedReport(token))
  const back = <button type="button" className="btn btn-ghost btn-sm report-back" onClick={() => useNavigation.getState().back()} aria-label="Back (Esc)">← Back</button>
  if (tombstone.state !== 'ready') return <section className="screen">{back}{tombstone.state === 'error' && <p role="alert">{tombstone.message}</p>}</section>
  const r = tombstone.value
  if (!r) return <section className="screen">{back}<div className="empty-state"><h2>Nothing kept for this report</h2><p className="empty-state-body">Its tombstone was purged, or it was never in the library.</p></div></section>
  return (
    <article className="screen report" aria-labelledby="deleted-title" data-testid="deleted-report">
      {back}
      <div className="report-title-row">
        <h1 id="deleted-title">{r.name}</h1>
        <span className="badge badge-danger">Deleted</span>
      </div>
      <p className="muted">Gone from Mode since the sync of {formatDateTime(r.deletedAt)}. This is the last copy the library saw.</p>
      <dl className="facts">
        <div className="fact"><dt>Collection</dt><dd>{r.collectionName ?? '—'}</dd></div>
        <div className="fact"><dt>Author</dt><dd>{r.author ?? '—'}</dd></div>
        <div className="fact"><dt>Views</dt><dd>{r.viewCount.toLocaleString()}</dd></div>
      </dl>
      <div className="tombstone-sql">
        {r.queries.map((q, i) => (
          <section key={q.token} className="query card" aria-label={q.name ?? `Query ${i + 1}`}>
            <header className="query-header"><h3>{q.name ?? `Query ${i + 1}`}</h3></header>
            <SqlView text={q.sql} dialect={dialectForAdapter(null)} wrap={false} label={`SQL of ${q.name ?? `query ${i + 1}`}`} />
          </section>
        ))}
      </div>
    </article>
  )
}
