// Settings: the sync schedule and what it fetches, the theme, where the data lives, and the connection.
// Every change is saved at once (no Save button) and confirmed quietly next to the control.
import { useEffect } from 'react'
import { Notice } from '../../components/Notice.tsx'
import { Spinner } from '../../components/Spinner.tsx'
import { useSettings } from '../../stores/settings.ts'
import { AboutLine } from './AboutLine.tsx'
import { AppearanceSection } from './AppearanceSection.tsx'
import { ConnectionSection } from './ConnectionSection.tsx'
import { DataSection } from './DataSection.tsx'
import { HistorySection } from './HistorySection.tsx'
import { ReportContentSection } from './ReportContentSection.tsx'
import { ReportStatusSettings } from './ReportStatusSettings.tsx'
import { SyncSettingsSection } from './SyncSettingsSection.tsx'

export function SettingsScreen() {
  const settings = useSettings((s) => s.settings)
  const loadError = useSettings((s) => s.loadError)
  const saveError = useSettings((s) => s.saveError)
  const load = useSettings((s) => s.load)
  useEffect(() => { void load() }, [load])

  return (
    <section className="screen" aria-labelledby="settings-title" data-testid="settings-screen">
      <div className="screen-header">
        <div>
          <h1 id="settings-title">Settings</h1>
          <p className="muted">Changes are saved as you make them.</p>
        </div>
      </div>
      <div className="settings">
        {loadError && <Notice tone="error" title="Settings could not be read">{loadError}</Notice>}
        {saveError && <Notice tone="error" title="That change was not saved" testId="settings-save-error">{saveError}</Notice>}
        <ConnectionSection />
        {settings ? (
          <>
            <SyncSettingsSection settings={settings} />
            <ReportContentSection settings={settings} />
            <AppearanceSection theme={settings.theme} />
            <HistorySection retentionDays={settings.historyRetentionDays} />
            <ReportStatusSettings staleAfterDays={settings.staleAfterDays} />
            <DataSection dataDir={settings.dataDir} />
          </>
        ) : !loadError ? (
          <Spinner label="Loading settings" />
        ) : null}
        <AboutLine />
      </div>
    </section>
  )
}
