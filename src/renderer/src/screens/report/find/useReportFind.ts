// The state of find in report: the text, the toggles, which match is current. Matches are recomputed from the
// report's fields as shown (a formatted query is searched as formatted).
import { useCallback, useMemo, useState } from 'react'
import { findMatches, type FindField, type FindMatch } from './find-matches.ts'

export interface FindState {
  open: boolean
  needle: string
  caseSensitive: boolean
  wholeWord: boolean
  current: number | null
  /** Bumped by every Ctrl/Cmd+F, so the box takes focus again even when already open. */
  focusRequest: number
}

export interface ReportFind {
  state: FindState
  matches: FindMatch[]
  openBar: () => void
  close: () => void
  setNeedle: (needle: string) => void
  toggle: (option: 'caseSensitive' | 'wholeWord') => void
  step: (direction: 1 | -1) => void
}

const CLOSED: FindState = { open: false, needle: '', caseSensitive: false, wholeWord: false, current: null, focusRequest: 0 }

export function useReportFind(fields: readonly FindField[]): ReportFind {
  const [state, setState] = useState<FindState>(CLOSED)
  const matches = useMemo(
    () => (state.open ? findMatches(fields, state.needle, state) : []),
    [fields, state],
  )
  // The current match is kept in range as the matches change (a new letter typed starts again at the first).
  const current = matches.length === 0 ? null : Math.min(state.current ?? 0, matches.length - 1)
  const openBar = useCallback(() => setState((s) => ({ ...s, open: true, focusRequest: s.focusRequest + 1 })), [])
  const close = useCallback(() => setState((s) => ({ ...s, open: false, current: null })), [])
  const setNeedle = useCallback((needle: string) => setState((s) => ({ ...s, needle, current: 0 })), [])
  const toggle = useCallback((option: 'caseSensitive' | 'wholeWord') => setState((s) => ({ ...s, [option]: !s[option], current: 0 })), [])
  const count = matches.length
  const step = useCallback((direction: 1 | -1) => {
    if (count === 0) return
    setState((s) => {
      const from = s.current === null ? (direction === 1 ? -1 : 0) : Math.min(s.current, count - 1)
      return { ...s, current: (((from + direction) % count) + count) % count }
    })
  }, [count])
  return { state: { ...state, current }, matches, openBar, close, setNeedle, toggle, step }
}
