// Text with find matches (and the search terms that opened the report) marked, as text nodes and <mark> only.
import { useEffect, useRef } from 'react'

interface Range { from: number; to: number }

interface MarkedProps {
  text: string
  /** Find matches in this text, and which of them is the current one. */
  marks?: { ranges: Range[]; current: number | null }
  /** The library search's terms, highlighted more quietly. */
  terms?: Range[]
}

type Part = { text: string; kind: 'plain' | 'term' | 'match' | 'current' }

function split(text: string, marks: MarkedProps['marks'], terms: Range[]): Part[] {
  // Find matches win over terms; both are sorted and non-overlapping within themselves.
  const kinds = new Array<Part['kind']>(text.length).fill('plain')
  for (const t of terms) for (let i = t.from; i < Math.min(t.to, text.length); i++) kinds[i] = 'term'
  marks?.ranges.forEach((r, n) => {
    for (let i = r.from; i < Math.min(r.to, text.length); i++) kinds[i] = n === marks.current ? 'current' : 'match'
  })
  const parts: Part[] = []
  for (let i = 0; i < text.length; i++) {
    const last = parts.at(-1)
    // A new part at a kind change, and at the start of each separate match even when two touch.
    const starts = marks?.ranges.some((r) => r.from === i) ?? false
    if (last && last.kind === kinds[i] && !starts) last.text += text[i]
    else parts.push({ text: text[i] as string, kind: kinds[i] as Part['kind'] })
  }
  return parts
}

export function Marked({ text, marks, terms = [] }: MarkedProps) {
  const current = useRef<HTMLElement>(null)
  const at = marks && marks.current !== null ? marks.ranges[marks.current] : undefined
  // Only when the current match moves here, not on every render of the page.
  const currentKey = at ? `${at.from}:${at.to}` : null
  useEffect(() => {
    if (currentKey) current.current?.scrollIntoView?.({ block: 'center' })
  }, [currentKey])
  if ((!marks || marks.ranges.length === 0) && terms.length === 0) return <>{text}</>
  return (
    <>
      {split(text, marks, terms).map((p, i) =>
        p.kind === 'plain' ? p.text
          : <mark key={i} ref={p.kind === 'current' ? current : undefined} aria-current={p.kind === 'current' ? 'true' : undefined} className={p.kind === 'term' ? 'term-match' : p.kind === 'current' ? 'find-match find-current' : 'find-match'}>{p.text}</mark>,
      )}
    </>
  )
}
