// A masked input for the token or its password: paste-friendly (whitespace dropped), never autocompleted
// or spell-checked, with a button to show what was typed.
import { useState, type Ref } from 'react'
import { Icon } from '../../components/Icon.tsx'
import { cleanSecret } from './credentials-form.ts'

export function SecretField({ id, label, hint, value, onChange, error, inputRef, autoFocus }: {
  id: string
  label: string
  hint: string
  value: string
  onChange: (value: string) => void
  error?: string
  inputRef?: Ref<HTMLInputElement>
  autoFocus?: boolean
}) {
  const [visible, setVisible] = useState(false)
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>{label}</label>
      <div className="input-group">
        <input
          ref={inputRef}
          id={id}
          className="input input-mono"
          type={visible ? 'text' : 'password'}
          value={value}
          onChange={(e) => onChange(cleanSecret(e.currentTarget.value))}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          autoFocus={autoFocus}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        />
        <button
          type="button"
          className="btn btn-ghost btn-sm input-addon"
          onClick={() => setVisible((v) => !v)}
          aria-pressed={visible}
          aria-controls={id}
          aria-label={visible ? `Hide ${label.toLowerCase()}` : `Show ${label.toLowerCase()}`}
        >
          <Icon name={visible ? 'eyeOff' : 'eye'} />
          {visible ? 'Hide' : 'Show'}
        </button>
      </div>
      {error && <div className="field-error" id={errorId}>{error}</div>}
      <div className="field-hint" id={hintId}>{hint}</div>
    </div>
  )
}
