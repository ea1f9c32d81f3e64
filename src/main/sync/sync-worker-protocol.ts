// Messages between runSyncInWorker (main thread) and sync-worker.ts (worker thread). Plain data only: the
// worker builds its own library connection and Mode client from it; the client's requests go through
// `fetchPort` to the parent's fetch (fetch-bridge.ts), so Electron's network stack still carries them —
// unless `ownRequests` lets the worker make them itself (worker-fetch.ts).
import type { MessagePort } from 'node:worker_threads'
import type { AppError, SyncProgress } from '../../shared/model.ts'
import type { ModeClientOptions } from '../mode/client.ts'
import type { RateLimiterOptions } from '../mode/rate-limiter.ts'
import type { SyncResult, SyncWorkspaceOptions } from './sync-workspace.ts'

export interface SyncWorkerData {
  dataDir: string
  workspace: string
  /**
   * The caller holds the library open (the app's session does): the worker then opens a second connection,
   * which never checks, migrates or moves the file (openLibrary's `secondConnection`). Without it the worker's
   * connection is the only one and opens the library as the app would.
   */
  libraryOpenInParent?: boolean
  /** Credentials travel in memory to the worker only; they are never written anywhere. */
  client: Pick<ModeClientOptions, 'baseUrl' | 'token' | 'password' | 'workspace' | 'timeoutMs' | 'maxAttempts' | 'userAgent' | 'appVersion'>
  limiter?: Pick<RateLimiterOptions, 'requests' | 'perMs' | 'capacity' | 'concurrency'>
  /**
   * The worker makes its requests with its own fetch (no proxy between this computer and Mode; the caller
   * checked), falling back to the parent's for good at the first TLS or proxy failure. Default: the parent's.
   */
  ownRequests?: boolean
  sync: Pick<SyncWorkspaceOptions, 'kind' | 'includePersonalCollections' | 'includeCharts' | 'content' | 'trigger' | 'concurrency' | 'resumeWindowMs' | 'historyLimits'>
}

/** What the worker receives: the data above plus its ends of the fetch and limiter bridges (transferred, not copied). */
export interface SyncWorkerInit extends SyncWorkerData {
  fetchPort: MessagePort
  limiterPort: MessagePort
}

export type SyncWorkerMessage =
  | { type: 'started'; threadId: number }
  | { type: 'progress'; progress: SyncProgress }
  | { type: 'changed'; reports: number }
  | { type: 'done'; result: SyncResult }
  | { type: 'error'; error: AppError }
