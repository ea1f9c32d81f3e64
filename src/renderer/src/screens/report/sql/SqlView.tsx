// One query's SQL in a read-only CodeMirror view. The text arrives as data (never as HTML); selection, copy and
// keyboard movement are the editor's own. Find matches come in as props and the current one is scrolled into view.
import { useEffect, useRef } from 'react'
import { EditorState } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { ensureSyntaxTree } from '@codemirror/language'
import type { QueryDialect } from './dialects.ts'
import { setFindMarks, sqlEditorExtensions, wrapCompartment, wrapExtension, type FindMarks } from './sql-editor.ts'

interface SqlViewProps {
  text: string
  dialect: QueryDialect
  wrap: boolean
  label: string
  marks?: FindMarks
}

const NO_MARKS: FindMarks = { ranges: [], current: null }
const PARSE_BUDGET_MS = 300

export function SqlView({ text, dialect, wrap, label, marks = NO_MARKS }: SqlViewProps) {
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  const wrapRef = useRef(wrap)
  useEffect(() => { wrapRef.current = wrap }, [wrap])

  // A new text or dialect is a new document: rebuild the editor (wrap is carried over; marks follow below).
  useEffect(() => {
    const parent = host.current
    if (!parent) return
    const state = EditorState.create({ doc: text, extensions: sqlEditorExtensions(dialect, { wrap: wrapRef.current, label }) })
    // Parse the whole query up front (bounded): the text never changes, and a half-highlighted query that fills in
    // while one reads looks broken. Past the budget the editor goes on parsing in the background as usual.
    ensureSyntaxTree(state, state.doc.length, PARSE_BUDGET_MS)
    const v = new EditorView({ parent, state })
    view.current = v
    return () => { v.destroy(); view.current = null }
  }, [text, dialect, label])

  useEffect(() => {
    view.current?.dispatch({ effects: wrapCompartment.reconfigure(wrapExtension(wrap)) })
  }, [wrap])

  // Marks arrive as a new object on every render of the report: act only when their content changes, and scroll
  // only when the current match itself moves (not when, say, the clock re-renders the page).
  const marksKey = JSON.stringify(marks)
  const scrolledTo = useRef<string | null>(null)
  useEffect(() => {
    const v = view.current
    if (!v) return
    const value = JSON.parse(marksKey) as FindMarks
    const current = value.current === null ? null : value.ranges[value.current]
    const target = current ? `${current.from}:${current.to}` : null
    const scroll = current && target !== scrolledTo.current
    scrolledTo.current = target
    v.dispatch({
      effects: [
        setFindMarks.of(value),
        // Scrolls the page (the editor has no scroller of its own) so the current match sits mid-screen.
        ...(scroll ? [EditorView.scrollIntoView(Math.min(current.from, v.state.doc.length), { y: 'center' })] : []),
      ],
    })
  }, [marksKey, view, text, dialect])

  return <div className="sql-code" ref={host} data-dialect={dialect.key} />
}
