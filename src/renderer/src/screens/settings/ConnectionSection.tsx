// The connection: who the app is signed in as, where the credentials are kept, and the two ways to change
// it — switch credentials (keeps the library for the same workspace) and disconnect.
import { useState } from 'react'
import type { CredentialStorage } from '../../../../shared/model.ts'
import { Button } from '../../components/Button.tsx'
import { useConnection } from '../../stores/connection.ts'
import { DisconnectDialog } from './DisconnectDialog.tsx'

const STORAGE_TEXT: Record<CredentialStorage, string> = {
  keychain: "Encrypted by your operating system's keychain.",
  'session-only': 'Kept for this session only; you will enter them again next time you open the app.',
  weak: 'Stored with weak protection (no keychain on this system), as you chose.',
}

export function ConnectionSection() {
  const status = useConnection((s) => s.status)
  const startSwitch = useConnection((s) => s.startSwitch)
  const setBrowsingOffline = useConnection((s) => s.setBrowsingOffline)
  const [confirming, setConfirming] = useState(false)
  if (!status) return null
  const workspace = status.workspaceDisplayName ?? status.workspace ?? 'an unknown workspace'

  return (
    <section className="card settings-section" aria-labelledby="settings-connection" data-testid="settings-connection">
      <h2 id="settings-connection">Connection</h2>
      <div className="setting-row">
        <div className="setting-text">
          <span className="setting-name" data-testid="connection-summary">
            {!status.connected ? (
              <>Not connected — browsing the library of <strong>{workspace}</strong> kept on this computer</>
            ) : status.isSample ? (
              <>Exploring the <strong>sample workspace</strong> ({workspace})</>
            ) : (
              <>Connected{status.accountName ? <> as <strong>{status.accountName}</strong></> : null} to <strong>{workspace}</strong>
                {status.workspace && status.workspaceDisplayName && status.workspaceDisplayName !== status.workspace ? <span className="muted"> ({status.workspace})</span> : null}</>
            )}
          </span>
          <span className="setting-desc" data-testid="connection-storage">
            {status.isSample ? 'Sample data served by a simulator on this computer; no Mode account is used.' : status.storage ? `Credentials: ${STORAGE_TEXT[status.storage]}` : ''}
          </span>
        </div>
        {status.isSample && <span className="badge badge-sample">Sample data</span>}
      </div>
      <div className="btn-row">
        {status.connected ? (
          <Button onClick={startSwitch}>{status.isSample ? 'Connect your own workspace' : 'Switch credentials'}</Button>
        ) : (
          <Button variant="primary" onClick={() => setBrowsingOffline(false)}>Reconnect</Button>
        )}
        <Button variant="ghost" onClick={() => setConfirming(true)}>Disconnect…</Button>
      </div>
      {confirming && <DisconnectDialog workspace={workspace} isSample={status.isSample} onClose={() => setConfirming(false)} />}
    </section>
  )
}
