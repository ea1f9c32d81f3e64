// Every collection with its report count, personal ones marked; opening one lists its reports.
import { useEffect, useMemo, useState } from 'react'
import type { CollectionSummary } from '../../../../shared/model.ts'
import { mainReads } from '../../stores/main-reads.ts'
import { useNavigation } from '../../stores/navigation.ts'
import { filterTerm } from '../library/query-filters.ts'
import './collections.css'

export function CollectionsScreen() {
  const [collections, setCollections] = useState<CollectionSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [filter, setFilter] = useState('')
  const [showPersonal, setShowPersonal] = useState(true)
  useEffect(() => {
    let live = true
    mainReads.collections().then((list) => {
      if (live) setCollections(list)
    }, (e: unknown) => { if (live) setError(e instanceof Error ? e.message : String(e)) })
    return () => { live = false }
  }, [])
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase()
    return (collections ?? [])
      .filter((c) => (showPersonal || !c.isPersonal) && (!f || c.label.toLowerCase().includes(f)))
      // Shared first, then personal ones by owner ("Personal — ana"); one whose owner is unknown last.
      .sort((a, b) => Number(a.isPersonal) - Number(b.isPersonal) || Number(a.label === a.name && a.isPersonal) - Number(b.label === b.name && b.isPersonal) || a.label.localeCompare(b.label))
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
            <span>Show personal</span>
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
            <button type="button" className="collection-card card" onClick={() => useNavigation.getState().search(filterTerm('collection', c.label))}>
              <span className="collection-name">
                {c.label}
                {c.isPersonal && !c.label.startsWith('Personal') && <span className="badge">Personal</span>}
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
