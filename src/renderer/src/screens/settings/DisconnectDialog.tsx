// Confirms a disconnect. It always forgets the stored credentials; deleting the offline library is a
// separate, explicit choice (unticked by default: reconnecting later would otherwise mean a full resync).
import { useRef, useState } from 'react'
import { Button } from '../../components/Button.tsx'
import { Dialog } from '../../components/Dialog.tsx'
import { useConnection } from '../../stores/connection.ts'
import { toAppError } from '../../../../shared/errors.ts'

export function DisconnectDialog({ workspace, isSample, onClose }: { workspace: string; isSample: boolean; onClose: () => void }) {
  const disconnect = useConnection((s) => s.disconnect)
  const [deleteLibrary, setDeleteLibrary] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const cancel = useRef<HTMLButtonElement>(null)

  const confirm = async () => {
    setBusy(true)
    setError(null)
    try {
      await disconnect(deleteLibrary)
    } catch (e) {
      setError(toAppError(e).message)
      setBusy(false)
    }
  }

  return (
    <Dialog
      title={`Disconnect from ${workspace}?`}
      onClose={onClose}
      closeDisabled={busy}
      initialFocus={cancel}
      testId="disconnect-dialog"
      actions={
        <>
          <Button ref={cancel} onClick={onClose} disabled={busy}>Cancel</Button>
          <Button variant="danger" onClick={confirm} busy={busy} busyLabel="Disconnecting…">Disconnect</Button>
        </>
      }
    >
      <p className="muted">
        {isSample
          ? 'The app leaves the sample workspace and returns to setup.'
          : 'The stored token and password are deleted from this computer. Nightly syncs stop until you connect again.'}
      </p>
      <label className="check">
        <input type="checkbox" checked={deleteLibrary} onChange={(e) => setDeleteLibrary(e.currentTarget.checked)} disabled={busy} />
        <span className="check-text">
          <span>Also delete the local library</span>
          <span className="muted">Removes the offline copy of {workspace}'s reports, SQL and sync history. Otherwise it is kept for when you reconnect.</span>
        </span>
      </label>
      {error && <p className="field-error" role="alert">{error}</p>}
    </Dialog>
  )
}
