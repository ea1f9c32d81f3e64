// Snippets with matched words marked. The index is contentless (the SQL is not stored twice), so snippets are
// cut here from the library's own text for the handful of hits on the page.
import { MARK_END, MARK_START } from '../../shared/model.ts'
import { foldText } from './query-parser.ts'

export interface MatchToken {
  token: string
  prefix: boolean
}

const WORD = /[\p{L}\p{N}]+/gu

/** Words that never count as a match where they stand (SQL grammar words in SQL text: sql-stopwords.ts). */
export type IgnoreWord = (text: string, start: number, end: number) => boolean

// ASCII words need only lowercasing; Unicode normalisation per word is most of the cost of marking a long SQL.
const NON_ASCII = /[^ -~\t\n\r]/

function matches(word: string, tokens: MatchToken[]): boolean {
  const w = NON_ASCII.test(word) ? foldText(word) : word.toLowerCase()
  return tokens.some((t) => (t.prefix ? w.startsWith(t.token) : w === t.token))
}

/** Index of the first matching word in text, or -1. */
export function firstMatch(text: string, tokens: MatchToken[], ignore?: IgnoreWord): number {
  if (tokens.length === 0) return -1
  if (!NON_ASCII.test(text) && tokens.every((t) => ASCII_TOKEN.test(t.token))) return firstMatchAscii(text, tokens, ignore)
  for (const m of text.matchAll(WORD)) {
    if (matches(m[0], tokens) && !(ignore && ignore(text, m.index, m.index + m[0].length))) return m.index
  }
  return -1
}

/** Tokens the ASCII path can look up as they are (lowercase letters and digits; the index folds to these). */
const ASCII_TOKEN = /^[a-z0-9]+$/

/** Letters and digits: in ASCII text, what [\p{L}\p{N}] matches. */
const isWordChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90)

/**
 * firstMatch for ASCII text: each token looked up with indexOf in the lowercased text (one pass per token in
 * native code) instead of every word cut out and compared. The same answer: the first position that starts a
 * word the token matches (all of it, or its start for a prefix) and that `ignore` does not rule out. Most of a
 * page's SQL holds no query word at all and costs one search per token.
 */
function firstMatchAscii(text: string, tokens: MatchToken[], ignore?: IgnoreWord): number {
  const lower = text.toLowerCase()
  let best = -1
  for (const { token, prefix } of tokens) {
    for (let from = 0; from < lower.length;) {
      const at = lower.indexOf(token, from)
      if (at < 0 || (best >= 0 && at >= best)) break
      from = at + 1
      if (at > 0 && isWordChar(lower.charCodeAt(at - 1))) continue
      let end = at + token.length
      if (!prefix && end < lower.length && isWordChar(lower.charCodeAt(end))) continue
      while (end < lower.length && isWordChar(lower.charCodeAt(end))) end++
      if (ignore && ignore(text, at, end)) continue
      best = at
      break
    }
  }
  return best
}

/** The text (or a window of it around the first match, for long text) with every matching word marked. */
export function markText(text: string, tokens: MatchToken[], maxLength = 160, ignore?: IgnoreWord): string {
  let body = text.replace(/\s+/g, ' ').trim()
  let lead = ''
  let tail = ''
  if (body.length > maxLength) {
    const at = Math.max(0, firstMatch(body, tokens, ignore))
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
  const out = body.replace(WORD, (w: string, at: number) =>
    matches(w, tokens) && !(ignore && ignore(body, at, at + w.length)) ? MARK_START + w + MARK_END : w)
  return lead + out + tail
}
