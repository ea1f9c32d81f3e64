// The report page's statuses (popular, failing, stale, scheduled, never run), each with the facts behind it,
// read from main; nothing shows while loading or when none applies.
import { mainReads } from '../../stores/main-reads.ts'
import { ReportStatusList } from './StatusBadges.tsx'
import { useLoad } from '../../stores/use-load.ts'

export function ReportStatusSection({ reportToken }: { reportToken: string }) {
  const statuses = useLoad(`status:${reportToken}`, () => mainReads.reportStatus(reportToken))
  if (statuses.state !== 'ready' || statuses.value.length === 0) return null
  return <ReportStatusList statuses={statuses.value} />
}
