// The workspace field: a bare name or any pasted Mode URL; the name the app understood is shown live on a
// line reserved below the input, so the form never jumps while typing.
import type { Ref } from 'react'
import { Icon } from '../../components/Icon.tsx'
import { describeWorkspace } from './credentials-form.ts'

export function WorkspaceField({ value, onChange, error, inputRef, autoFocus }: {
  value: string
  onChange: (value: string) => void
  error?: string
  inputRef?: Ref<HTMLInputElement>
  autoFocus?: boolean
}) {
  const understood = describeWorkspace(value)
  return (
    <div className="field">
      <label className="field-label" htmlFor="setup-workspace">Workspace</label>
      <div className="field-hint" id="setup-workspace-hint">
        The name right after <code>app.mode.com/</code> in any Mode address — or paste the whole address.
      </div>
      <input
        ref={inputRef}
        id="setup-workspace"
        className="input"
        type="text"
        value={value}
        placeholder="acme  or  https://app.mode.com/acme/reports/…"
        onChange={(e) => onChange(e.currentTarget.value)}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby="setup-workspace-hint setup-workspace-status"
      />
      <div className="field-status" id="setup-workspace-status" aria-live="polite" data-testid="workspace-understood">
        {error ? (
          <span className="field-error">{error}</span>
        ) : understood.kind === 'name' ? (
          <span className="workspace-understood">
            <Icon name="check" size={14} /> Workspace: <code>{understood.name}</code>
            {understood.fromUrl && <span className="muted"> (read from the address)</span>}
          </span>
        ) : understood.kind === 'invalid' ? (
          <span className="muted">Not a workspace name yet — it is the part right after app.mode.com/.</span>
        ) : null}
      </div>
    </div>
  )
}
