// A full-width diff opened from the change feed, the duplicates or "Similar reports"; Esc goes back.
import { useEffect } from 'react'
import { useNavigation } from '../../stores/navigation.ts'
import { DiffPanel } from './DiffPanel.tsx'
import './knowledge.css'

export function DiffScreen() {
  const view = useNavigation((s) => (s.view.name === 'diff' ? s.view : null))
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement | null)?.closest('input:not([type="radio"]), select, textarea, [role="dialog"]')) return
      if (e.key === 'Escape') { e.preventDefault(); useNavigation.getState().back() }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  if (!view) return null
  return (
    <section className="screen" aria-labelledby="diff-title" data-testid="diff-screen">
      <button type="button" className="btn btn-ghost btn-sm report-back" onClick={() => useNavigation.getState().back()} aria-label="Back (Esc)">← Back</button>
      <h1 id="diff-title">{view.title}</h1>
      <DiffPanel from={view.from} to={view.to} />
    </section>
  )
}
