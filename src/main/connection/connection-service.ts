// The connection to one Mode workspace: checks credentials live, keeps them in the SecretStore as the user
// chose, remembers the non-secret profile in settings, opens the workspace's library, and hands the rest of
// the app a session whose Mode clients carry the credentials. Credentials never leave this file except inside
// a Mode client's Authorization header; the status it reports carries none.
import { existsSync } from 'node:fs'
import { readdir, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { AppFailure, toAppError } from '../app-error.ts'
import { createModeClient, DEFAULT_BASE_URL, normalizeApiBase, type ModeClient, type ModeClientOptions } from '../mode/client.ts'
import { isModeApiError } from '../mode/errors.ts'
import { RateLimiter } from '../mode/rate-limiter.ts'
import { openLibrary, type Library } from '../library/index.ts'
import { libraryPath } from '../library/paths.ts'
import type { SecretStore, Credentials } from '../secrets/secret-store.ts'
import type { ConnectionProfile, SettingsService } from '../settings/settings-service.ts'
import type { ConnectOutcome } from '../../shared/contract.ts'
import type { AppError, ConnectInput, ConnectionStatus, CredentialStorage, StorageOptions } from '../../shared/model.ts'
import { parseWorkspaceInput } from '../../shared/workspace-name.ts'
import { runSyncInWorker, SyncWorkerStartError, type RunSyncInWorkerOptions } from '../sync/run-sync-in-worker.ts'
import { syncWorkspace, type SyncResult } from '../sync/sync-workspace.ts'
import { connectError } from './connect-errors.ts'

/** A running local Mode simulator serving the sample workspace. */
export interface SampleServer {
  baseUrl: string
  workspace: string
  token: string
  password: string
  /** Requests per second the simulator allows; the session's client is paced to match. */
  requestsPerSecond: number
  stop: () => Promise<void>
}

/** What the rest of the app gets while connected. */
export interface WorkspaceSession {
  readonly workspace: string
  readonly apiBase: string
  readonly isSample: boolean
  readonly library: Library
  /** A Mode client for this workspace with this session's credentials and its shared rate limiter. */
  createClient(options?: Omit<ModeClientOptions, 'token' | 'password' | 'workspace' | 'baseUrl' | 'limiter'>): ModeClient
  /**
   * Runs one sync of this workspace in a worker thread (its own library connection, writes off this thread)
   * with this session's credentials and pace; its requests are performed here with the service's `fetch`.
   */
  runSync(options: SessionSyncOptions): Promise<SyncResult>
}

export type SessionSyncOptions = Pick<RunSyncInWorkerOptions, 'signal' | 'onProgress' | 'onLibraryChanged' | 'onStarted'> & RunSyncInWorkerOptions['sync']

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
  /** Every Mode request (also the sync worker's, through the fetch bridge). Default: globalThis.fetch. */
  fetch?: typeof globalThis.fetch
  /** The sync worker's entry file; default: found beside the code (source or build). */
  syncWorkerUrl?: URL
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
      workspaceName: profile?.workspaceName ?? null,
      accountName: profile?.accountName ?? null,
      storage: a?.credentials ? profile?.storage ?? null : null,
      isSample: profile?.isSample ?? false,
      reconnectReason: this.reconnectReason,
      hasLibrary: workspace !== null && existsSync(libraryPath(this.options.dataDir, workspace)),
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
    return this.sessionOf(a)
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
      if (deleteLibrary && workspace) await removeLibraryFiles(libraryPath(this.options.dataDir, workspace))
      this.options.log?.(`[connection] disconnected${deleteLibrary ? ' and deleted the local library' : ''}`)
      return this.publish()
    })
  }

  /** At app start: reconnect from the stored profile and secret, or report why the user must reconnect. */
  restore(): Promise<ConnectionStatus> {
    return this.serialise(async () => {
      const profile = this.options.settings.getProfile()
      if (!profile) {
        // A secret without a profile is an orphan (e.g. a crash between the two writes): forget it.
        await this.options.secrets.clear()
        return this.publish()
      }
      if (profile.isSample) {
        // The sample's credentials were session-only; start it again, like the first time.
        const outcome = await this.doConnectSample()
        if (!outcome.ok) this.options.log?.(`[connection] the sample workspace could not be restarted (${outcome.error.code})`)
        return this.getStatus()
      }
      // The profile lives in a plain settings file: its address is not trusted with the stored credentials unless
      // it is the one this app is configured for (app.mode.com in a packaged build).
      if (profile.apiBase !== this.configuredApiBase()) {
        this.reconnectReason = 'The saved connection points to a different Mode address than this app uses. Connect again to sync.'
        this.options.log?.('[connection] the stored profile names another Mode address; its credentials are not used')
        this.active = { profile, credentials: null, library: this.tryOpenLibrary(profile.workspace), limiter: this.newLimiter(null), sample: null }
        return this.publish()
      }
      const loaded = await this.options.secrets.load()
      let credentials: Credentials | null = null
      if (loaded.status === 'ok') credentials = loaded.credentials
      else if (loaded.status === 'reconnect' || loaded.status === 'unavailable') this.reconnectReason = loaded.reason
      else if (profile.storage === 'session-only') this.reconnectReason = 'Your credentials were kept for the last session only. Enter them again to sync.'
      else this.reconnectReason = 'Your saved credentials are missing. Connect again to sync.'
      const library = this.tryOpenLibrary(profile.workspace)
      this.active = { profile, credentials, library, limiter: this.newLimiter(null), sample: null }
      const status = this.publish()
      const session = this.getSession()
      if (session) await this.options.onSessionChange?.({ type: 'restored', session })
      return status
    })
  }

  /** Stops the sample simulator and closes the library. Credentials in memory are dropped. */
  async dispose(): Promise<void> {
    this.disposed = true
    await this.queue.catch(() => {})
    const a = this.active
    this.active = null
    a?.library?.close()
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
    let storage: CredentialStorage | undefined = isSample ? 'session-only' : input.storage
    if (!isSample) {
      const options = await this.options.secrets.storageOptions()
      if (options.protection === 'weak' && storage !== 'weak' && storage !== 'session-only') {
        return fail({
          code: 'storage_unavailable',
          message: 'This computer has no system keyring, so your credentials cannot be stored safely.',
          action: 'Choose "Keep for this session only", or "Store with weak protection" if you accept that risk.',
        })
      }
      if (options.protection === 'unavailable') storage = 'session-only'
    }
    const baseUrl = sample?.baseUrl ?? this.options.modeBaseUrl?.() ?? DEFAULT_BASE_URL
    let apiBase: string
    try {
      apiBase = normalizeApiBase(baseUrl)
    } catch {
      return fail({ code: 'internal', message: 'The Mode address configured for this app is not valid.' })
    }

    // The live check: /verify proves the token and password, /{workspace} proves the workspace and membership.
    const limiter = this.newLimiter(sample)
    const client = createModeClient({
      baseUrl: apiBase, token, password, workspace, limiter,
      fetch: this.options.fetch,
      timeoutMs: this.options.verifyTimeoutMs ?? 15_000,
      // Answer fast: one retry for a blip, not the sync's patient backoff.
      maxAttempts: 2, baseBackoffMs: 250, maxBackoffMs: 1_000, maxRetryAfterMs: 5_000,
    })
    let workspaceName: string | null
    let accountName: string | null
    let tokenWorkspace: string | null = null
    try {
      tokenWorkspace = (await client.verify()).workspace
      const ws = await client.workspace()
      workspaceName = ws.name ?? ws.username
      accountName = await this.accountName(client)
    } catch (error) {
      const appError = connectError(error, workspace)
      this.options.log?.(`[connection] connect to "${workspace}" failed: ${appError.code}${isModeApiError(error) ? ` (${error.message})` : ''}`)
      if ((appError.code === 'not_found' || appError.code === 'no_access') && tokenWorkspace && tokenWorkspace.toLowerCase() !== workspace.toLowerCase()) {
        // Workspace API keys belong to one workspace, and Mode's /verify names it: the likeliest fix.
        return fail({ ...appError, action: `This token belongs to the workspace "${tokenWorkspace}". Enter that name, or use a token of "${workspace}".` })
      }
      return fail(appError)
    }

    // Credentials are good. Keep them as chosen, then switch the app over to this workspace.
    const previous = this.active
    const sameWorkspace = previous !== null && previous.profile.workspace.toLowerCase() === workspace.toLowerCase() && previous.profile.isSample === isSample
    let stored: CredentialStorage
    try {
      stored = isSample ? 'session-only' : await this.options.secrets.save({ token, password }, storage)
    } catch (error) {
      return fail(toAppError(error))
    }
    if (isSample) await this.options.secrets.clear().catch(() => {})
    const profile: ConnectionProfile = { workspace, workspaceName, accountName, storage: stored, apiBase, isSample }
    this.options.settings.setProfile(profile)
    this.reconnectReason = null

    let library: Library | null
    if (sameWorkspace && previous?.library) {
      // Switching credentials (personal token → service account): same workspace, same library, kept open.
      library = previous.library
      if (previous.sample && previous.sample !== sample) await previous.sample.stop()
      await this.options.onSessionChange?.({ type: 'ended' })
    } else {
      await this.endActive()
      try {
        library = openLibrary({ dataDir: this.options.dataDir, workspace })
      } catch (error) {
        this.active = { profile, credentials: { token, password }, library: null, limiter, sample }
        this.publish()
        return fail(toAppError(error))
      }
    }
    this.active = { profile, credentials: { token, password }, library, limiter, sample }
    this.options.log?.(`[connection] connected to "${workspace}"${isSample ? ' (sample)' : ''}; credentials: ${stored}`)
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

  private async accountName(client: ModeClient): Promise<string | null> {
    // Workspace API keys may be refused /account (400): the name is a nicety, never a reason to fail.
    try {
      const account = await client.account()
      return account.name ?? account.username
    } catch {
      return null
    }
  }

  private sessionOf(a: ActiveConnection): WorkspaceSession {
    const credentials = a.credentials
    const library = a.library
    if (!credentials || !library) throw new AppFailure('not_connected', 'Not connected to a Mode workspace.', 'Connect a workspace first.')
    const { profile, limiter } = a
    const fetchImpl = this.options.fetch
    return {
      workspace: profile.workspace,
      apiBase: profile.apiBase,
      isSample: profile.isSample,
      library,
      createClient: (options = {}) =>
        createModeClient({ ...options, fetch: options.fetch ?? fetchImpl, baseUrl: profile.apiBase, workspace: profile.workspace, token: credentials.token, password: credentials.password, limiter }),
      runSync: async ({ signal, onProgress, onLibraryChanged, onStarted, ...sync }) => {
        try {
          return await runSyncInWorker({
            dataDir: this.options.dataDir,
            workspace: profile.workspace,
            // In memory only (workerData): the worker builds its client's Authorization header from them.
            client: { baseUrl: profile.apiBase, workspace: profile.workspace, token: credentials.token, password: credentials.password },
            // The worker's limiter paces like this session's; chart fetches on this thread keep the shared one.
            limiter: { requests: limiter.requestsPerWindow, perMs: limiter.windowMs, capacity: limiter.capacity, concurrency: limiter.concurrency },
            sync,
            fetch: fetchImpl,
            workerUrl: this.options.syncWorkerUrl,
            signal, onProgress, onLibraryChanged, onStarted,
          })
        } catch (error) {
          if (!(error instanceof SyncWorkerStartError)) throw error
          // A build whose worker file cannot load must still sync: on this thread, slower for the UI but correct.
          this.options.log?.(`[sync] the sync worker could not start (${errorCodeOf(error.cause)}); syncing on the main thread`)
          const client = createModeClient({ fetch: fetchImpl, baseUrl: profile.apiBase, workspace: profile.workspace, token: credentials.token, password: credentials.password, limiter })
          return syncWorkspace({ ...sync, library, client, signal, onProgress, onLibraryChanged })
        }
      },
    }
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

  private tryOpenLibrary(workspace: string): Library | null {
    try {
      return openLibrary({ dataDir: this.options.dataDir, workspace })
    } catch (error) {
      this.options.log?.(`[connection] the library of "${workspace}" could not be opened (${toAppError(error).code})`)
      return null
    }
  }

  private async endActive(): Promise<void> {
    const a = this.active
    if (!a) return
    this.active = null
    await this.options.onSessionChange?.({ type: 'ended' })
    a.library?.close()
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

function errorCodeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'error'
}

function fail(error: AppError): ConnectOutcome {
  return { ok: false, error }
}

/** The library file and its SQLite companions (-wal, -shm) and any moved-aside corrupt copies. */
async function removeLibraryFiles(path: string): Promise<void> {
  const dir = dirname(path)
  const base = path.slice(dir.length + 1)
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return
  }
  await Promise.all(names.filter((n) => n === base || n.startsWith(`${base}-`) || n.startsWith(`${base}.`)).map((n) => rm(join(dir, n), { force: true })))
}
