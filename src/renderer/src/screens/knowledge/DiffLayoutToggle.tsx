// Inline or side by side: the choice is kept for the session, so every diff opens the way it was last read.
import { useState } from 'react'
import type { DiffLayout } from './SqlDiffView.tsx'

let remembered: DiffLayout = 'side'

export function useDiffLayout(): [DiffLayout, (layout: DiffLayout) => void] {
  const [layout, setLayout] = useState<DiffLayout>(remembered)
  return [layout, (next) => { remembered = next; setLayout(next) }]
}

let groups = 0

export function DiffLayoutToggle({ layout, onChange }: { layout: DiffLayout; onChange: (layout: DiffLayout) => void }) {
  const [name] = useState(() => `diff-layout-${++groups}`)
  return (
    <div className="segmented" role="radiogroup" aria-label="Diff layout">
      {(['side', 'inline'] as const).map((value) => (
        <label key={value}>
          <input type="radio" name={name} value={value} checked={layout === value} onChange={() => onChange(value)} />
          <span>{value === 'side' ? 'Side by side' : 'Inline'}</span>
        </label>
      ))}
    </div>
  )
}
