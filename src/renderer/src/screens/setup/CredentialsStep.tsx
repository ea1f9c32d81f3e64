// Step 2: workspace, token and password, the Linux storage choice when there is no keychain, and "Connect",
// which checks everything live with Mode. Failures say what happened and what to do; the fields keep what
// was typed and the cursor goes where the fix is.
import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react'
import type { AppError, StorageOptions } from '../../../../shared/model.ts'
import { mainReads } from '../../stores/main-reads.ts'
import { Button } from '../../components/Button.tsx'
import { ExternalLinkButton } from '../../components/ExternalLinkButton.tsx'
import { Icon } from '../../components/Icon.tsx'
import { Notice } from '../../components/Notice.tsx'
import { useConnection } from '../../stores/connection.ts'
import { describeConnectError } from './connect-errors.ts'
import { EMPTY_FORM, FIELD_ORDER, validateCredentials, type CredentialsForm, type FieldErrors, type FieldName } from './credentials-form.ts'
import { MODE_LINKS } from './mode-links.ts'
import { SampleOffer } from './SampleOffer.tsx'
import { SecretField } from './SecretField.tsx'
import { StorageChoiceField } from './StorageChoiceField.tsx'
import { WorkspaceField } from './WorkspaceField.tsx'

export function CredentialsStep({ initialWorkspace, reconnectReason, switching, onBack }: {
  initialWorkspace: string
  reconnectReason: string | null
  /** Opened from Settings → "Switch credentials" (the app stays connected until this succeeds). */
  switching: boolean
  onBack: () => void
}) {
  const connect = useConnection((s) => s.connect)
  const hasLibrary = useConnection((s) => !!s.status?.hasLibrary && !s.status.connected)
  const setBrowsingOffline = useConnection((s) => s.setBrowsingOffline)
  const [form, setForm] = useState<CredentialsForm>({ ...EMPTY_FORM, workspace: initialWorkspace })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<{ error: AppError; workspace: string } | null>(null)
  const [busy, setBusy] = useState(false)
  // The error alert is named by its title ("Mode did not accept this token and password").
  const errorTitleId = useId()
  const [storage, setStorage] = useState<StorageOptions | null>(null)
  const workspaceRef = useRef<HTMLInputElement>(null)
  const tokenRef = useRef<HTMLInputElement>(null)
  const passwordRef = useRef<HTMLInputElement>(null)
  const storageRef = useRef<HTMLInputElement>(null)
  const focusField = (field: FieldName) => {
    const refs: Record<FieldName, RefObject<HTMLInputElement | null>> = { workspace: workspaceRef, token: tokenRef, password: passwordRef, storage: storageRef }
    refs[field].current?.focus()
  }

  useEffect(() => {
    let live = true
    // Unknown protection (call failed) is treated as strong: main refuses weak storage without a choice anyway.
    mainReads.storageOptions().then((o) => { if (live) setStorage(o) }, () => {})
    return () => { live = false }
  }, [])

  const update = <K extends keyof CredentialsForm>(key: K, value: CredentialsForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    const field: FieldName = key === 'storageChoice' || key === 'weakAcknowledged' ? 'storage' : key
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }))
  }

  // A text field's value, its change and its error, all named by the field.
  const bind = (field: 'workspace' | 'token' | 'password') => ({
    value: form[field],
    onChange: (value: string) => update(field, value),
    error: errors[field],
  })

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    const checked = validateCredentials(form, storage?.protection ?? null)
    if (!checked.input) {
      setErrors(checked.errors)
      setFailure(null)
      const first = FIELD_ORDER.find((f) => checked.errors[f])
      if (first) focusField(first)
      return
    }
    setErrors({})
    setFailure(null)
    setBusy(true)
    const error = await connect(checked.input)
    setBusy(false)
    if (!error) return // the app moves on to the library
    setFailure({ error, workspace: checked.input.workspace })
    const focus = describeConnectError(error, checked.input.workspace).focus
    if (focus) focusField(focus)
  }

  const view = failure ? describeConnectError(failure.error, failure.workspace) : null
  const protection = storage?.protection ?? null

  return (
    <form className="wizard-card card wizard-form" onSubmit={submit} noValidate aria-labelledby="wizard-title" data-testid="setup-step-credentials">
      <header>
        <h1 id="wizard-title" tabIndex={-1}>{switching ? 'Switch credentials' : 'Enter your API token'}</h1>
        <p className="muted">
          {switching
            ? 'Use another API key, for example a service account instead of your personal one. The library is kept when the workspace stays the same.'
            : 'Paste the token and password Mode showed when you created the API key. They are checked with Mode right away.'}
        </p>
      </header>

      {reconnectReason && (
        <Notice
          tone="warning"
          title="Please connect again"
          testId="reconnect-reason"
          actions={hasLibrary ? <Button size="sm" onClick={() => setBrowsingOffline(true)}>Browse the offline library meanwhile</Button> : undefined}
        >
          {reconnectReason}
        </Notice>
      )}

      <WorkspaceField {...bind('workspace')} inputRef={workspaceRef} autoFocus={!initialWorkspace} />
      <div className="field-row">
        <SecretField id="setup-token" label="API token" hint="The key's token (its public part)."
          {...bind('token')} inputRef={tokenRef} autoFocus={!!initialWorkspace} />
        <SecretField id="setup-password" label="API token password" hint="The secret shown once, next to the token."
          {...bind('password')} inputRef={passwordRef} />
      </div>

      {protection === 'weak' && storage && (
        <StorageChoiceField
          choice={form.storageChoice}
          acknowledged={form.weakAcknowledged}
          onChoice={(c) => update('storageChoice', c)}
          onAcknowledge={(a) => update('weakAcknowledged', a)}
          explanation={storage.explanation}
          backend={storage.backend}
          error={errors.storage}
          firstRef={storageRef}
        />
      )}
      {protection === 'unavailable' && (
        <Notice tone="warning" title="Credentials will be kept for this session only">
          This computer cannot encrypt them, so you will enter them again next time you open the app.
        </Notice>
      )}
      {protection === 'strong' && (
        <p className="field-hint" data-testid="storage-strong"><Icon name="lock" size={13} /> {storage?.explanation || "Stored encrypted by your operating system's keychain."} The app only reads from Mode.</p>
      )}

      {view && (
        <div className="notice notice-error" role="alert" aria-labelledby={errorTitleId} data-testid="connect-error" data-error-code={view.code}>
          <div className="notice-body">
            <div className="notice-title" id={errorTitleId}>{view.title}</div>
            <div>{view.explanation}</div>
            <div><strong>What to do:</strong> {view.action}</div>
            {view.offer && (
              <div className="btn-row" style={{ marginTop: 'var(--space-2)' }}>
                {view.offer === 'retry' && <Button size="sm" type="submit">Try again</Button>}
                {view.offer === 'open-mode' && <ExternalLinkButton size="sm" url={MODE_LINKS.app}>Open Mode to check the key</ExternalLinkButton>}
                {view.offer === 'sample' && <SampleOffer variant="button" />}
              </div>
            )}
          </div>
        </div>
      )}

      <div className="wizard-actions">
        <Button variant="ghost" onClick={onBack} disabled={busy}>{switching ? 'Cancel' : 'Back'}</Button>
        <div className="btn-row">
          {!switching && view?.offer !== 'sample' && <SampleOffer />}
          <Button variant="primary" type="submit" busy={busy} busyLabel="Checking with Mode…" style={{ minWidth: 180 }}>
            Connect
          </Button>
        </div>
      </div>
    </form>
  )
}
