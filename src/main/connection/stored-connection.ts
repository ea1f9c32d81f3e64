// The connection as remembered between launches: the non-secret profile in settings and the credentials in
// the SecretStore, kept as the user chose. Reading them back decides whether the app reconnects by itself or
// tells the user why it cannot (and never trusts a profile's address with the stored credentials unless it
// is the address this app is configured for).
import { AppFailure } from '../../shared/errors.ts'
import type { Credentials, SecretStore } from '../secrets/secret-store.ts'
import type { ConnectionProfile, SettingsService } from '../settings/settings-service.ts'
import type { CredentialStorage } from '../../shared/model.ts'

export type StoredConnection =
  /** Nothing remembered (a secret without a profile is an orphan and has been forgotten). */
  | { kind: 'none' }
  /** The sample workspace: its credentials were session-only; it is started again like the first time. */
  | { kind: 'sample'; profile: ConnectionProfile }
  /** A real workspace: with its credentials, or with the reason the user must connect again. */
  | { kind: 'saved'; profile: ConnectionProfile; credentials: Credentials | null; reconnectReason: string | null }

export interface StoredConnectionDeps {
  settings: SettingsService
  secrets: SecretStore
  /** The API base this app sends credentials to (null if the configured address is not a valid URL). */
  configuredApiBase: string | null
  log?: (message: string) => void
}

export async function loadStoredConnection(deps: StoredConnectionDeps): Promise<StoredConnection> {
  const profile = deps.settings.getProfile()
  if (!profile) {
    // A crash between the two writes of a connect can leave a secret behind: forget it.
    await deps.secrets.clear()
    return { kind: 'none' }
  }
  if (profile.isSample) return { kind: 'sample', profile }
  // The profile lives in a plain settings file: its address is not trusted with the stored credentials.
  if (profile.apiBase !== deps.configuredApiBase) {
    deps.log?.('[connection] the stored profile names another Mode address; its credentials are not used')
    return { kind: 'saved', profile, credentials: null, reconnectReason: 'The saved connection points to a different Mode address than this app uses. Connect again to sync.' }
  }
  const loaded = await deps.secrets.load()
  if (loaded.status === 'ok') return { kind: 'saved', profile, credentials: loaded.credentials, reconnectReason: null }
  const reconnectReason =
    loaded.status === 'reconnect' || loaded.status === 'unavailable'
      ? loaded.reason
      : profile.storage === 'session-only'
        ? 'Your credentials were kept for the last session only. Enter them again to sync.'
        : 'Your saved credentials are missing. Connect again to sync.'
  return { kind: 'saved', profile, credentials: null, reconnectReason }
}

/**
 * Where new credentials may be kept, before the live check: the user's choice, unless this computer cannot
 * honour it. Throws `storage_unavailable` when only weak protection exists and the user has not accepted it.
 */
export async function chooseCredentialStorage(secrets: SecretStore, requested: CredentialStorage | undefined): Promise<CredentialStorage | undefined> {
  const options = await secrets.storageOptions()
  if (options.protection === 'weak' && requested !== 'weak' && requested !== 'session-only') {
    throw new AppFailure(
      'storage_unavailable',
      'This computer has no system keyring, so your credentials cannot be stored safely.',
      'Choose "Keep for this session only", or "Store with weak protection" if you accept that risk.',
    )
  }
  return options.protection === 'unavailable' ? 'session-only' : requested
}

/** Keeps verified credentials as chosen and records the profile; returns where the credentials ended up. */
export async function rememberConnection(
  deps: Pick<StoredConnectionDeps, 'settings' | 'secrets'>,
  credentials: Credentials,
  storage: CredentialStorage | undefined,
  profile: Omit<ConnectionProfile, 'storage'>,
): Promise<ConnectionProfile> {
  let stored: CredentialStorage
  if (profile.isSample) {
    // The sample's credentials are fresh random ones each start: never written, and nothing older kept.
    await deps.secrets.clear().catch(() => {})
    stored = 'session-only'
  } else {
    stored = await deps.secrets.save(credentials, storage)
  }
  const full: ConnectionProfile = { ...profile, storage: stored }
  deps.settings.setProfile(full)
  return full
}
