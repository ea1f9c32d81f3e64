// A line diff between two SQL texts, in rows the renderer shows inline or side by side. The diff itself is
// jsdiff's (`diff`, pinned), the maintained Myers implementation; this only numbers the lines. A bounded
// edit length keeps a diff of two unrelated 10,000-line queries from running long: past it, the whole old
// text is shown removed and the new one added, which is what such a diff would say anyway.
import { diffLines } from 'diff'
import type { DiffLine, SqlDiff } from '../../shared/knowledge-model.ts'

const MAX_EDIT_LENGTH = 5000

function splitLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  return lines
}

export function diffSql(oldSql: string, newSql: string): SqlDiff {
  const a = oldSql.replace(/\r\n?/g, '\n')
  const b = newSql.replace(/\r\n?/g, '\n')
  const changes = diffLines(a.endsWith('\n') ? a : `${a}\n`, b.endsWith('\n') ? b : `${b}\n`, { maxEditLength: MAX_EDIT_LENGTH }) ?? [
    { value: a, removed: true, added: false, count: 0 },
    { value: b, removed: false, added: true, count: 0 },
  ]
  const lines: DiffLine[] = []
  let oldLine = 1
  let newLine = 1
  let added = 0
  let removed = 0
  for (const change of changes) {
    for (const text of splitLines(change.value)) {
      if (change.added) {
        lines.push({ kind: 'added', text, oldLine: null, newLine: newLine++ })
        added++
      } else if (change.removed) {
        lines.push({ kind: 'removed', text, oldLine: oldLine++, newLine: null })
        removed++
      } else {
        lines.push({ kind: 'same', text, oldLine: oldLine++, newLine: newLine++ })
      }
    }
  }
  return { lines, added, removed }
}
