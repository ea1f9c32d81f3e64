// A quiet "Saved" next to the control that was just changed; its space is always reserved (no shift).
import type { Settings } from '../../../../shared/model.ts'
import { useSettings } from '../../stores/settings.ts'

export function SavedHint({ setting }: { setting: keyof Settings }) {
  const lastSaved = useSettings((s) => s.lastSaved)
  return (
    <span className="saved-hint" aria-live="polite" data-testid={`saved-${setting}`}>
      {lastSaved === setting ? 'Saved' : ''}
    </span>
  )
}
