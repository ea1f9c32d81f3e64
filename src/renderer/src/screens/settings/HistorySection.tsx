// SQL history and deleted reports: how much the library keeps (and its size on disk), and for how long a
// deleted report's tombstone stays before it is purged.
import { mainReads } from '../../stores/main-reads.ts'
import { useSettings } from '../../stores/settings.ts'
import { useLoad } from '../../stores/use-load.ts'
import { SavedHint } from './SavedHint.tsx'

const RETENTION_CHOICES = [30, 90, 180, 365, 730, 1825]

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

export const days = (n: number): string => (n % 365 === 0 ? `${n / 365} year${n === 365 ? '' : 's'}` : `${n} days`)

export function HistorySection({ retentionDays }: { retentionDays: number }) {
  const update = useSettings((s) => s.update)
  const usage = useLoad(`usage:${retentionDays}`, () => mainReads.historyUsage())
  const choices = RETENTION_CHOICES.includes(retentionDays) ? RETENTION_CHOICES : [...RETENTION_CHOICES, retentionDays].sort((a, b) => a - b)
  return (
    <section className="card settings-section" aria-labelledby="settings-history">
      <h2 id="settings-history">History</h2>
      <div className="setting-row">
        <div className="setting-text">
          <span className="setting-name">SQL history and deleted reports</span>
          <span className="setting-desc" data-testid="history-usage">
            {usage.state === 'ready'
              ? `${usage.value.versions.toLocaleString()} earlier SQL versions and ${usage.value.tombstones.toLocaleString()} deleted reports kept: ${formatBytes(usage.value.bytes)} of at most ${formatBytes(usage.value.maxBytes)} (oldest versions go first, and at most 50 per query).`
              : 'Measuring…'}
          </span>
        </div>
      </div>
      <div className="setting-row">
        <div className="setting-text">
          <label htmlFor="setting-historyRetentionDays">Keep deleted reports for</label>
          <span className="setting-desc" id="setting-historyRetentionDays-desc">A deleted report stays findable with is:deleted, and in What changed, for this long.</span>
        </div>
        <div className="setting-control">
          <SavedHint setting="historyRetentionDays" />
          <select id="setting-historyRetentionDays" className="input" aria-describedby="setting-historyRetentionDays-desc" value={retentionDays}
            onChange={(e) => void update({ historyRetentionDays: Number(e.currentTarget.value) })}>
            {choices.map((n) => <option key={n} value={n}>{days(n)}</option>)}
          </select>
        </div>
      </div>
    </section>
  )
}
