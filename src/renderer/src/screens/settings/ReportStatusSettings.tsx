// When a report counts as stale: not run and not edited for this long. The Stale badge and is:stale follow it.
import { useLibrary } from '../../stores/library.ts'
import { useSettings } from '../../stores/settings.ts'
import { days } from './HistorySection.tsx'
import { SavedHint } from './SavedHint.tsx'

const STALE_CHOICES = [30, 90, 180, 365, 730]

export function ReportStatusSettings({ staleAfterDays }: { staleAfterDays: number }) {
  const update = useSettings((s) => s.update)
  // The results on the library screen were found with the old bar: they are refreshed when it shows again.
  const change = async (days: number) => {
    if (await update({ staleAfterDays: days })) useLibrary.setState((s) => ({ libraryVersion: s.libraryVersion + 1 }))
  }
  const choices = STALE_CHOICES.includes(staleAfterDays) ? STALE_CHOICES : [...STALE_CHOICES, staleAfterDays].sort((a, b) => a - b)
  return (
    <section className="card settings-section" aria-labelledby="settings-report-status">
      <h2 id="settings-report-status">Report status</h2>
      <div className="setting-row">
        <div className="setting-text">
          <label htmlFor="setting-staleAfterDays">Stale after</label>
          <span className="setting-desc" id="setting-staleAfterDays-desc">
            A report not run and not edited for this long is marked Stale (and found with is:stale). Popular means among
            the 5% most viewed reports of the workspace, with at least 10 views.
          </span>
        </div>
        <div className="setting-control">
          <SavedHint setting="staleAfterDays" />
          <select id="setting-staleAfterDays" className="input" aria-describedby="setting-staleAfterDays-desc" value={staleAfterDays}
            onChange={(e) => void change(Number(e.currentTarget.value))}>
            {choices.map((n) => <option key={n} value={n}>{days(n)}</option>)}
          </select>
        </div>
      </div>
    </section>
  )
}
