// Turns a snippet's text with MARK_START/MARK_END around matched terms into plain pieces the UI renders as
// text and <mark> elements — never as HTML, so nothing in a report's SQL can inject markup.
import { MARK_END, MARK_START } from '../../../../shared/model.ts'

export interface SnippetPart {
  text: string
  marked: boolean
}

export function snippetParts(text: string): SnippetPart[] {
  const parts: SnippetPart[] = []
  let marked = false
  let current = ''
  const flush = () => {
    if (current) parts.push({ text: current, marked })
    current = ''
  }
  for (const ch of text) {
    if (ch === MARK_START) { flush(); marked = true } else if (ch === MARK_END) { flush(); marked = false } else current += ch
  }
  flush()
  return parts
}
