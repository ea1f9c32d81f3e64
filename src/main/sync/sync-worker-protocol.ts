// Messages between runSyncInWorker (main thread) and sync-worker.ts (worker thread). Plain data only: the
// worker builds its own library connection and Mode client from it.
import type { AppError, SyncProgress } from '../../shared/model.ts'
import type { ModeClientOptions } from '../mode/client.ts'
import type { RateLimiterOptions } from '../mode/rate-limiter.ts'
import type { SyncResult, SyncWorkspaceOptions } from './sync-workspace.ts'

export interface SyncWorkerData {
  dataDir: string
  workspace: string
  /** Credentials travel in memory to the worker only; they are never written anywhere. */
  client: Pick<ModeClientOptions, 'baseUrl' | 'token' | 'password' | 'workspace' | 'timeoutMs' | 'maxAttempts' | 'userAgent'>
  limiter?: Pick<RateLimiterOptions, 'requests' | 'perMs' | 'capacity' | 'concurrency'>
  sync: Pick<SyncWorkspaceOptions, 'kind' | 'includePersonalCollections' | 'includeCharts' | 'trigger' | 'concurrency' | 'resumeWindowMs'>
}

export type SyncWorkerMessage =
  | { type: 'progress'; progress: SyncProgress }
  | { type: 'changed'; reports: number }
  | { type: 'done'; result: SyncResult }
  | { type: 'error'; error: AppError }
