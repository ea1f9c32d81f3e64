// The wizard's step 2 as plain data: what the user typed, how it is cleaned (whitespace trimmed, the
// workspace name read from a pasted URL) and what must be fixed before "Connect" can be sent.
import type { ConnectInput, StorageOptions } from '../../../../shared/model.ts'
import { parseWorkspaceInput } from '../../../../shared/workspace-slug.ts'

export type StorageChoice = 'session-only' | 'weak' | null

export interface CredentialsForm {
  token: string
  password: string
  workspace: string
  /** Only asked when protection is 'weak'. */
  storageChoice: StorageChoice
  /** "Store anyway" needs this explicit acknowledgement. */
  weakAcknowledged: boolean
}

export type FieldName = 'workspace' | 'token' | 'password' | 'storage'
export type FieldErrors = Partial<Record<FieldName, string>>

export const EMPTY_FORM: CredentialsForm = { token: '', password: '', workspace: '', storageChoice: null, weakAcknowledged: false }

/** Tokens and passwords never contain whitespace: pasted line breaks and spaces are dropped at once. */
export function cleanSecret(value: string): string {
  return value.replace(/\s+/g, '')
}

/** What the workspace field currently means, for the live "Workspace: acme" line. */
export function describeWorkspace(input: string): { kind: 'empty' } | { kind: 'name'; name: string; fromUrl: boolean } | { kind: 'invalid' } {
  const text = input.trim()
  if (!text) return { kind: 'empty' }
  const name = parseWorkspaceInput(text)
  if (!name) return { kind: 'invalid' }
  return { kind: 'name', name, fromUrl: name !== text }
}

/** Fields in the order the form shows them, so the first error gets focus. */
export const FIELD_ORDER: FieldName[] = ['workspace', 'token', 'password', 'storage']

export function validateCredentials(form: CredentialsForm, protection: StorageOptions['protection'] | null): { input: ConnectInput; errors: null } | { input: null; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const workspace = describeWorkspace(form.workspace)
  if (workspace.kind === 'empty') errors.workspace = 'Enter the workspace name, or paste any Mode URL from your workspace.'
  else if (workspace.kind === 'invalid') errors.workspace = 'This is not a workspace name or a Mode URL. The name is the part right after app.mode.com/ in a Mode address.'
  const token = cleanSecret(form.token)
  const password = cleanSecret(form.password)
  if (!token) errors.token = 'Enter the API token.'
  if (!password) errors.password = "Enter the API token's password (the secret shown once when the key was created)."
  if (protection === 'weak') {
    if (form.storageChoice === null) errors.storage = 'Choose how to keep the credentials on this computer.'
    else if (form.storageChoice === 'weak' && !form.weakAcknowledged) errors.storage = 'Tick the box to confirm you accept the weak protection, or keep the credentials for this session only.'
  }
  if (Object.keys(errors).length > 0 || workspace.kind !== 'name') return { input: null, errors }
  return { input: { token, password, workspace: workspace.name, storage: storageFor(form, protection) }, errors: null }
}

function storageFor(form: CredentialsForm, protection: StorageOptions['protection'] | null): ConnectInput['storage'] {
  if (protection === 'weak') return form.storageChoice ?? undefined
  // Nothing can encrypt: main keeps the credentials in memory only; say so explicitly.
  if (protection === 'unavailable') return 'session-only'
  return 'keychain'
}
