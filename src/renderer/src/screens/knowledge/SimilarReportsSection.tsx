// "Similar reports" on the report page: reports holding a copy of one of this report's queries (exact or near),
// each opening the other report or a diff of the two queries.
import type { SimilarReport } from '../../../../shared/knowledge-model.ts'
import { mainReads } from '../../stores/main-reads.ts'
import { useNavigation } from '../../stores/navigation.ts'
import { useLoad } from '../../stores/use-load.ts'

export function similarityLabel(kind: 'exact' | 'near', similarity: number): string {
  return kind === 'exact' ? 'Same SQL' : `${Math.round(similarity * 100)}% similar`
}

export function SimilarReportsSection({ reportToken, reportName }: { reportToken: string; reportName: string }) {
  const similar = useLoad(reportToken, () => mainReads.similar(reportToken))
  if (similar.state !== 'ready' || similar.value.length === 0) return null
  const nav = useNavigation.getState()
  const compare = (s: SimilarReport) => nav.navigate({
    name: 'diff', origin: 'library', title: `${reportName} → ${s.reportName}`,
    from: { queryToken: s.queryToken, versionId: null, label: reportName },
    to: { queryToken: s.otherQueryToken, versionId: null, label: s.reportName },
  })
  return (
    <section className="knowledge-section" aria-labelledby="similar-title" data-testid="similar-reports">
      <h2 id="similar-title">Similar reports <span className="faint">({similar.value.length})</span></h2>
      <ul className="similar-list card">
        {similar.value.map((s) => (
          <li key={s.reportToken} className="similar-item">
            <span className={`badge ${s.kind === 'exact' ? 'badge-accent' : ''}`}>{similarityLabel(s.kind, s.similarity)}</span>
            <span className="feed-main">
              <button type="button" className="btn btn-link feed-name" onClick={() => nav.navigate({ name: 'report', token: s.reportToken })}>{s.reportName}</button>
              {s.collection && <span className="feed-summary">{s.collection}</span>}
            </span>
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => compare(s)}>Compare SQL</button>
          </li>
        ))}
      </ul>
    </section>
  )
}
