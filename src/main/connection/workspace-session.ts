// What the rest of the app gets while connected: the workspace, its open library, and Mode clients that carry
// the session's credentials and its shared rate limiter. The credentials stay inside this object; they leave
// it only in a Mode client's Authorization header, or as in-memory data for the sync worker, which builds the
// same header from them.
import type { Library } from '../library/index.ts'
import { createModeClient, type ModeClient, type ModeClientOptions } from '../mode/client.ts'
import type { RateLimiter } from '../mode/rate-limiter.ts'
import type { Credentials } from '../secrets/secret-store.ts'
import type { SyncWorkerData } from '../sync/sync-worker-protocol.ts'

/** A running local Mode simulator serving the sample workspace. */
export interface SampleServer {
  baseUrl: string
  /** The sample's workspace slug (the name in its URLs). */
  workspace: string
  token: string
  password: string
  /** Requests per second the simulator allows; the session's client is paced to match. */
  requestsPerSecond: number
  stop: () => Promise<void>
}

export type SessionClientOptions = Omit<ModeClientOptions, 'token' | 'password' | 'workspace' | 'baseUrl' | 'limiter'>

export interface WorkspaceSession {
  /** The workspace slug: the name in app.mode.com/<slug> and in every API path (not its display name). */
  readonly workspace: string
  readonly apiBase: string
  readonly isSample: boolean
  readonly library: Library
  /** A Mode client for this workspace with this session's credentials and its shared rate limiter. */
  createClient(options?: SessionClientOptions): ModeClient
  /**
   * What the sync worker needs to build its own client: the credentials (in memory only, never written) and
   * this session's limiter, whose tokens the worker takes over a port, as chart fetches here take them.
   */
  workerClient(): WorkerClientParts
}

export type WorkerClientParts = Pick<SyncWorkerData, 'client' | 'limiter'> & { sharedLimiter: RateLimiter }

export interface WorkspaceSessionParts {
  workspace: string
  apiBase: string
  isSample: boolean
  library: Library
  credentials: Credentials
  limiter: RateLimiter
  /** Every Mode request; default globalThis.fetch. */
  fetch?: typeof globalThis.fetch
}

export function createWorkspaceSession(parts: WorkspaceSessionParts): WorkspaceSession {
  const { workspace, apiBase, credentials, limiter } = parts
  return {
    workspace,
    apiBase,
    isSample: parts.isSample,
    library: parts.library,
    createClient: (options = {}) =>
      createModeClient({ ...options, fetch: options.fetch ?? parts.fetch, baseUrl: apiBase, workspace, token: credentials.token, password: credentials.password, limiter }),
    workerClient: () => ({
      client: { baseUrl: apiBase, workspace, token: credentials.token, password: credentials.password },
      limiter: { requests: limiter.requestsPerWindow, perMs: limiter.windowMs, capacity: limiter.capacity, concurrency: limiter.concurrency },
      sharedLimiter: limiter,
    }),
  }
}
