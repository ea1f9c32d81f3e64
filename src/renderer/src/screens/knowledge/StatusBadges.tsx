// Report statuses as badges: on result rows (compact, the reason in the tooltip) and on the report page (each
// with the facts behind it). What each status means is decided in main (knowledge/report-status.ts).
import type { ReportStatus } from '../../../../shared/model.ts'
import type { ReportStatusReason } from '../../../../shared/knowledge-model.ts'
import './knowledge.css'

export const STATUS_BADGE: Record<ReportStatus, { label: string; className: string; title: string }> = {
  popular: { label: 'Popular', className: 'badge-accent', title: 'Among the most viewed reports of this workspace' },
  failing: { label: 'Failing', className: 'badge-danger', title: 'Its last run did not succeed (or is still running)' },
  stale: { label: 'Stale', className: 'badge-warning', title: 'Not run and not edited for a long time (see Settings)' },
  scheduled: { label: 'Scheduled', className: 'badge-success', title: 'Runs on a schedule' },
  'never-run': { label: 'Never run', className: '', title: 'Mode has no run of this report' },
}

export function StatusBadges({ statuses }: { statuses: ReportStatus[] | undefined }) {
  if (!statuses || statuses.length === 0) return null
  return (
    <span className="status-badges" data-testid="status-badges">
      {statuses.map((s) => (
        <span key={s} className={`badge ${STATUS_BADGE[s].className}`} data-status={s} title={STATUS_BADGE[s].title}>{STATUS_BADGE[s].label}</span>
      ))}
    </span>
  )
}

/** The report page's statuses, each beside the facts behind it. */
export function ReportStatusList({ statuses }: { statuses: ReportStatusReason[] }) {
  if (statuses.length === 0) return null
  return (
    <ul className="report-statuses" aria-label="Status" data-testid="report-statuses">
      {statuses.map(({ status, reason }) => (
        <li key={status} className="report-status" data-status={status}>
          <span className={`badge ${STATUS_BADGE[status].className}`}>{STATUS_BADGE[status].label}</span>
          <span>{reason}</span>
        </li>
      ))}
    </ul>
  )
}
