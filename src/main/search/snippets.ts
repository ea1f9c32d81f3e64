// Snippets with matched words marked. The index is contentless (the SQL is not stored twice), so snippets are
// cut here from the library's own text for the handful of hits on the page.
import { MARK_END, MARK_START } from '../../shared/model.ts'
import { foldText } from './query-parser.ts'

export interface MatchToken {
  token: string
  prefix: boolean
}

const WORD = /[\p{L}\p{N}]+/gu

function matches(word: string, tokens: MatchToken[]): boolean {
  const w = foldText(word)
  return tokens.some((t) => (t.prefix ? w.startsWith(t.token) : w === t.token))
}

/** Index of the first matching word in text, or -1. */
export function firstMatch(text: string, tokens: MatchToken[]): number {
  if (tokens.length === 0) return -1
  for (const m of text.matchAll(WORD)) if (matches(m[0], tokens)) return m.index
  return -1
}

/** The text (or a window of it around the first match, for long text) with every matching word marked. */
export function markText(text: string, tokens: MatchToken[], maxLength = 160): string {
  let body = text.replace(/\s+/g, ' ').trim()
  let lead = ''
  let tail = ''
  if (body.length > maxLength) {
    const at = Math.max(0, firstMatch(body, tokens))
    let start = Math.max(0, at - Math.floor(maxLength / 3))
    if (start > 0) {
      const space = body.indexOf(' ', start)
      if (space >= 0 && space < at) start = space + 1
      lead = '…'
    }
    let end = Math.min(body.length, start + maxLength)
    if (end < body.length) {
      const space = body.lastIndexOf(' ', end)
      if (space > at) end = space
      tail = '…'
    }
    body = body.slice(start, end)
  }
  const out = body.replace(WORD, (w) => (matches(w, tokens) ? MARK_START + w + MARK_END : w))
  return lead + out + tail
}
