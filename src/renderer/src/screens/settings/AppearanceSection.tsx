// The theme: follow the system, or always light or dark. Applied the moment it is chosen.
import type { Theme } from '../../../../shared/model.ts'
import { useSettings } from '../../stores/settings.ts'
import { SavedHint } from './SavedHint.tsx'

const OPTIONS: { value: Theme; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
]

export function AppearanceSection({ theme }: { theme: Theme }) {
  const update = useSettings((s) => s.update)
  return (
    <section className="card settings-section" aria-labelledby="settings-appearance">
      <h2 id="settings-appearance">Appearance</h2>
      <div className="setting-row">
        <div className="setting-text">
          <span className="setting-name" id="setting-theme-label">Theme</span>
          <span className="setting-desc">“System” follows your operating system's light or dark mode.</span>
        </div>
        <div className="setting-control">
          <SavedHint setting="theme" />
          <div className="segmented" role="radiogroup" aria-labelledby="setting-theme-label">
            {OPTIONS.map((o) => (
              <label key={o.value}>
                <input type="radio" name="theme" value={o.value} checked={theme === o.value} onChange={() => void update({ theme: o.value })} />
                <span>{o.label}</span>
              </label>
            ))}
          </div>
        </div>
      </div>
    </section>
  )
}
