// The find bar over the whole report (Ctrl/Cmd+F): match count, Enter / Shift+Enter for the next / previous match,
// case and whole-word toggles, Esc to close. The matches themselves are drawn by the fields (Marked, SqlView).
import { useEffect, useRef } from 'react'
import { MAX_MATCHES } from './find-matches.ts'
import type { ReportFind } from './useReportFind.ts'

export function FindBar({ find }: { find: ReportFind }) {
  const input = useRef<HTMLInputElement>(null)
  const { state, matches } = find
  useEffect(() => {
    if (state.open) { input.current?.focus(); input.current?.select() }
  }, [state.open, state.focusRequest])
  if (!state.open) return null
  const count = matches.length
  const status = state.needle === '' ? '' : count === 0 ? 'No matches'
    : `${state.current === null ? 0 : state.current + 1} of ${count >= MAX_MATCHES ? `${MAX_MATCHES.toLocaleString()}+` : count.toLocaleString()}`
  return (
    <div className="find-bar" role="search" aria-label="Find in report">
      <input
        ref={input}
        type="search"
        className="input find-input"
        aria-label="Find in report"
        placeholder="Find in report"
        value={state.needle}
        onChange={(e) => find.setNeedle(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') { e.preventDefault(); find.step(e.shiftKey ? -1 : 1) }
          else if (e.altKey && (e.code === 'KeyC' || e.code === 'KeyW')) { e.preventDefault(); find.toggle(e.code === 'KeyC' ? 'caseSensitive' : 'wholeWord') }
          else if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); find.close() }
        }}
      />
      <span className="find-count" data-testid="find-count" aria-live="polite">{status}</span>
      <button type="button" className="btn btn-ghost btn-sm find-toggle" aria-pressed={state.caseSensitive} title="Match case (Alt+C)" onClick={() => find.toggle('caseSensitive')}>Aa</button>
      <button type="button" className="btn btn-ghost btn-sm find-toggle" aria-pressed={state.wholeWord} title="Whole words only (Alt+W)" onClick={() => find.toggle('wholeWord')}>
        <span aria-hidden="true">“ab”</span><span className="visually-hidden">Whole words</span>
      </button>
      <button type="button" className="btn btn-ghost btn-sm" aria-label="Previous match (Shift+Enter)" disabled={count === 0} onClick={() => find.step(-1)}>↑</button>
      <button type="button" className="btn btn-ghost btn-sm" aria-label="Next match (Enter)" disabled={count === 0} onClick={() => find.step(1)}>↓</button>
      <button type="button" className="btn btn-ghost btn-sm" aria-label="Close find (Esc)" onClick={() => find.close()}>✕</button>
    </div>
  )
}
