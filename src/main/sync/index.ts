// The sync engine's public surface.
export { syncWorkspace } from './sync-workspace.ts'
export type { SyncResult, SyncWorkspaceOptions } from './sync-workspace.ts'
export { fetchReportCharts } from './fetch-report-charts.ts'
export type { FetchReportChartsOptions } from './fetch-report-charts.ts'
export { isSyncing, lastCompletedRun } from './run-records.ts'
export type { SyncClient } from './sync-client.ts'
