// Saved searches in the sidebar: click one to run it, × to delete it.
import { useEffect } from 'react'
import { useNavigation } from '../../stores/navigation.ts'
import { useSavedSearches } from '../../stores/saved-searches.ts'

export function SavedSearchesSidebar() {
  const { items, loaded } = useSavedSearches()
  const view = useNavigation((s) => s.view)
  useEffect(() => { void useSavedSearches.getState().load() }, [])
  const current = view.name === 'library' ? view.query : null
  return (
    <nav className="saved-searches" aria-label="Saved searches">
      {loaded && items.length === 0 && <p className="faint saved-empty">Save a search from the library to find it here.</p>}
      <ul className="sidebar-list">
        {items.map((s) => (
          <li key={s.id} className="saved-item">
            <button
              type="button"
              className="nav-item saved-run"
              aria-current={current === s.query ? 'page' : undefined}
              title={s.query}
              onClick={() => useNavigation.getState().search(s.query)}
            >
              <span className="saved-name">{s.name}</span>
            </button>
            <button type="button" className="saved-delete" aria-label={`Delete saved search ${s.name}`} onClick={() => void useSavedSearches.getState().remove(s.id)}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}
