// Pin / Unpin on a report's page: a pinned report heads the library's home.
import { useHome } from '../../stores/home.ts'

export function PinButton({ token, name }: { token: string; name: string }) {
  const pinned = useHome((s) => s.home?.pinned.some((p) => p.token === token) ?? false)
  return (
    <button
      type="button"
      className={`btn btn-sm${pinned ? ' btn-pinned' : ''}`}
      aria-pressed={pinned}
      aria-label={pinned ? `Unpin ${name}` : `Pin ${name} to the library's home`}
      onClick={() => void useHome.getState().setPinned(token, !pinned)}
    >
      {pinned ? '★ Pinned' : '☆ Pin'}
    </button>
  )
}
