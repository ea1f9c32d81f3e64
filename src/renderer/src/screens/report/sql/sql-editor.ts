// The CodeMirror set-up of the read-only SQL view: the query's dialect, Liquid marked as template, line numbers,
// folding (statements, comments, multi-line parentheses and form blocks), an optional wrap, and find-in-report matches
// drawn as decorations. The editor grows to its content, so the page scrolls once (no scroll inside a scroll).
import { EditorState, RangeSetBuilder, StateEffect, StateField, Compartment, type Extension } from '@codemirror/state'
import { Decoration, EditorView, keymap, lineNumbers, highlightSpecialChars, type DecorationSet } from '@codemirror/view'
import { codeFolding, foldGutter, foldKeymap, foldService, matchBrackets, syntaxHighlighting } from '@codemirror/language'
import { tagHighlighter, tags } from '@lezer/highlight'
import type { QueryDialect } from './dialects.ts'
import { liquidRanges } from './liquid.ts'

/** Class names per token kind; report.css colours them for both themes. */
const sqlHighlighter = tagHighlighter([
  { tag: tags.keyword, class: 'sql-keyword' },
  { tag: tags.standard(tags.name), class: 'sql-function' },
  { tag: tags.typeName, class: 'sql-type' },
  { tag: [tags.string, tags.special(tags.name)], class: 'sql-string' },
  { tag: tags.special(tags.string), class: 'sql-quoted' },
  { tag: [tags.number, tags.bool, tags.null], class: 'sql-number' },
  { tag: [tags.lineComment, tags.blockComment], class: 'sql-comment' },
  { tag: tags.operator, class: 'sql-operator' },
])

function liquidDecorations(state: EditorState): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>()
  const mark = Decoration.mark({ class: 'sql-liquid' })
  for (const r of liquidRanges(state.doc.toString())) if (r.to > r.from) builder.add(r.from, r.to, mark)
  return builder.finish()
}

// The document never changes (read-only), so the Liquid marks are computed once.
const liquidField = StateField.define<DecorationSet>({
  create: liquidDecorations,
  update: (value) => value,
  provide: (f) => EditorView.decorations.from(f),
})

/** Find matches in this query: the ranges, and which one (if any) is the current match. */
export interface FindMarks {
  ranges: { from: number; to: number }[]
  current: number | null
  /** The library search's terms, marked more quietly (under the find matches). */
  terms?: { from: number; to: number }[]
}

export const setFindMarks = StateEffect.define<FindMarks>()

const findField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    for (const e of tr.effects) {
      if (!e.is(setFindMarks)) continue
      const max = tr.state.doc.length
      // <mark> elements, as in the rest of the report; the current match is marked aria-current among them.
      const marks = e.value.ranges.map((r, i) => Decoration.mark(i === e.value.current
        ? { tagName: 'mark', class: 'find-match find-current', attributes: { 'aria-current': 'true' } }
        : { tagName: 'mark', class: 'find-match' }).range(Math.min(r.from, max), Math.min(r.to, max)))
      const terms = (e.value.terms ?? []).map((r) => Decoration.mark({ tagName: 'mark', class: 'term-match' }).range(Math.min(r.from, max), Math.min(r.to, max)))
      value = Decoration.set([...terms, ...marks].filter((r) => r.to > r.from), true)
    }
    return value
  },
  provide: (f) => EditorView.decorations.from(f),
})

/** Folds a parenthesis opened on a line and closed on a later one (sub-queries, CTE bodies, long IN lists). */
const parenFolding = foldService.of((state, lineStart, lineEnd) => {
  const text = state.doc.sliceString(lineStart, lineEnd)
  const open = text.lastIndexOf('(')
  if (open < 0) return null
  const match = matchBrackets(state, lineStart + open, 1)
  if (!match?.matched || !match.end) return null
  const close = match.end.from
  if (state.doc.lineAt(close).number <= state.doc.lineAt(lineStart).number) return null
  return { from: lineStart + open + 1, to: close }
})

/** Folds a `{% form %}` block (the parameter declarations) to its first line. */
const formFolding = foldService.of((state, lineStart, lineEnd) => {
  for (const r of liquidRanges(state.doc.toString())) {
    if (r.form && r.from >= lineStart && r.from <= lineEnd && r.to > lineEnd) return { from: lineEnd, to: r.to }
  }
  return null
})

export const wrapCompartment = new Compartment()

export function sqlEditorExtensions(dialect: QueryDialect, options: { wrap: boolean; label: string }): Extension[] {
  return [
    EditorState.readOnly.of(true),
    EditorView.contentAttributes.of({ 'aria-label': options.label, 'aria-readonly': 'true' }),
    lineNumbers(),
    highlightSpecialChars(),
    codeFolding({ placeholderText: '…' }),
    foldGutter({ openText: '▾', closedText: '▸' }),
    parenFolding,
    formFolding,
    keymap.of(foldKeymap),
    dialect.sql.language,
    syntaxHighlighting(sqlHighlighter),
    liquidField,
    findField,
    wrapCompartment.of(options.wrap ? EditorView.lineWrapping : []),
  ]
}

export function wrapExtension(wrap: boolean): Extension {
  return wrap ? EditorView.lineWrapping : []
}
