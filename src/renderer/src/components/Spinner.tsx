// A small rotating ring. With a label it is a status for screen readers; `decorative` hides it from them
// (used inside a button that already says it is busy).
export function Spinner({ label, size = 'sm', decorative = false }: { label?: string; size?: 'sm' | 'lg'; decorative?: boolean }) {
  const className = size === 'lg' ? 'spinner spinner-lg' : 'spinner'
  if (decorative || !label) return <span className={className} aria-hidden="true" />
  return <span className={className} role="status" aria-label={label} />
}
