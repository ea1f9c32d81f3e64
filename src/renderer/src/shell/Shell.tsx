// The connected app: sidebar and main area, plus the global shortcuts and the `?` sheet that lists them.
import { useCallback, useState } from 'react'
import { MainArea } from './MainArea.tsx'
import { OfflineBanner } from './OfflineBanner.tsx'
import { ShortcutSheet } from './ShortcutSheet.tsx'
import { Sidebar } from './Sidebar.tsx'
import { useGlobalShortcuts } from './shortcuts.ts'

export function Shell() {
  const [sheet, setSheet] = useState(false)
  useGlobalShortcuts(useCallback(() => setSheet(true), []))
  return (
    <div className="shell" data-testid="shell">
      <Sidebar />
      <div className="shell-main">
        <OfflineBanner />
        <MainArea />
      </div>
      {sheet && <ShortcutSheet onClose={() => setSheet(false)} />}
    </div>
  )
}
