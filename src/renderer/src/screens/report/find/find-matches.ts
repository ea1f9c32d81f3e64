// Find in report: every match of a text over the report's fields (name, description, each query's name and SQL as
// shown), in reading order. Pure and bounded, so the find bar and its tests share one definition of "a match".

export interface FindField {
  /** `name`, `description`, `query-name:<token>` or `sql:<token>`. */
  id: string
  text: string
}

export interface FindOptions {
  caseSensitive: boolean
  wholeWord: boolean
}

export interface FindMatch {
  field: string
  from: number
  to: number
}

/** More matches than anyone walks one by one; past it the count reads "10,000+". */
export const MAX_MATCHES = 10_000

const WORD = /[\p{L}\p{N}_]/u

function isWordAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && WORD.test(text[i] as string)
}

export function findMatches(fields: readonly FindField[], needle: string, options: FindOptions): FindMatch[] {
  const matches: FindMatch[] = []
  if (needle === '') return matches
  const wanted = options.caseSensitive ? needle : needle.toLocaleLowerCase()
  for (const field of fields) {
    const hay = options.caseSensitive ? field.text : field.text.toLocaleLowerCase()
    // Lower-casing can change lengths for a few scripts; then fall back to the case-sensitive positions.
    const text = hay.length === field.text.length ? hay : field.text
    let at = text.indexOf(wanted)
    while (at >= 0 && matches.length < MAX_MATCHES) {
      const end = at + wanted.length
      const whole = !options.wholeWord || (!isWordAt(field.text, at - 1) && !isWordAt(field.text, end))
      if (whole) matches.push({ field: field.id, from: at, to: end })
      at = text.indexOf(wanted, at + Math.max(1, whole ? wanted.length : 1))
    }
    if (matches.length >= MAX_MATCHES) break
  }
  return matches
}

/** The ranges of one field, with the index (within them) of the current match if it is in this field. */
export function marksFor(matches: readonly FindMatch[], field: string, current: number | null): { ranges: { from: number; to: number }[]; current: number | null } {
  const ranges: { from: number; to: number }[] = []
  let inField: number | null = null
  matches.forEach((m, i) => {
    if (m.field !== field) return
    if (i === current) inField = ranges.length
    ranges.push({ from: m.from, to: m.to })
  })
  return { ranges, current: inField }
}

/**
 * The words of a library query worth highlighting when it opened a report: free text only, not `field:value`
 * filters, operators or negated words; quoted phrases stay whole.
 */
export function searchTerms(query: string): string[] {
  const terms: string[] = []
  for (const m of query.matchAll(/(-?)"([^"]*)"|(\S+)/g)) {
    if (m[1] === '-') continue
    const phrase = m[2]
    const word = m[3]
    if (phrase !== undefined) { if (phrase.trim()) terms.push(phrase.trim()); continue }
    if (!word || word.startsWith('-') || /^[A-Za-z_]+:/.test(word) || /^(AND|OR|NOT)$/.test(word)) continue
    const clean = word.replace(/[*()]+/g, '')
    if (clean.length >= 2) terms.push(clean)
  }
  return [...new Set(terms.map((t) => t.toLocaleLowerCase()))]
}

/** Matches of any of the terms (case-insensitive), merged into reading order without overlaps. */
export function termMatches(fields: readonly FindField[], terms: readonly string[]): FindMatch[] {
  const all = terms.flatMap((t) => findMatches(fields, t, { caseSensitive: false, wholeWord: false }))
  const order = new Map(fields.map((f, i) => [f.id, i]))
  all.sort((a, b) => (order.get(a.field) ?? 0) - (order.get(b.field) ?? 0) || a.from - b.from || b.to - a.to)
  const merged: FindMatch[] = []
  for (const m of all) {
    const last = merged.at(-1)
    if (last && last.field === m.field && m.from < last.to) last.to = Math.max(last.to, m.to)
    else merged.push({ ...m })
  }
  return merged
}
