// The theme: follow the system, or always light or dark. Applied the moment it is chosen.
import type { Theme } from '../../../../shared/model.ts'
import { useSettings } from '../../stores/settings.ts'
import { SavedHint } from './SavedHint.tsx'

// Every theme has its label: the compiler names one that is missing. In the order shown.
const LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' }
const THEMES = Object.keys(LABELS) as Theme[]

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
            {THEMES.map((value) => (
              <label key={value}>
                <input type="radio" name="theme" value={value} checked={theme === value} onChange={() => void update({ theme: value })} />
                <span>{LABELS[value]}</span>
              </label>
            ))}
          </div>
        </div>
      </div>
    </section>
  )
}
