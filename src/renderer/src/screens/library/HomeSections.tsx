// The library's home, above the full list while the query is empty: the reports pinned, those opened recently
// and what the last sync changed — the few an analyst comes back to every morning, one click away.
import { useId, type ReactNode } from 'react'
import type { HomeReport } from '../../../../shared/home-model.ts'
import type { ReportChange } from '../../../../shared/knowledge-model.ts'
import { mainReads } from '../../stores/main-reads.ts'
import { useHome } from '../../stores/home.ts'
import { useNavigation } from '../../stores/navigation.ts'
import { KIND_LABELS } from '../knowledge/ChangesScreen.tsx'
import { useLoad } from '../../stores/use-load.ts'
import { useSync } from '../../stores/sync.ts'
import { relativeTime } from '../sync/relative-time.ts'

/** Rows per section: enough for a morning's reports, few enough to leave the full list in view. */
const SHOWN = 5

const open = (token: string) => useNavigation.getState().navigate({ name: 'report', token })

function Section({ id, title, more, children }: { id: string; title: string; more?: ReactNode; children: ReactNode }) {
  return (
    <section className="home-section" aria-labelledby={`home-${id}`} data-testid={`home-${id}`}>
      {/* The section is named by its title alone, not by the "All N" button beside it. */}
      <h2 className="home-title"><span id={`home-${id}`}>{title}</span>{more}</h2>
      {children}
    </section>
  )
}

/** Opens a report: named by the report's name alone, what follows it (archived, collection, when) its description. */
function OpenButton({ token, name, title, archived, detail }: { token: string; name: string; title: string; archived: boolean; detail: string | null }) {
  const id = useId()
  return (
    <button type="button" className="home-open" onClick={() => open(token)} title={title} aria-labelledby={`${id}-name`} aria-describedby={`${id}-detail`}>
      <span className="home-name" id={`${id}-name`}>{name}</span>
      <span className="home-details" id={`${id}-detail`}>
        {archived && <span className="badge badge-warning">Archived</span>}
        {detail && <span className="home-detail">{detail}</span>}
      </span>
    </button>
  )
}

function ReportItem({ report, detail, action }: { report: HomeReport; detail: string | null; action?: ReactNode }) {
  return (
    <li className="home-item">
      <OpenButton token={report.token} name={report.name} title={report.name} archived={report.archived} detail={detail} />
      {action}
    </li>
  )
}

export function HomeSections() {
  const home = useHome((s) => s.home)
  // Read again after each sync that succeeds, as well as on each library change: the sync records what it changed
  // after its last write, so the change that ends it can arrive before its feed is complete.
  const lastSuccessAt = useSync((s) => s.state?.lastSuccessAt ?? null)
  const feed = useLoad(`home-feed:${lastSuccessAt}`, () => mainReads.changes({ limit: SHOWN * 4 }))
  const pinned = home?.pinned ?? []
  const recent = home?.recent ?? []
  const changes: ReportChange[] = feed.state === 'ready' ? feed.value.lastSyncChanges.filter((c) => c.present) : []
  return (
    <div className="home" data-testid="home">
      <Section id="pinned" title="Pinned">
        {pinned.length === 0 ? <p className="faint home-empty">Pin a report from its page to keep it here.</p> : (
          <ul className="home-list">
            {pinned.slice(0, SHOWN * 2).map((r) => (
              <ReportItem key={r.token} report={r} detail={r.collection} action={
                <button type="button" className="home-unpin" aria-label={`Unpin ${r.name}`} title="Unpin" onClick={() => void useHome.getState().setPinned(r.token, false)}>×</button>
              } />
            ))}
          </ul>
        )}
      </Section>
      <Section id="recent" title="Recently opened">
        {recent.length === 0 ? <p className="faint home-empty">Reports you open appear here.</p> : (
          <ul className="home-list">
            {recent.slice(0, SHOWN).map((r) => <ReportItem key={r.token} report={r} detail={relativeTime(r.at)} />)}
          </ul>
        )}
      </Section>
      <Section id="changed" title="Changed in the last sync" more={changes.length > SHOWN && (
        <button type="button" className="btn btn-link home-more" onClick={() => useNavigation.getState().navigate({ name: 'changes' })}>All {changes.length}</button>
      )}>
        {changes.length === 0 ? <p className="faint home-empty">{feed.state === 'ready' && feed.value.lastSync ? 'Nothing changed in the last sync.' : 'Changes appear here after a sync.'}</p> : (
          <ul className="home-list">
            {changes.slice(0, SHOWN).map((c) => (
              <li key={c.id} className="home-item">
                <OpenButton token={c.reportToken} name={c.reportName} title={c.summary} archived={false} detail={KIND_LABELS[c.kind]} />
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  )
}
