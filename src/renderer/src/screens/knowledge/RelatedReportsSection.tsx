// "Related reports" on the report page: copies and near copies of its SQL, reports on the same Mode
// definitions, the same dataset or the same tables — each with why, each opening that report, and a copy
// opening the diff of the two queries. Computed in main from the library (no request to Mode).
import type { RelatedReport } from '../../../../shared/knowledge-model.ts'
import { mainReads } from '../../stores/main-reads.ts'
import { useNavigation } from '../../stores/navigation.ts'
import { useLoad } from '../../stores/use-load.ts'
import './knowledge.css'

export function RelatedReportsSection({ reportToken, reportName }: { reportToken: string; reportName: string }) {
  const loaded = useLoad(`related:${reportToken}`, () => mainReads.related(reportToken))
  if (loaded.state !== 'ready' || loaded.value.related.length === 0) return null
  const { related, total } = loaded.value
  const nav = useNavigation.getState()
  const compare = (r: RelatedReport) => nav.navigate({
    name: 'diff', origin: 'library', title: `${reportName} → ${r.reportName}`,
    from: { queryToken: r.queryToken!, versionId: null, label: reportName },
    to: { queryToken: r.otherQueryToken!, versionId: null, label: r.reportName },
  })
  return (
    <section className="knowledge-section" aria-labelledby="related-title" data-testid="related-reports">
      <h2 id="related-title">Related reports <span className="faint">({total > related.length ? `${related.length} of ${total}` : related.length})</span></h2>
      <ul className="similar-list card">
        {related.map((r) => (
          <li key={r.reportToken} className="similar-item related-item" data-testid="related-report">
            <span className="feed-main">
              <button type="button" className="btn btn-link feed-name" onClick={() => nav.navigate({ name: 'report', token: r.reportToken })}>{r.reportName}</button>
              <span className="related-reasons">
                {r.reasons.map((x) => <span key={x.kind} className="related-reason" data-reason={x.kind}>{x.text}</span>)}
              </span>
              {r.collection && <span className="feed-summary">{r.collection} · {r.viewCount.toLocaleString()} views</span>}
            </span>
            {r.queryToken && r.otherQueryToken && <button type="button" className="btn btn-ghost btn-sm" onClick={() => compare(r)}>Compare SQL</button>}
          </li>
        ))}
      </ul>
    </section>
  )
}
