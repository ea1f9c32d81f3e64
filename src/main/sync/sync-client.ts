// The part of the Mode client the sync uses. The real client (src/main/mode/client.ts) satisfies it; naming
// the subset keeps the sync honest about which calls it makes.
import type { ModeClient } from '../mode/client.ts'

export type SyncClient = Pick<
  ModeClient,
  | 'workspace'
  | 'listSpaces'
  | 'listSpaceReports'
  | 'listQueries'
  | 'listCharts'
  | 'listDataSources'
  | 'listMemberships'
  | 'listGroups'
  | 'listGroupMemberships'
  | 'listSpacePermissions'
  | 'listMemberActivity'
  | 'listSpaceDatasets'
  | 'listQueryRuns'
  | 'readQueryRunResults'
  | 'listSchedules'
  | 'stats'
> & { limiter?: ModeClient['limiter'] }
