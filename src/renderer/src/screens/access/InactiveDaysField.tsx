// "Inactive for N days": the threshold the Access review and People screens share. A typed value applies on
// Enter or when the field loses focus, and only when it is a whole number in range (main checks it again).
import { useState } from 'react'
import { MAX_INACTIVE_DAYS } from '../../../../shared/access-model.ts'
import { useInactiveThreshold } from '../../stores/access-review.ts'

export function InactiveDaysField() {
  const days = useInactiveThreshold((s) => s.inactiveDays)
  const setDays = useInactiveThreshold((s) => s.setInactiveDays)
  const [draft, setDraft] = useState(String(days))
  // The other screen may have changed the threshold: show it (render-time sync, no effect).
  const [shownDays, setShownDays] = useState(days)
  if (shownDays !== days) {
    setShownDays(days)
    setDraft(String(days))
  }
  const value = Number(draft)
  const valid = /^\d+$/.test(draft.trim()) && value >= 1 && value <= MAX_INACTIVE_DAYS
  const apply = () => { if (valid && value !== days) setDays(value) }
  return (
    <form className="access-days" onSubmit={(e) => { e.preventDefault(); apply() }}>
      <label htmlFor="inactive-days">Inactive for</label>
      <input id="inactive-days" aria-label="Inactive for how many days" className="input" type="number" inputMode="numeric" min={1} max={MAX_INACTIVE_DAYS} value={draft}
        aria-invalid={!valid || undefined} aria-describedby={valid ? undefined : 'inactive-days-error'}
        onChange={(e) => setDraft(e.target.value)} onBlur={apply} />
      <span aria-hidden="true">days</span>
      {!valid && <span id="inactive-days-error" className="access-days-error" role="alert">A whole number from 1 to {MAX_INACTIVE_DAYS.toLocaleString()}</span>}
    </form>
  )
}
