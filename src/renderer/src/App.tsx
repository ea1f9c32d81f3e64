import { useEffect, useState } from 'react'
import type { AppInfo } from '../../shared/model.ts'
import { call } from './bridge.ts'

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    call('app.getInfo').then(setInfo, (e: unknown) => setError(e instanceof Error ? e.message : String(e)))
  }, [])
  return (
    <main className="welcome" data-app-state={info ? 'ready' : 'loading'}>
      <h1>Mode Companion</h1>
      <p>Every Mode report, query and collection you can see — searchable offline, instantly.</p>
      {info && <p className="muted" data-testid="app-version">Version {info.version} on {info.platform}</p>}
      {error && <p role="alert">{error}</p>}
    </main>
  )
}
