// "Format SQL": a re-indented copy of a query for reading, by sql-formatter in the query's dialect. The formatter is
// loaded on first use (its own chunk), knows nothing of Liquid, and must never change what Copy copies: Liquid spans
// are swapped for placeholders the formatter keeps as they are, and swapped back after; a placeholder that does not
// come back whole (or a formatter error) means "cannot format this one", never a damaged query.
import type { FormatterLanguage } from './dialects.ts'
import { liquidRanges } from './liquid.ts'

export type FormatOutcome = { ok: true; text: string } | { ok: false; reason: string }

function placeholder(i: number, standalone: boolean): string {
  // A whole-line tag ({% if … %}, a form block) stays on a line of its own as a comment; an inline one is a name.
  return standalone ? `-- mc_liquid_${i}_` : `mc_liquid_${i}_`
}

export function protectLiquid(sql: string): { text: string; restore: (formatted: string) => string | null } {
  const ranges = liquidRanges(sql)
  let text = ''
  let at = 0
  const swaps: { marker: string; original: string }[] = []
  ranges.forEach((r, i) => {
    const lineStart = sql.lastIndexOf('\n', r.from - 1) + 1
    const lineEndAt = sql.indexOf('\n', r.to)
    const lineEnd = lineEndAt < 0 ? sql.length : lineEndAt
    const standalone = sql.slice(lineStart, r.from).trim() === '' && sql.slice(r.to, lineEnd).trim() === ''
    const marker = placeholder(i, standalone)
    text += sql.slice(at, r.from) + marker
    at = r.to
    swaps.push({ marker, original: sql.slice(r.from, r.to) })
  })
  text += sql.slice(at)
  const restore = (formatted: string): string | null => {
    let out = formatted
    // Last first, so mc_liquid_1_ never matches inside mc_liquid_12_ (each marker ends with "_").
    for (const s of [...swaps].reverse()) {
      // A whole-line tag goes back to the start of its line, where the formatter may have indented its marker.
      if (s.marker.startsWith('--')) out = out.replace(new RegExp(`^[ \\t]*${s.marker}`, 'm'), s.marker)
      const parts = out.split(s.marker)
      if (parts.length !== 2) return null
      out = parts.join(s.original)
    }
    return out
  }
  return { text, restore }
}

export async function formatSql(sql: string, language: FormatterLanguage): Promise<FormatOutcome> {
  const { format } = await import('sql-formatter')
  const { text, restore } = protectLiquid(sql)
  try {
    const formatted = format(text, { language, keywordCase: 'preserve', tabWidth: 2, linesBetweenQueries: 1 })
    const restored = restore(formatted)
    return restored === null ? { ok: false, reason: 'The formatter could not keep its Liquid template intact.' } : { ok: true, text: restored }
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e)
    return { ok: false, reason: `The formatter could not read this query: ${message}` }
  }
}
