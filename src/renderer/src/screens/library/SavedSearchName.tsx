// Renaming a saved search in place: Enter (or leaving the box) keeps the new name, Escape keeps the old one. A name
// main refuses (another search has it) stays in the box with the reason below it.
import { useEffect, useRef, useState } from 'react'
import type { SavedSearch } from '../../../../shared/model.ts'
import { useSavedSearches } from '../../stores/saved-searches.ts'

export function SavedSearchName({ search, onDone }: { search: SavedSearch; onDone: (keepFocus: boolean) => void }) {
  const [name, setName] = useState(search.name)
  const [refused, setRefused] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)
  const settled = useRef(false)
  useEffect(() => { input.current?.select() }, [])
  /** keepFocus: the keyboard finished the edit (Enter), so the focus returns to the search; a blur leaves it be. */
  const commit = async (keepFocus: boolean) => {
    if (settled.current) return
    const next = name.trim()
    if (!next || next === search.name) {
      settled.current = true
      onDone(keepFocus)
      return
    }
    settled.current = true
    if (await useSavedSearches.getState().rename(search.id, next)) onDone(keepFocus)
    else {
      settled.current = false
      setRefused(useSavedSearches.getState().error)
      input.current?.focus()
    }
  }
  return (
    <div className="saved-rename">
      <input
        ref={input}
        className="input saved-rename-input"
        aria-label={`New name for ${search.name}`}
        aria-invalid={refused !== null || undefined}
        aria-describedby={refused ? `saved-rename-error-${search.id}` : undefined}
        value={name}
        maxLength={100}
        onChange={(e) => { setName(e.target.value); setRefused(null) }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') { e.preventDefault(); void commit(true) }
          if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); settled.current = true; onDone(true) }
        }}
        onBlur={() => { if (refused === null) void commit(false) }}
      />
      {refused && <p className="field-error" id={`saved-rename-error-${search.id}`} role="alert">{refused}</p>}
    </div>
  )
}
