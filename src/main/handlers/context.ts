// What every group of IPC handlers can reach: the services app-core.ts builds once. Handlers stay thin: they
// translate a contract call into a service call and never hold state of their own.
import type { EventName, EventPayload } from '../../shared/contract.ts'
import type { ConnectionService } from '../connection/connection-service.ts'
import type { SettingsService } from '../settings/settings-service.ts'
import type { HomeStore } from '../home/home-store.ts'
import type { SavedSearchStore } from '../home/saved-search-store.ts'
import type { SyncScheduler } from '../sync/scheduler.ts'
import type { LibrarySearch } from '../search/library-search.ts'

export interface HandlerContext {
  dataDir: string
  connection: ConnectionService
  settings: SettingsService
  home: HomeStore
  savedSearches: SavedSearchStore
  scheduler: SyncScheduler
  search: LibrarySearch
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void
  revealInFolder: (path: string) => void | Promise<void>
  now: () => Date
}
