// The sidebar: brand and workspace, a "Sample data" label when connected to the sample workspace, the main
// navigation, the saved searches (filled by the library screens) and the always-visible sync status.
import type { IconName } from '../components/Icon.tsx'
import { Icon } from '../components/Icon.tsx'
import { SavedSearchesSidebar } from '../screens/library/SavedSearchesSidebar.tsx'
import { SyncStatusBadge } from '../screens/sync/SyncStatusBadge.tsx'
import { useConnection } from '../stores/connection.ts'
import { useNavigation, type View } from '../stores/navigation.ts'
import { isMac, openLibrary } from './shortcuts.ts'

type NavTarget = 'library' | 'changes' | 'duplicates' | 'collections' | 'people' | 'access' | 'sync' | 'settings'

const ITEMS: { target: NavTarget; label: string; icon: IconName; shortcut?: string }[] = [
  { target: 'library', label: 'Library', icon: 'search', shortcut: 'K' },
  { target: 'changes', label: 'What changed', icon: 'history' },
  { target: 'duplicates', label: 'Duplicates', icon: 'copy' },
  { target: 'collections', label: 'Collections', icon: 'folder' },
  { target: 'people', label: 'People', icon: 'people' },
  { target: 'access', label: 'Access review', icon: 'lock' },
  { target: 'sync', label: 'Sync', icon: 'sync' },
  { target: 'settings', label: 'Settings', icon: 'settings' },
]

/** The report view belongs to the library (a tombstone to the feed, a diff to where it was opened from). */
function activeTarget(view: View): NavTarget {
  if (view.name === 'report') return 'library'
  if (view.name === 'deleted') return 'changes'
  if (view.name === 'diff') return view.origin
  return view.name
}

export function Sidebar() {
  const status = useConnection((s) => s.status)
  const view = useNavigation((s) => s.view)
  const navigate = useNavigation((s) => s.navigate)
  const active = activeTarget(view)
  const workspace = status?.workspaceDisplayName ?? status?.workspace ?? ''

  const go = (target: NavTarget) => {
    if (target === 'library') openLibrary()
    else if (active !== target || view.name !== target) navigate({ name: target })
  }

  return (
    <aside className="sidebar" aria-label="Sidebar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">M</span>
        <span className="brand-text">
          <span className="brand-name">Mode Companion</span>
          {workspace && <span className="brand-workspace" title={workspace} data-testid="sidebar-workspace">{workspace}</span>}
        </span>
      </div>
      {status?.isSample && (
        <span className="sample-label" data-testid="sample-label" title="You are exploring the built-in sample workspace, not your Mode data.">
          <Icon name="flask" size={12} /> Sample data
        </span>
      )}

      <nav aria-label="Main">
        <ul className="nav-list">
          {ITEMS.map((item) => (
            <li key={item.target}>
              <button type="button" className="nav-item" aria-current={active === item.target ? 'page' : undefined} onClick={() => go(item.target)}>
                <Icon name={item.icon} />
                {item.label}
                {item.shortcut && (
                  <span className="nav-shortcut" aria-hidden="true">{isMac() ? '⌘' : 'Ctrl+'}{item.shortcut}</span>
                )}
              </button>
            </li>
          ))}
        </ul>
      </nav>

      <section className="sidebar-section sidebar-saved" aria-labelledby="sidebar-saved-title">
        <h2 className="sidebar-section-title" id="sidebar-saved-title">Saved searches</h2>
        <SavedSearchesSidebar />
      </section>

      <div className="sidebar-footer" aria-label="Sync status" role="region">
        <SyncStatusBadge />
      </div>
    </aside>
  )
}
