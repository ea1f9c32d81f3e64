// "Save this search": a name for the current query text (its filters included).
import { useEffect, useRef, useState } from 'react'
import { useSavedSearches } from '../../stores/saved-searches.ts'

export function SaveSearchDialog({ query, onClose }: { query: string; onClose: () => void }) {
  const [name, setName] = useState(query.slice(0, 60))
  const [busy, setBusy] = useState(false)
  const error = useSavedSearches((s) => s.error)
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => { input.current?.select() }, [])
  const submit = async () => {
    if (!name.trim()) return
    setBusy(true)
    const ok = await useSavedSearches.getState().save(name.trim(), query)
    setBusy(false)
    if (ok) onClose()
  }
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose() }}>
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="save-search-title"
        onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onClose() } }}
        onSubmit={(e) => { e.preventDefault(); void submit() }}
      >
        <h2 id="save-search-title">Save search</h2>
        <label className="field">
          <span className="field-label">Name</span>
          <input ref={input} className="input" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} autoFocus />
        </label>
        <p className="field-hint">
          Query: <code>{query}</code>
        </p>
        {error && <p className="field-error" role="alert">{error}</p>}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>Cancel</button>
          <button type="submit" className="btn btn-primary" disabled={!name.trim() || busy}>Save</button>
        </div>
      </form>
    </div>
  )
}
