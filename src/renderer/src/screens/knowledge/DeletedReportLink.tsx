// Shown where a report is no longer in the library: when the library kept its tombstone (it was deleted in
// Mode, or moved out of this account's reach), a way to read its last copy.
import { mainReads } from '../../stores/main-reads.ts'
import { useNavigation } from '../../stores/navigation.ts'
import { formatDateTime } from '../sync/relative-time.ts'
import { useLoad } from '../../stores/use-load.ts'

export function DeletedReportLink({ token }: { token: string }) {
  const tombstone = useLoad(`tombstone:${token}`, () => mainReads.deletedReport(token))
  if (tombstone.state !== 'ready' || !tombstone.value) return null
  return (
    <p className="empty-state-body">
      It was deleted (seen gone by the sync of {formatDateTime(tombstone.value.deletedAt)}).{' '}
      <button type="button" className="btn btn-link" onClick={() => useNavigation.getState().navigate({ name: 'deleted', token })}>Read its last copy</button>
    </p>
  )
}
