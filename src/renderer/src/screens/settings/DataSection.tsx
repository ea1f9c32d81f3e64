// Where the library and settings are stored on this computer, with a way to open that folder.
import { useState } from 'react'
import { mainReads } from '../../stores/main-reads.ts'
import { Button } from '../../components/Button.tsx'

export function DataSection({ dataDir }: { dataDir: string }) {
  const [failed, setFailed] = useState(false)
  const reveal = () => {
    setFailed(false)
    mainReads.revealDataDir().then((ok) => setFailed(!ok), () => setFailed(true))
  }
  return (
    <section className="card settings-section" aria-labelledby="settings-data">
      <h2 id="settings-data">Data on this computer</h2>
      <div className="setting-row">
        <div className="setting-text" style={{ flex: 1 }}>
          <span className="setting-name">Library folder</span>
          <span className="setting-desc">The offline library, sync history and settings. Credentials are kept separately, encrypted.</span>
          <code className="data-path" data-testid="data-dir">{dataDir}</code>
          {failed && <span className="field-error" role="alert">The folder could not be opened.</span>}
        </div>
        <div className="setting-control">
          <Button onClick={reveal}>Reveal in folder</Button>
        </div>
      </div>
    </section>
  )
}
