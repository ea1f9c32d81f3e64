// The people and access review for workspace admins: who holds Admin, who has been inactive, deactivated
// members who still own reports or sit in groups, groups with no members or no access, restricted collections
// and exactly who can see them, personal collections of deactivated members. Read-only: each finding links to
// the person, group or collection in the app and to the page in Mode where an admin would change it.
import { useState } from 'react'
import { FINDING_KINDS, type AccessReview, type FindingKind } from '../../../../shared/access-model.ts'
import { Button } from '../../components/Button.tsx'
import { Notice } from '../../components/Notice.tsx'
import { accessReviewReads, useInactiveThreshold } from '../../stores/access-review.ts'
import { useConnection } from '../../stores/connection.ts'
import { useLoad } from '../../stores/use-load.ts'
import { AccessParts } from './AccessParts.tsx'
import { FindingsSection } from './FindingsSection.tsx'
import { InactiveDaysField } from './InactiveDaysField.tsx'
import './access.css'

type ExportNote = { tone: 'success' | 'info' | 'error'; text: string }

export function AccessReviewScreen() {
  const days = useInactiveThreshold((s) => s.inactiveDays)
  const isSample = useConnection((s) => s.status?.isSample ?? false)
  const loaded = useLoad(`access-review:${days}`, () => accessReviewReads.review(days))
  const [exporting, setExporting] = useState(false)
  const [exported, setExported] = useState<ExportNote | null>(null)

  const exportCsv = async () => {
    setExporting(true)
    setExported(null)
    try {
      const result = await accessReviewReads.exportCsv(days)
      setExported(result.saved
        ? { tone: 'success', text: `Saved ${result.findings.toLocaleString()} ${result.findings === 1 ? 'finding' : 'findings'} to ${result.fileName ?? 'the file you chose'}.` }
        : { tone: 'info', text: 'Export cancelled: nothing was saved.' })
    } catch (e) {
      setExported({ tone: 'error', text: `The review could not be saved: ${e instanceof Error ? e.message : String(e)}` })
    } finally {
      setExporting(false)
    }
  }

  const review = loaded.state === 'ready' ? loaded.value : null
  return (
    <div className="screen access-screen">
      <header className="screen-header">
        <div>
          <h1>Access review</h1>
          <p className="muted">Read-only: nothing here changes anything in Mode. Each finding links to where you would change it.</p>
        </div>
        <div className="access-tools">
          <InactiveDaysField />
          <Button variant="primary" onClick={() => void exportCsv()} busy={exporting} busyLabel="Exporting…" disabled={!review}>Export CSV</Button>
        </div>
      </header>
      {exported && <Notice tone={exported.tone} testId="access-export-result">{exported.text}</Notice>}
      {isSample && (
        <p className="access-sample-note" data-testid="sample-no-link">
          Sample workspace: it exists only on this computer, so its people, groups and collections have no Mode page to open.
        </p>
      )}
      {loaded.state === 'error' && <Notice tone="error">{loaded.message}</Notice>}
      {loaded.state === 'loading' && <p className="muted" role="status">Loading the review…</p>}
      {review && <ReviewBody review={review} modeLinks={!isSample} />}
    </div>
  )
}

/** Moves to a section (its heading takes focus, so the keyboard continues from there). */
function jumpTo(kind: FindingKind): void {
  const heading = document.getElementById(`access-${kind}-title`)
  heading?.scrollIntoView({ block: 'start' })
  heading?.focus({ preventScroll: true })
}

function ReviewBody({ review, modeLinks }: { review: AccessReview; modeLinks: boolean }) {
  const count = (...kinds: FindingKind[]) => review.findings.filter((f) => kinds.includes(f.kind)).length
  const item = (kind: FindingKind, text: string, n = count(kind)) => (
    <li><button type="button" className="access-summary-item" onClick={() => jumpTo(kind)}><strong>{n.toLocaleString()}</strong> {text}</button></li>
  )
  return (
    <>
      <AccessParts parts={review.parts} />
      <ul className="access-summary" aria-label="Summary">
        {item('admin', count('admin') === 1 ? 'admin' : 'admins')}
        {item('inactive', `inactive for ${review.inactiveDays.toLocaleString()}+ days`)}
        {item('deactivated_with_access', 'deactivated with reports or groups')}
        {item('group_without_members', 'groups to check', count('group_without_members', 'group_without_access'))}
        {item('restricted_collection', 'restricted collections')}
        {item('personal_of_deactivated', 'personal collections of deactivated members')}
      </ul>
      {FINDING_KINDS.map((kind) => <FindingsSection key={kind} kind={kind} review={review} modeLinks={modeLinks} />)}
    </>
  )
}
