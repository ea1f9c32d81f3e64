// What the token could read of the access data: for each part it could not (groups, who can see each
// collection, Discovery activity) one notice naming what is missing and what kind of token would read it,
// with everything else on the screen still shown. Below them, where the activity figures come from.
import type { AccessPartState } from '../../../../shared/access-model.ts'
import { Notice } from '../../components/Notice.tsx'

export const PART_TITLES: Record<AccessPartState['part'], string> = {
  groups: 'Groups and their members',
  permissions: 'Who can see each collection',
  activity: 'Member activity (Discovery API)',
}

/** Findings that cannot be complete without the part. */
const LEFT_OUT: Record<AccessPartState['part'], string> = {
  groups: 'Groups without members or access, and group memberships of deactivated members, are left out.',
  permissions: 'Restricted collections are listed without who can see them; groups without access are left out.',
  activity: 'Activity comes from the library alone (the newest report each person created).',
}

export function AccessParts({ parts }: { parts: readonly AccessPartState[] }) {
  const limited = parts.filter((p) => p.status !== 'ok')
  const activity = parts.find((p) => p.part === 'activity')
  return (
    <>
      {limited.length > 0 && (
        <div className="access-parts" data-testid="access-parts">
          {limited.map((p) => (
            <Notice key={p.part} tone={p.status === 'failed' || p.status === 'partial' ? 'warning' : 'info'} title={PART_TITLES[p.part]} testId={`access-part-${p.part}`}>
              {p.note} {p.status === 'partial' ? '' : LEFT_OUT[p.part]}
            </Notice>
          ))}
          <p className="faint">Everything else below was read in full.</p>
        </div>
      )}
      <p className="muted access-sources" data-testid="access-sources">
        Each activity date names its source and none is estimated:{' '}
        {activity?.status === 'ok' ? "Mode's Discovery API (the last day a member engaged) and " : ''}
        the library (the newest report a person created). A member with neither is counted from their activation date, or shows “no activity on record”.
      </p>
    </>
  )
}
