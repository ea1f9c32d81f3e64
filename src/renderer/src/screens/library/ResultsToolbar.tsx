// The list's order (a sort menu whose choice always shows), its density (rows or a compact table) and whether
// rows show each report's preview picture. All three persist as settings, so the library opens the way it was left.
import type { SearchSort } from '../../../../shared/model.ts'
import { useLibrary } from '../../stores/library.ts'
import { useSettings } from '../../stores/settings.ts'
import { SORTS, type Density } from './result-order.ts'

export function chooseSort(sort: SearchSort): void {
  useLibrary.getState().setSort(sort)
  void useSettings.getState().update({ librarySort: sort })
}

export function ResultsToolbar({ density }: { density: Density }) {
  const sort = useLibrary((s) => s.sort)
  const thumbnails = useSettings((s) => s.settings?.resultThumbnails === true)
  return (
    <div className="results-toolbar">
      <label className="sort-menu">
        <span className="sort-label">Sort</span>
        <select className="input" aria-label="Sort results" value={sort} data-testid="sort-menu" onChange={(e) => chooseSort(e.target.value as SearchSort)}>
          {SORTS.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
        </select>
      </label>
      {density === 'rows' && (
        <label className="thumbnails-toggle">
          <input type="checkbox" checked={thumbnails} onChange={(e) => void useSettings.getState().update({ resultThumbnails: e.currentTarget.checked })} />
          <span>Pictures</span>
        </label>
      )}
      <div className="segmented density" role="radiogroup" aria-label="Density">
        {([['rows', 'Rows'], ['table', 'Table']] as const).map(([value, label]) => (
          <label key={value}>
            <input type="radio" name="library-density" value={value} checked={density === value} onChange={() => void useSettings.getState().update({ libraryDensity: value })} />
            <span>{label}</span>
          </label>
        ))}
      </div>
    </div>
  )
}
