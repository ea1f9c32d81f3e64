// The connected app: sidebar and main area, plus the global shortcuts.
import { MainArea } from './MainArea.tsx'
import { OfflineBanner } from './OfflineBanner.tsx'
import { Sidebar } from './Sidebar.tsx'
import { useGlobalShortcuts } from './shortcuts.ts'

export function Shell() {
  useGlobalShortcuts()
  return (
    <div className="shell" data-testid="shell">
      <Sidebar />
      <div className="shell-main">
        <OfflineBanner />
        <MainArea />
      </div>
    </div>
  )
}
