// The app's root: reads the connection once, then shows the setup wizard or the shell (see app-screen.ts).
// `data-app-state="ready"` tells the e2e specs the first screen is up (they wait on it, never sleep).
import { useEffect } from 'react'
import { Button } from './components/Button.tsx'
import { Spinner } from './components/Spinner.tsx'
import { SetupWizard } from './screens/setup/SetupWizard.tsx'
import { appScreen } from './shell/app-screen.ts'
import { Shell } from './shell/Shell.tsx'
import { useConnection } from './stores/connection.ts'
import { useLibrary } from './stores/library.ts'
import { useSettings } from './stores/settings.ts'
import { useSync } from './stores/sync.ts'

export function App() {
  const bootError = useConnection((s) => s.bootError)
  const screen = useConnection(appScreen)

  useEffect(() => {
    // The stores hold the renderer's only subscriptions to main's events, for as long as the app runs.
    useSync.getState().init()
    useLibrary.getState().watchLibrary()
    void useConnection.getState().boot()
    // Settings carry the theme; failure here is shown on the Settings screen, not at boot.
    void useSettings.getState().load()
  }, [])

  let content
  if (bootError) {
    content = (
      <div className="boot-screen" role="alert">
        <div className="empty-state">
          <h1>Mode Companion could not start</h1>
          <p className="muted">{bootError}</p>
          <Button variant="primary" onClick={() => void useConnection.getState().boot()}>Try again</Button>
        </div>
      </div>
    )
  } else if (screen === 'boot') {
    content = <div className="boot-screen"><Spinner size="lg" label="Starting Mode Companion" /></div>
  } else if (screen === 'setup') {
    content = <SetupWizard />
  } else {
    content = <Shell />
  }

  const state = bootError ? 'error' : screen === 'boot' ? 'loading' : 'ready'
  return (
    <div className="app-root" data-app-state={state} data-screen={bootError ? 'error' : screen}>
      {content}
    </div>
  )
}
