// The connection to one Mode workspace, start to end: connect (live check, then keep the credentials and the
// profile as the user chose), restore at launch, switch credentials, disconnect. It owns which library is open
// and hands the rest of the app a WorkspaceSession; the jobs it delegates live beside it — the live check
// (credential-check.ts), the remembered profile and secret (stored-connection.ts), the library files
// (library-files.ts) and the session's clients (workspace-session.ts). The status it reports carries no secret.
import { toAppError } from '../../shared/errors.ts'
import { insecureApiBaseProblem } from '../mode/api-base.ts'
import { DEFAULT_BASE_URL, normalizeApiBase } from '../mode/client.ts'
import { RateLimiter } from '../mode/rate-limiter.ts'
import { openLibraryOffThread, type Library } from '../library/index.ts'
import type { SecretStore, Credentials } from '../secrets/secret-store.ts'
import type { ConnectionProfile, SettingsService } from '../settings/settings-service.ts'
import type { ConnectOutcome } from '../../shared/contract.ts'
import type { AppError, ConnectInput, ConnectionStatus, CredentialStorage, StorageOptions } from '../../shared/model.ts'
import { parseWorkspaceInput } from '../../shared/workspace-slug.ts'
import { checkCredentials } from './credential-check.ts'
import { libraryExists, openedOnThisThread, removeLibraryFiles, tryOpenLibrary } from './library-files.ts'
import { chooseCredentialStorage, loadStoredConnection, rememberConnection } from './stored-connection.ts'
import { createWorkspaceSession, type SampleServer, type WorkspaceSession } from './workspace-session.ts'

export type { SampleServer, WorkspaceSession } from './workspace-session.ts'

export type SessionChange =
  /** Connected by the user: the first sync should start now (full unless the library already had data). */
  | { type: 'connected'; session: WorkspaceSession; switchedCredentialsOnly: boolean }
  /** Restored at app start from stored credentials. */
  | { type: 'restored'; session: WorkspaceSession }
  /** No session any more (disconnect, or switching workspace: a 'connected' follows). */
  | { type: 'ended' }

export interface ConnectionServiceOptions {
  dataDir: string
  secrets: SecretStore
  settings: SettingsService
  /** Mode's base URL (tests and development point it at a simulator). Read at each connect. */
  modeBaseUrl?: () => string
  /** Starts the built-in sample workspace; absent in builds without it. */
  startSample?: () => Promise<SampleServer>
  /** Every Mode request made with the session's clients. Default: globalThis.fetch. */
  fetch?: typeof globalThis.fetch
  /** Per-request time-out of the live check at connect (ms). */
  verifyTimeoutMs?: number
  /** Mode's pace for a real workspace (requests per 10 s); the simulator's comes from SampleServer. */
  modeRequestsPer10s?: number | (() => number | undefined)
  log?: (message: string) => void
  onStatus?: (status: ConnectionStatus) => void
  onSessionChange?: (change: SessionChange) => void | Promise<void>
}

interface ActiveConnection {
  profile: ConnectionProfile
  credentials: Credentials | null
  library: Library | null
  limiter: RateLimiter
  sample: SampleServer | null
}

export class ConnectionService {
  private readonly options: ConnectionServiceOptions
  private active: ActiveConnection | null = null
  private reconnectReason: string | null = null
  /** Serialises connect/disconnect/restore so two clicks cannot interleave. */
  private queue: Promise<unknown> = Promise.resolve()
  private disposed = false

  constructor(options: ConnectionServiceOptions) {
    this.options = options
  }

  getStatus(): ConnectionStatus {
    const a = this.active
    const profile = a?.profile ?? null
    const workspace = profile?.workspace ?? null
    return {
      connected: Boolean(a?.credentials),
      workspace,
      workspaceDisplayName: profile?.workspaceDisplayName ?? null,
      accountName: profile?.accountName ?? null,
      storage: a?.credentials ? profile?.storage ?? null : null,
      isSample: profile?.isSample ?? false,
      reconnectReason: this.reconnectReason,
      hasLibrary: workspace !== null && libraryExists(this.options.dataDir, workspace),
    }
  }

  getStorageOptions(): Promise<StorageOptions> {
    return this.options.secrets.storageOptions()
  }

  /** The open library, also while disconnected with a reconnect reason (so search works offline). */
  getLibrary(): Library | null {
    return this.active?.library ?? null
  }

  /** The live session, or null when not connected. */
  getSession(): WorkspaceSession | null {
    const a = this.active
    if (!a?.credentials || !a.library) return null
    return createWorkspaceSession({
      workspace: a.profile.workspace, apiBase: a.profile.apiBase, isSample: a.profile.isSample,
      library: a.library, credentials: a.credentials, limiter: a.limiter, fetch: this.options.fetch,
    })
  }

  connect(input: ConnectInput): Promise<ConnectOutcome> {
    return this.serialise(() => this.doConnect(input))
  }

  connectSample(): Promise<ConnectOutcome> {
    return this.serialise(() => this.doConnectSample())
  }

  disconnect(deleteLibrary: boolean): Promise<ConnectionStatus> {
    return this.serialise(async () => {
      const workspace = this.active?.profile.workspace ?? null
      await this.endActive()
      await this.options.secrets.clear()
      this.options.settings.clearProfile()
      this.reconnectReason = null
      if (deleteLibrary && workspace) await removeLibraryFiles(this.options.dataDir, workspace)
      this.options.log?.(`[connection] disconnected${deleteLibrary ? ' and deleted the local library' : ''}`)
      return this.publish()
    })
  }

  /** At app start: reconnect from the stored profile and secret, or report why the user must reconnect. */
  restore(): Promise<ConnectionStatus> {
    return this.serialise(async () => {
      const stored = await loadStoredConnection({ settings: this.options.settings, secrets: this.options.secrets, configuredApiBase: this.configuredApiBase(), log: this.options.log })
      if (stored.kind === 'none') return this.publish()
      if (stored.kind === 'sample') {
        const outcome = await this.doConnectSample()
        if (!outcome.ok) this.options.log?.(`[connection] the sample workspace could not be restarted (${outcome.error.code})`)
        return this.getStatus()
      }
      const { profile, credentials } = stored
      this.reconnectReason = stored.reconnectReason
      const library = await tryOpenLibrary(this.options.dataDir, profile.workspace, this.options.log)
      this.active = { profile, credentials, library, limiter: this.newLimiter(null), sample: null }
      const status = this.publish()
      const session = this.getSession()
      if (session) await this.options.onSessionChange?.({ type: 'restored', session })
      return status
    })
  }

  /** Stops the sample simulator and closes the library (waiting for it). Credentials in memory are dropped. */
  async dispose(): Promise<void> {
    this.disposed = true
    await this.queue.catch(() => {})
    const a = this.active
    this.active = null
    await a?.library?.close()
    await a?.sample?.stop()
  }

  // ---- internals ----------------------------------------------------------------------------------------

  private async doConnect(input: ConnectInput, sample: SampleServer | null = null): Promise<ConnectOutcome> {
    const token = input.token.trim()
    const password = input.password.trim()
    const workspace = parseWorkspaceInput(input.workspace)
    if (!workspace) {
      return fail({
        code: 'invalid_input',
        message: 'That does not look like a Mode workspace name.',
        action: 'Enter the name after app.mode.com/ in your browser’s address bar, or paste any address of a page in your workspace.',
      })
    }
    if (!token || !password) return fail({ code: 'invalid_input', message: 'Enter both the API token and its password.' })
    const isSample = sample !== null
    let storage: CredentialStorage | undefined = 'session-only'
    try {
      if (!isSample) storage = await chooseCredentialStorage(this.options.secrets, input.storage)
    } catch (error) {
      return fail(toAppError(error))
    }
    let apiBase: string
    try {
      apiBase = normalizeApiBase(sample?.baseUrl ?? this.options.modeBaseUrl?.() ?? DEFAULT_BASE_URL)
    } catch {
      return fail({ code: 'internal', message: 'The Mode address configured for this app is not valid.' })
    }
    const insecure = insecureApiBaseProblem(apiBase)
    if (insecure) {
      return fail({
        code: 'tls_or_proxy',
        message: `Mode Companion will not connect to ${new URL(apiBase).origin}: ${insecure}.`,
        action: 'Use the https:// address of Mode.',
      })
    }

    const limiter = this.newLimiter(sample)
    const check = await checkCredentials({ apiBase, workspace, token, password, limiter, fetch: this.options.fetch, timeoutMs: this.options.verifyTimeoutMs })
    if (!check.ok) {
      this.options.log?.(`[connection] connect to "${workspace}" failed: ${check.error.code}${check.detail ? ` (${check.detail})` : ''}`)
      return fail(check.error)
    }

    // Credentials are good. Keep them as chosen, then switch the app over to this workspace.
    const previous = this.active
    const sameWorkspace = previous !== null && previous.profile.workspace.toLowerCase() === workspace.toLowerCase() && previous.profile.isSample === isSample
    const credentials: Credentials = { token, password }
    let profile: ConnectionProfile
    try {
      profile = await rememberConnection(this.options, credentials, storage, {
        workspace, workspaceDisplayName: check.workspaceDisplayName, accountName: check.accountName, apiBase, isSample,
      })
    } catch (error) {
      return fail(toAppError(error))
    }
    this.reconnectReason = null

    let library: Library
    if (sameWorkspace && previous?.library) {
      // Switching credentials (personal token → service account): same workspace, same library, kept open.
      library = previous.library
      if (previous.sample && previous.sample !== sample) await previous.sample.stop()
      await this.options.onSessionChange?.({ type: 'ended' })
    } else {
      await this.endActive()
      try {
        library = await openLibraryOffThread({ dataDir: this.options.dataDir, workspace, onFallback: (why) => this.options.log?.(openedOnThisThread(why)) })
      } catch (error) {
        this.active = { profile, credentials, library: null, limiter, sample }
        this.publish()
        return fail(toAppError(error))
      }
    }
    this.active = { profile, credentials, library, limiter, sample }
    this.options.log?.(`[connection] connected to "${workspace}"${isSample ? ' (sample)' : ''}; credentials: ${profile.storage}`)
    const status = this.publish()
    const session = this.getSession()
    if (session) await this.options.onSessionChange?.({ type: 'connected', session, switchedCredentialsOnly: sameWorkspace })
    return { ok: true, status }
  }

  private async doConnectSample(): Promise<ConnectOutcome> {
    if (!this.options.startSample) return fail({ code: 'internal', message: 'The sample workspace is not available in this build.' })
    if (this.active?.sample && this.active.credentials) return { ok: true, status: this.getStatus() }
    let sample: SampleServer
    try {
      sample = await this.options.startSample()
    } catch {
      return fail({ code: 'internal', message: 'The sample workspace could not be started.', action: 'Try again; if it keeps failing, restart the app.' })
    }
    if (this.disposed) {
      await sample.stop()
      return fail({ code: 'cancelled', message: 'The app is closing.' })
    }
    const outcome = await this.doConnect({ token: sample.token, password: sample.password, workspace: sample.workspace }, sample)
    if (!outcome.ok) await sample.stop()
    return outcome
  }

  /** The API base this app sends credentials to (null if the configured address is not a valid URL). */
  private configuredApiBase(): string | null {
    try {
      return normalizeApiBase(this.options.modeBaseUrl?.() ?? DEFAULT_BASE_URL)
    } catch {
      return null
    }
  }

  private newLimiter(sample: SampleServer | null): RateLimiter {
    if (sample) return new RateLimiter({ requests: sample.requestsPerSecond, perMs: 1_000 })
    const configured = this.options.modeRequestsPer10s
    const per10s = typeof configured === 'function' ? configured() : configured
    return new RateLimiter(per10s ? { requests: per10s, perMs: 10_000 } : {})
  }

  private async endActive(): Promise<void> {
    const a = this.active
    if (!a) return
    this.active = null
    await this.options.onSessionChange?.({ type: 'ended' })
    await a.library?.close()
    await a.sample?.stop()
  }

  private publish(): ConnectionStatus {
    const status = this.getStatus()
    this.options.onStatus?.(status)
    return status
  }

  private serialise<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn)
    this.queue = run.catch(() => {})
    return run
  }
}

function fail(error: AppError): ConnectOutcome {
  return { ok: false, error }
}

