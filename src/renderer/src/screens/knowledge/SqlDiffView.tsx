// A diff between two SQL texts, inline (one column, − and + lines) or side by side (old left, new right, a
// removed run paired with the added run that replaced it). The rows come from main (sql-diff.ts).
import type { DiffLine, SqlDiff } from '../../../../shared/knowledge-model.ts'
import './knowledge.css'

export type DiffLayout = 'inline' | 'side'

const MARK = { same: ' ', added: '+', removed: '−' } as const
/** Side by side has no − / + column: a changed line says what it is to a screen reader in its cell's name. */
const SPOKEN = { same: null, added: 'Added', removed: 'Removed' } as const

export function SqlDiffView({ diff, layout, labels }: { diff: SqlDiff; layout: DiffLayout; labels: [string, string] }) {
  if (diff.added === 0 && diff.removed === 0) return <p className="muted diff-same" data-testid="diff-identical">The two texts are identical.</p>
  return (
    <div className="diff" data-testid="sql-diff" data-layout={layout}>
      <p className="diff-summary faint">
        <span className="diff-count-added">+{diff.added}</span> <span className="diff-count-removed">−{diff.removed}</span> lines · {labels[0]} → {labels[1]}
      </p>
      {layout === 'inline' ? <InlineRows lines={diff.lines} /> : <SideBySideRows lines={diff.lines} labels={labels} />}
    </div>
  )
}

function InlineRows({ lines }: { lines: DiffLine[] }) {
  return (
    <table className="diff-table">
      <colgroup><col className="diff-num-col" /><col className="diff-num-col" /><col className="diff-mark-col" /><col /></colgroup>
      <tbody>
        {lines.map((l, i) => (
          <tr key={i} className={`diff-row diff-${l.kind}`}>
            <td className="diff-num">{l.oldLine ?? ''}</td>
            <td className="diff-num">{l.newLine ?? ''}</td>
            <td className="diff-mark" aria-label={l.kind === 'same' ? undefined : l.kind}>{MARK[l.kind]}</td>
            <td className="diff-text"><code>{l.text}</code></td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

interface Pair { left: DiffLine | null; right: DiffLine | null }

/** Unchanged lines face each other; each removed run is paired line by line with the added run after it. */
export function pairLines(lines: DiffLine[]): Pair[] {
  const pairs: Pair[] = []
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!
    if (line.kind === 'same') {
      pairs.push({ left: line, right: line })
      i++
      continue
    }
    const removed: DiffLine[] = []
    const added: DiffLine[] = []
    while (i < lines.length && lines[i]!.kind === 'removed') removed.push(lines[i++]!)
    while (i < lines.length && lines[i]!.kind === 'added') added.push(lines[i++]!)
    for (let k = 0; k < Math.max(removed.length, added.length); k++) pairs.push({ left: removed[k] ?? null, right: added[k] ?? null })
  }
  return pairs
}

function SideBySideRows({ lines, labels }: { lines: DiffLine[]; labels: [string, string] }) {
  const cell = (l: DiffLine | null, side: 'old' | 'new') => (
    <>
      <td className="diff-num">{l ? (side === 'old' ? l.oldLine : l.newLine) : ''}</td>
      <td className={`diff-text diff-${l ? l.kind : 'empty'}`} aria-label={l && SPOKEN[l.kind] ? `${SPOKEN[l.kind]}: ${l.text}` : undefined}><code>{l?.text ?? ''}</code></td>
    </>
  )
  return (
    <table className="diff-table diff-side">
      <colgroup><col className="diff-num-col" /><col /><col className="diff-num-col" /><col /></colgroup>
      <thead>
        <tr><th colSpan={2} scope="col">{labels[0]}</th><th colSpan={2} scope="col">{labels[1]}</th></tr>
      </thead>
      <tbody>
        {pairLines(lines).map((p, i) => (
          <tr key={i} className="diff-row">{cell(p.left, 'old')}{cell(p.right, 'new')}</tr>
        ))}
      </tbody>
    </table>
  )
}
