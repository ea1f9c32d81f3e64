// Saved searches in the sidebar, in the user's order, each with how many reports it lists now. Click one to run
// it. Rename with its pencil or F2, reorder by dragging or with Alt+↑/↓, delete with × or the Delete key; a delete
// can be undone from the notice it leaves (or Ctrl/Cmd+Z).
import { useEffect, useState, type DragEvent, type KeyboardEvent } from 'react'
import type { SavedSearch } from '../../../../shared/model.ts'
import { UndoToast } from '../../components/UndoToast.tsx'
import { useNavigation } from '../../stores/navigation.ts'
import { useSavedSearches } from '../../stores/saved-searches.ts'
import { SavedSearchName } from './SavedSearchName.tsx'

/** Puts the focus on a search's run button once the list shows the change just made (a move, delete or rename). */
function focusSoon(id: string | null | undefined): void {
  if (!id) return
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-saved-id="${CSS.escape(id)}"] .saved-run`)?.focus())
}

export function SavedSearchesSidebar() {
  const { items, loaded, counts, deleted, error } = useSavedSearches()
  const view = useNavigation((s) => s.view)
  const [renaming, setRenaming] = useState<string | null>(null)
  const [dragging, setDragging] = useState<string | null>(null)
  useEffect(() => { void useSavedSearches.getState().load() }, [])
  const current = view.name === 'library' ? view.query : null
  const store = useSavedSearches.getState

  const remove = (s: SavedSearch, index: number) => {
    const next = items[index + 1]?.id ?? items[index - 1]?.id
    void store().remove(s.id).then(() => focusSoon(next))
  }
  const onKeyDown = (e: KeyboardEvent, s: SavedSearch, index: number) => {
    const plain = !e.ctrlKey && !e.metaKey && !e.shiftKey
    if (e.altKey && plain && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault()
      const to = index + (e.key === 'ArrowUp' ? -1 : 1)
      if (to < 0 || to >= items.length) return
      void store().move(s.id, to).then(() => focusSoon(s.id))
    } else if (!e.altKey && plain && e.key === 'F2') {
      e.preventDefault()
      setRenaming(s.id)
    } else if (!e.altKey && plain && e.key === 'Delete') {
      e.preventDefault()
      remove(s, index)
    }
  }
  const onDrop = (e: DragEvent, index: number) => {
    e.preventDefault()
    if (dragging !== null) void store().move(dragging, index)
    setDragging(null)
  }

  return (
    <nav className="saved-searches" aria-label="Saved searches">
      {loaded && items.length === 0 && <p className="faint saved-empty">Save a search from the library to find it here.</p>}
      {error && !renaming && <p className="field-error saved-error" role="alert">{error}</p>}
      <ul className="sidebar-list">
        {items.map((s, index) => (
          <li
            key={s.id}
            className="saved-item"
            data-saved-id={s.id}
            data-dragging={dragging === s.id || undefined}
            draggable={renaming !== s.id}
            onDragStart={(e) => { setDragging(s.id); e.dataTransfer.effectAllowed = 'move' }}
            onDragEnd={() => setDragging(null)}
            onDragOver={(e) => { if (dragging !== null) e.preventDefault() }}
            onDrop={(e) => onDrop(e, index)}
          >
            {renaming === s.id ? (
              <SavedSearchName search={s} onDone={(keepFocus) => { setRenaming(null); useSavedSearches.setState({ error: null }); if (keepFocus) focusSoon(s.id) }} />
            ) : (
              <>
                <button
                  type="button"
                  className="nav-item saved-run"
                  aria-current={current === s.query ? 'page' : undefined}
                  aria-label={counts[s.id] === undefined ? s.name : `${s.name}, ${counts[s.id]!.toLocaleString()} ${counts[s.id] === 1 ? 'report' : 'reports'}`}
                  aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown F2 Delete"
                  title={`${s.query}\nAlt+↑/↓ to move · F2 to rename · Delete to delete`}
                  onClick={() => useNavigation.getState().search(s.query)}
                  onKeyDown={(e) => onKeyDown(e, s, index)}
                >
                  <span className="saved-name">{s.name}</span>
                  {counts[s.id] !== undefined && <span className="saved-count" aria-hidden="true">{counts[s.id]!.toLocaleString()}</span>}
                </button>
                <span className="saved-tools">
                  <button type="button" className="saved-tool" aria-label={`Rename saved search ${s.name}`} title="Rename (F2)" onClick={() => setRenaming(s.id)}>✎</button>
                  <button type="button" className="saved-tool saved-delete" aria-label={`Delete saved search ${s.name}`} title="Delete (Delete key)" onClick={() => remove(s, index)}>×</button>
                </span>
              </>
            )}
          </li>
        ))}
      </ul>
      {deleted && (
        <UndoToast
          message={`Deleted saved search “${deleted.search.name}”.`}
          onUndo={() => { const id = deleted.search.id; void store().undoRemove().then(() => focusSoon(id)) }}
          onDismiss={() => store().dismissUndo()}
        />
      )}
    </nav>
  )
}
