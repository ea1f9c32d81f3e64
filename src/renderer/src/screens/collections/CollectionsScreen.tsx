// Every collection with its report count, personal ones marked, sortable by name or size; opening one lists its
// reports (exactly as many as the card says: see src/shared/report-counts.ts).
import { useEffect, useId, useMemo, useState } from 'react'
import type { CollectionSummary } from '../../../../shared/model.ts'
import { reportCountText } from '../../../../shared/report-counts.ts'
import { useCollections } from '../../stores/collections.ts'
import { useNavigation } from '../../stores/navigation.ts'
import { COLLECTION_SORTS, collectionQuery, orderCollections, type CollectionSort } from './collection-order.ts'
import './collections.css'

/** A card named by the collection's label (and its Personal badge); its description and count are read after it. */
function CollectionCard({ collection: c, onOpen }: { collection: CollectionSummary; onOpen: () => void }) {
  const id = useId()
  return (
    <button type="button" className="collection-card card" data-token={c.token} onClick={onOpen} aria-labelledby={`${id}-name`}
      aria-describedby={c.description ? `${id}-description ${id}-count` : `${id}-count`}>
      <span className="collection-name" id={`${id}-name`}>
        {c.label}
        {c.isPersonal && !c.label.startsWith('Personal') && <span className="badge">Personal</span>}
      </span>
      {c.description && <span className="collection-description" id={`${id}-description`}>{c.description}</span>}
      <span className="collection-count" data-testid="collection-count" id={`${id}-count`}>{reportCountText(c.reportCount, c.archivedCount)}</span>
    </button>
  )
}

export function CollectionsScreen() {
  const { collections, error } = useCollections()
  const [filter, setFilter] = useState('')
  const [showPersonal, setShowPersonal] = useState(true)
  const [sort, setSort] = useState<CollectionSort>('name')
  useEffect(() => { void useCollections.getState().load() }, [])
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase()
    return orderCollections((collections ?? []).filter((c) => (showPersonal || !c.isPersonal) && (!f || c.label.toLowerCase().includes(f))), sort)
  }, [collections, filter, showPersonal, sort])
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
          <label className="select-field">
            <span>Sort</span>
            <select className="input" aria-label="Sort collections" value={sort} onChange={(e) => setSort(e.target.value as CollectionSort)}>
              {COLLECTION_SORTS.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
            </select>
          </label>
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
      {collections && collections.length > 0 && shown.length === 0 && (
        <div className="empty-state" data-testid="collections-none">
          <h2>No collection matches</h2>
          <p className="empty-state-body">
            {filter.trim() ? <>No collection name contains <code>{filter.trim()}</code>{showPersonal ? '' : ' (personal collections are hidden)'}.</> : 'Personal collections are hidden.'}
          </p>
          <div className="btn-row">
            {filter.trim() && <button type="button" className="btn" onClick={() => setFilter('')}>Clear the filter</button>}
            {!showPersonal && <button type="button" className="btn" onClick={() => setShowPersonal(true)}>Show personal collections</button>}
          </div>
        </div>
      )}
      <ul className="collection-grid" aria-label="Collections">
        {shown.map((c) => (
          <li key={c.token}>
            <CollectionCard collection={c} onOpen={() => useNavigation.getState().search(collectionQuery(c, collections ?? []))} />
          </li>
        ))}
      </ul>
    </div>
  )
}
