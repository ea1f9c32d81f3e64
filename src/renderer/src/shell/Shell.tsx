// The connected app: sidebar and main area, plus the global shortcuts, the `?` sheet that lists them, and pasted
// Mode links (which open what they point at).
import { useCallback, useState } from 'react'
import { MainArea } from './MainArea.tsx'
import { OfflineBanner } from './OfflineBanner.tsx'
import { ShortcutSheet } from './ShortcutSheet.tsx'
import { Sidebar } from './Sidebar.tsx'
import { useGlobalShortcuts } from './shortcuts.ts'
import { useModeLinkPaste } from './useModeLinkPaste.tsx'

export function Shell() {
  const [sheet, setSheet] = useState(false)
  useGlobalShortcuts(useCallback(() => setSheet(true), []))
  const linkNotice = useModeLinkPaste()
  return (
    <div className="shell" data-testid="shell">
      <Sidebar />
      <div className="shell-main">
        <OfflineBanner />
        {linkNotice}
        <MainArea />
      </div>
      {sheet && <ShortcutSheet onClose={() => setSheet(false)} />}
    </div>
  )
}
