// Shown above every screen while the app is not connected but the user browses the library kept on this
// computer: why, and the way back to a connection.
import { Button } from '../components/Button.tsx'
import { useConnection } from '../stores/connection.ts'

export function OfflineBanner() {
  const status = useConnection((s) => s.status)
  const setBrowsingOffline = useConnection((s) => s.setBrowsingOffline)
  if (!status || status.connected) return null
  return (
    <div className="offline-banner" role="status" data-testid="not-connected-banner">
      <span>
        <strong>Not connected to Mode.</strong> You are browsing the library kept on this computer; it is not refreshed.
        {status.reconnectReason ? <span className="muted"> {status.reconnectReason}</span> : null}
      </span>
      <Button size="sm" variant="primary" onClick={() => setBrowsingOffline(false)}>Reconnect</Button>
    </div>
  )
}
