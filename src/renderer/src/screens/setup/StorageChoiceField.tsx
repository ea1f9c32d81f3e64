// Linux without a keychain (safeStorage's basic_text backend): the key that "encrypts" the credentials is a
// public constant, so storing them is no protection. The user must choose, knowingly.
import type { Ref } from 'react'
import type { StorageChoice } from './credentials-form.ts'

export function StorageChoiceField({ choice, acknowledged, onChoice, onAcknowledge, explanation, backend, error, firstRef }: {
  choice: StorageChoice
  acknowledged: boolean
  onChoice: (choice: Exclude<StorageChoice, null>) => void
  onAcknowledge: (acknowledged: boolean) => void
  explanation: string
  backend: string
  error?: string
  firstRef?: Ref<HTMLInputElement>
}) {
  return (
    <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }} aria-describedby="storage-explanation" data-testid="storage-choice">
      <legend className="field-label" style={{ marginBottom: 6 }}>How should this computer keep the credentials?</legend>
      <div className="notice notice-warning" id="storage-explanation">
        <div className="notice-body">
          <div className="notice-title">No keychain is available to protect them</div>
          <div>
            {explanation || 'No system keyring (such as GNOME Keyring or KWallet) is available, so credentials saved on this computer would be protected only by a publicly known key.'}
            <span className="faint"> (Storage backend: {backend})</span>
          </div>
        </div>
      </div>
      <label className="radio-card">
        <input ref={firstRef} type="radio" name="storage" value="session-only" checked={choice === 'session-only'} onChange={() => onChoice('session-only')} />
        <span className="check-text">
          <strong>Keep for this session only</strong>
          <span className="muted">Recommended. The credentials stay in memory and you enter them again next time you open the app. The library stays on disk.</span>
        </span>
      </label>
      <label className="radio-card">
        <input type="radio" name="storage" value="weak" checked={choice === 'weak'} onChange={() => onChoice('weak')} />
        <span className="check-text">
          <strong>Store anyway (weak protection)</strong>
          <span className="muted">Saved on disk so nightly syncs keep working, but only obscured, not truly encrypted.</span>
        </span>
      </label>
      {choice === 'weak' && (
        <label className="check" style={{ paddingLeft: 'var(--space-4)' }}>
          <input type="checkbox" checked={acknowledged} onChange={(e) => onAcknowledge(e.currentTarget.checked)} />
          <span>I understand that other programs running as my user could read the token and its password.</span>
        </label>
      )}
      {error && <div className="field-error" role="alert">{error}</div>}
    </fieldset>
  )
}
