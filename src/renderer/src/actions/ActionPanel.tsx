// The action panel (Ctrl/Cmd+.), Raycast-style: type to narrow, arrows to move, Enter to run, Esc to close; every
// row shows its own shortcut, which also works without the panel. An action with choices (the tables) opens them
// in place. What an action did is announced by the caller (onDone).
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { isMac } from '../shell/shortcuts.ts'
import { comboLabel } from './key-combos.ts'
import type { ActionId } from './action-list.ts'
import type { RunnableAction } from './report-actions.ts'

interface Row {
  key: string
  label: string
  shortcut: string | null
  unavailable: string | null
  run: () => Promise<string | null>
  opens?: RunnableAction
}

function rowsOf(actions: RunnableAction[], mac: boolean): Row[] {
  return actions.map((a) => ({
    key: a.id, label: a.title, shortcut: comboLabel(a.combo, mac), unavailable: a.unavailable, run: a.run, opens: a.choices ? a : undefined,
  }))
}

export function ActionPanel({ title, actions, initial, onClose, onDone }: {
  title: string
  actions: RunnableAction[]
  /** An action whose choices to show straight away (its shortcut was pressed). */
  initial?: ActionId
  onClose: () => void
  onDone: (message: string | null) => void
}) {
  const mac = isMac()
  const [filter, setFilter] = useState('')
  const [active, setActive] = useState(0)
  const [opened, setOpened] = useState<RunnableAction | null>(() => actions.find((a) => a.id === initial && a.choices) ?? null)
  const input = useRef<HTMLInputElement>(null)
  const listId = useId()
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    input.current?.focus()
    return () => opener?.focus({ preventScroll: true })
  }, [])
  const rows = useMemo(() => {
    const all: Row[] = opened
      ? (opened.choices ?? []).map((c) => ({ key: c.label, label: c.label, shortcut: null, unavailable: null, run: c.run }))
      : rowsOf(actions, mac)
    const f = filter.trim().toLowerCase()
    return f ? all.filter((r) => r.label.toLowerCase().includes(f)) : all
  }, [actions, mac, filter, opened])
  const current = Math.min(active, Math.max(0, rows.length - 1))

  const choose = (row: Row | undefined) => {
    if (!row || row.unavailable) return
    if (row.opens) { setOpened(row.opens); setFilter(''); setActive(0); return }
    onClose()
    void row.run().then(onDone, (e: unknown) => onDone(e instanceof Error ? e.message : String(e)))
  }
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); setActive((current + 1) % Math.max(1, rows.length)) }
    else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((current - 1 + rows.length) % Math.max(1, rows.length)) }
    else if (e.key === 'Enter') { e.preventDefault(); choose(rows[current]) }
    else if (e.key === 'Escape') {
      e.preventDefault(); e.stopPropagation()
      if (opened) { setOpened(null); setFilter('') } else onClose()
    }
  }

  return createPortal(
    <div className="dialog-backdrop action-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose() }}>
      <div className="action-panel" role="dialog" aria-modal="true" aria-label={`Actions: ${title}`} data-testid="action-panel" onKeyDown={onKeyDown}>
        <div className="action-panel-head">
          <span className="action-panel-title">{opened ? opened.title.replace(/…$/, '') : title}</span>
          <input
            ref={input}
            className="input action-filter"
            role="combobox"
            aria-expanded="true"
            aria-controls={listId}
            aria-activedescendant={rows[current] ? `${listId}-${current}` : undefined}
            aria-label="Filter actions"
            placeholder={opened ? 'Filter tables…' : 'Search actions…'}
            value={filter}
            onChange={(e) => { setFilter(e.target.value); setActive(0) }}
          />
        </div>
        <ul className="action-list" role="listbox" id={listId} aria-label="Actions">
          {rows.length === 0 && <li className="action-empty faint">No action matches.</li>}
          {rows.map((r, i) => (
            <li
              key={r.key}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === current}
              aria-disabled={r.unavailable !== null}
              className="action-row"
              title={r.unavailable ?? undefined}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(r)}
            >
              <span className="action-label">{r.label}{r.unavailable && <span className="action-why faint">{r.unavailable}</span>}</span>
              {r.shortcut && <kbd>{r.shortcut}</kbd>}
            </li>
          ))}
        </ul>
      </div>
    </div>,
    document.body,
  )
}
