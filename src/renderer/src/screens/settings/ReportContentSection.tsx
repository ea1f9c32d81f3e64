// What the library keeps of each report besides its SQL: last results (which reports, how much disk), preview
// pictures (their disk limit), and a way to clear the cached results. Results are the company's data: they stay
// in the library on this computer and are never logged.
import { useEffect, useState } from 'react'
import type { CachedContentSize, ResultsScope, Settings } from '../../../../shared/model.ts'
import { mainReads } from '../../stores/main-reads.ts'
import { Button } from '../../components/Button.tsx'
import { useSettings } from '../../stores/settings.ts'
import { SavedHint } from './SavedHint.tsx'
import { formatBytes } from '../../../../shared/format-bytes.ts'

const SCOPES: { value: ResultsScope; label: string }[] = [
  { value: 'opened', label: 'Reports I open + the 200 most viewed' },
  { value: 'all', label: 'All reports' },
  { value: 'none', label: 'None' },
]

export function ReportContentSection({ settings }: { settings: Settings }) {
  const update = useSettings((s) => s.update)
  const [size, setSize] = useState<CachedContentSize | null>(null)
  const [limit, setLimit] = useState(String(settings.previewDiskLimitMb))
  useEffect(() => {
    mainReads.cachedContentSize().then(setSize, () => setSize(null))
  }, [])
  const clear = () => {
    mainReads.clearCachedResults().then(setSize, () => {})
  }
  return (
    <section className="card settings-section" aria-labelledby="settings-content">
      <h2 id="settings-content">Results and previews</h2>
      <div className="setting-row">
        <div className="setting-text">
          <label htmlFor="setting-resultsScope">Keep last results for</label>
          <span className="setting-desc" id="setting-resultsScope-desc">Each sync keeps the last successful results (up to 2,000 rows per query) of these reports, so they can be read offline.</span>
        </div>
        <div className="setting-control">
          <SavedHint setting="resultsScope" />
          <select id="setting-resultsScope" className="input" value={settings.resultsScope} aria-describedby="setting-resultsScope-desc"
            onChange={(e) => void update({ resultsScope: e.currentTarget.value as ResultsScope })}>
            {SCOPES.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </select>
        </div>
      </div>
      <div className="setting-row">
        <div className="setting-text">
          <label htmlFor="setting-previewDiskLimitMb">Preview pictures disk limit (MB)</label>
          <span className="setting-desc" id="setting-previewDiskLimitMb-desc">Reports you opened recently and the most viewed keep theirs first. 0 turns previews off.</span>
        </div>
        <div className="setting-control">
          <SavedHint setting="previewDiskLimitMb" />
          <input id="setting-previewDiskLimitMb" className="input" style={{ width: 110 }} type="number" min={0} max={100000} value={limit}
            aria-describedby="setting-previewDiskLimitMb-desc"
            onChange={(e) => {
              const value = e.currentTarget.value
              setLimit(value)
              const n = Number(value)
              if (value !== '' && Number.isInteger(n) && n >= 0 && n <= 100_000 && n !== settings.previewDiskLimitMb) void update({ previewDiskLimitMb: n })
            }} />
        </div>
      </div>
      <div className="setting-row">
        <div className="setting-text" style={{ flex: 1 }}>
          <span className="setting-name">Cached on this computer</span>
          <span className="setting-desc" data-testid="cached-content-size">
            {size ? `Results: ${formatBytes(size.resultsBytes)} (${size.resultQueries} queries) · Previews: ${formatBytes(size.previewBytes)} (${size.previews})` : '—'}
          </span>
        </div>
        <div className="setting-control">
          <Button onClick={clear} data-testid="clear-cached-results">Clear cached results</Button>
        </div>
      </div>
    </section>
  )
}
