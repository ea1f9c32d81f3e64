// The query language at a glance, in a small popover next to the search box.
import { useEffect, useId, useRef, useState } from 'react'
import { Icon } from '../../components/Icon.tsx'

const EXAMPLES: Array<[string, string]> = [
  ['revenue retention', 'words, matched as you type'],
  ['"net revenue"', 'an exact phrase'],
  ['-draft', 'exclude a word'],
  ['collection:Finance', 'reports in a collection'],
  ['author:ana', 'reports created by someone'],
  ['table:analytics.fct_orders', 'reports whose SQL reads a table'],
  ['source:Warehouse', 'reports using a data source'],
  ['include:archived', 'archived reports too'],
  ['is:archived', 'only archived reports'],
  ['is:duplicate', 'reports whose SQL is a copy of another’s'],
  ['is:deleted', 'reports deleted in Mode (their last copy)'],
  ['is:dataset', 'only Mode Datasets'],
  ['is:popular', 'the most viewed reports of the workspace'],
  ['is:failing', 'reports whose last run did not succeed'],
  ['is:stale', 'not run and not edited for a long time'],
  ['is:scheduled', 'reports that run on a schedule'],
  ['is:never-run', 'reports Mode never ran'],
  ['updated:>2025-01-01', 'edited after (or updated:< before) a date'],
]

export function QueryHelp({ onInsert }: { onInsert: (example: string) => void }) {
  const [open, setOpen] = useState(false)
  const id = useId()
  const root = useRef<HTMLDivElement>(null)
  const toggle = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!open) return
    const onDown = (e: MouseEvent) => { if (!root.current?.contains(e.target as Node)) setOpen(false) }
    // Esc closes and puts focus back on the toggle: closing from inside the popover would drop it on the page.
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') { e.stopPropagation(); setOpen(false); toggle.current?.focus() } }
    document.addEventListener('mousedown', onDown)
    document.addEventListener('keydown', onKey, true)
    return () => {
      document.removeEventListener('mousedown', onDown)
      document.removeEventListener('keydown', onKey, true)
    }
  }, [open])
  return (
    <div className="query-help" ref={root}>
      {/* The icon says "this opens something": the bare word read like a label next to the search box. */}
      <button ref={toggle} type="button" className="btn btn-ghost btn-sm query-help-toggle" aria-haspopup="dialog" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)} title="Search syntax">
        <Icon name="code" size={14} /> <span className="label-wide">Syntax</span>
      </button>
      {open && (
        <div id={id} className="query-help-popover card" role="dialog" aria-label="Search syntax">
          <p className="query-help-title">Search syntax</p>
          <ul>
            {EXAMPLES.map(([example, meaning]) => (
              <li key={example}>
                <button type="button" className="query-help-example" onClick={() => { onInsert(example); setOpen(false) }}>
                  <code>{example}</code>
                </button>
                <span className="muted">{meaning}</span>
              </li>
            ))}
          </ul>
          <p className="faint">Combine freely: <code>table:fct_orders author:ana -test</code></p>
        </div>
      )}
    </div>
  )
}
