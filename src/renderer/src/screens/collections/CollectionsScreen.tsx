// Every collection with its report count, personal ones marked; opening one lists its reports.
import { useEffect, useMemo, useState } from 'react'
import type { CollectionSummary } from '../../../../shared/model.ts'
import { call } from '../../bridge.ts'
import { useNavigation } from '../../stores/navigation.ts'
import { filterTerm } from '../library/query-filters.ts'
import './collections.css'

export function CollectionsScreen() {
  const [collections, setCollections] = useState<CollectionSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [filter, setFilter] = useState('')
  const [showPersonal, setShowPersonal] = useState(true)
  useEffect(() => {
    call('library.listCollections').then(setCollections, (e: unknown) => setError(e instanceof Error ? e.message : String(e)))
  }, [])
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase()
    return (collections ?? [])
      .filter((c) => (showPersonal || !c.isPersonal) && (!f || c.name.toLowerCase().includes(f)))
      .sort((a, b) => Number(a.isPersonal) - Number(b.isPersonal) || a.name.localeCompare(b.name))
  }, [collections, filter, showPersonal])
  const personalCount = (collections ?? []).filter((c) => c.isPersonal).length

  return (
    <div className="screen collections-screen">
      <header className="screen-header">
        <div>
          <h1>Collections</h1>
          <p className="muted" aria-live="polite">
            {collections ? `${collections.length.toLocaleString()} collections, ${personalCount.toLocaleString()} personal` : 'Loading…'}
          </p>
        </div>
        <div className="collections-tools">
          <input type="search" className="input" placeholder="Filter collections" aria-label="Filter collections" value={filter} onChange={(e) => setFilter(e.target.value)} />
          <label className="archived-toggle">
            <input type="checkbox" role="switch" className="switch" checked={showPersonal} onChange={(e) => setShowPersonal(e.target.checked)} />
            <span>Personal</span>
          </label>
        </div>
      </header>
      {error && <div className="notice notice-error" role="alert"><div className="notice-body">{error}</div></div>}
      {collections && collections.length === 0 && (
        <div className="empty-state"><h2>No collections yet</h2><p className="empty-state-body">They appear here as soon as the sync lists them.</p></div>
      )}
      <ul className="collection-grid" aria-label="Collections">
        {shown.map((c) => (
          <li key={c.token}>
            <button type="button" className="collection-card card" onClick={() => useNavigation.getState().search(filterTerm('collection', c.name))}>
              <span className="collection-name">
                {c.name}
                {c.isPersonal && <span className="badge">Personal</span>}
              </span>
              {c.description && <span className="collection-description">{c.description}</span>}
              <span className="collection-count">{c.reportCount.toLocaleString()} {c.reportCount === 1 ? 'report' : 'reports'}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
