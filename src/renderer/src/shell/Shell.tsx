// The connected app: sidebar and main area (opened where the last session left off), plus the global shortcuts, the
// `?` sheet that lists them, and pasted Mode links (which open what they point at).
import { useCallback, useState } from 'react'
import { MainArea } from './MainArea.tsx'
import { OfflineBanner } from './OfflineBanner.tsx'
import { ShortcutSheet } from './ShortcutSheet.tsx'
import { Sidebar } from './Sidebar.tsx'
import { useGlobalShortcuts } from './shortcuts.ts'
import { useModeLinkPaste } from './useModeLinkPaste.tsx'
import { useSessionRestore } from './useSessionRestore.ts'

export function Shell() {
  const [sheet, setSheet] = useState(false)
  useGlobalShortcuts(useCallback(() => setSheet(true), []))
  const linkNotice = useModeLinkPaste()
  // The main area waits for the last session (a local read, a few ms) so it opens where the user left off.
  const restored = useSessionRestore()
  return (
    <div className="shell" data-testid="shell">
      <Sidebar />
      <div className="shell-main">
        <OfflineBanner />
        {linkNotice}
        {restored && <MainArea />}
      </div>
      {sheet && <ShortcutSheet onClose={() => setSheet(false)} />}
    </div>
  )
}
