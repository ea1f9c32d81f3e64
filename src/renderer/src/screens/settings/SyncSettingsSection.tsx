// When the library refreshes and what each sync fetches.
import { useState } from 'react'
import type { Settings } from '../../../../shared/model.ts'
import { Switch } from '../../components/Switch.tsx'
import { useConnection } from '../../stores/connection.ts'
import { useSettings } from '../../stores/settings.ts'
import { SavedHint } from './SavedHint.tsx'

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

export function SyncSettingsSection({ settings }: { settings: Settings }) {
  const update = useSettings((s) => s.update)
  const isSample = useConnection((s) => s.status?.isSample ?? false)
  // The time input reports partial values while typing; only complete, valid times are saved.
  const [time, setTime] = useState(settings.nightlySyncTime)
  const [syncedTime, setSyncedTime] = useState(settings.nightlySyncTime)
  if (settings.nightlySyncTime !== syncedTime) {
    setSyncedTime(settings.nightlySyncTime)
    setTime(settings.nightlySyncTime)
  }

  const toggles: { key: 'syncOnLaunch' | 'includePersonalCollections' | 'includeChartsInSync'; label: string; desc: string }[] = [
    { key: 'syncOnLaunch', label: 'Sync when the app opens', desc: 'Fetch what changed since the last sync each time you open Mode Companion.' },
    { key: 'includePersonalCollections', label: 'Include personal collections', desc: "Also keep reports from people's personal collections that this account can see." },
    { key: 'includeChartsInSync', label: 'Include chart titles in every sync', desc: 'Makes each sync slower (one more request per query); without it, chart titles are fetched when you open a report.' },
  ]

  return (
    <section className="card settings-section" aria-labelledby="settings-sync">
      <h2 id="settings-sync">Sync</h2>
      {/* The sample workspace lives on this computer and never changes: a nightly sync of it would do nothing. */}
      {!isSample && <div className="setting-row">
        <div className="setting-text">
          <label htmlFor="setting-nightly">Nightly sync time</label>
          <span className="setting-desc" id="setting-nightly-desc">Every night at this local time, if the computer is awake.</span>
        </div>
        <div className="setting-control">
          <SavedHint setting="nightlySyncTime" />
          <input
            id="setting-nightly"
            className="input"
            style={{ width: 130 }}
            type="time"
            value={time}
            aria-describedby="setting-nightly-desc"
            onChange={(e) => {
              const value = e.currentTarget.value
              setTime(value)
              if (TIME.test(value) && value !== settings.nightlySyncTime) void update({ nightlySyncTime: value })
            }}
          />
        </div>
      </div>}
      {toggles.map((t) => (
        <div className="setting-row" key={t.key}>
          <div className="setting-text">
            <label htmlFor={`setting-${t.key}`}>{t.label}</label>
            <span className="setting-desc" id={`setting-${t.key}-desc`}>{t.desc}</span>
          </div>
          <div className="setting-control">
            <SavedHint setting={t.key} />
            <Switch id={`setting-${t.key}`} checked={settings[t.key]} aria-describedby={`setting-${t.key}-desc`} onChange={(checked) => void update({ [t.key]: checked })} />
          </div>
        </div>
      ))}
    </section>
  )
}
