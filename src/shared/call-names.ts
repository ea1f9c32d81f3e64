// The names of every IPC call and event, without their schemas: the preload builds the bridge from these
// alone, so it bundles no zod (contract.ts holds the schemas and fails to compile if the two lists differ).

export const CALL_NAMES = [
  'app.getInfo',
  'app.openExternal',
  'connection.getStatus',
  'connection.getStorageOptions',
  'connection.connect',
  'connection.connectSample',
  'connection.disconnect',
  'library.search',
  'library.getReport',
  'library.fetchCharts',
  'library.getReportContent',
  'library.previewThumbnails',
  'library.getCachedContentSize',
  'library.clearCachedResults',
  'library.listCollections',
  'library.exportSql',
  'library.getStats',
  'people.list',
  'home.get',
  'home.opened',
  'home.setPinned',
  'home.setSession',
  'people.accessReview',
  'people.exportAccessReview',
  'knowledge.reportHistory',
  'knowledge.diff',
  'knowledge.changes',
  'knowledge.duplicates',
  'knowledge.reportStatus',
  'knowledge.related',
  'knowledge.deletedReport',
  'knowledge.usage',
  'sync.getState',
  'sync.start',
  'sync.cancel',
  'sync.history',
  'settings.get',
  'settings.update',
  'settings.revealDataDir',
  'savedSearches.list',
  'savedSearches.save',
  'savedSearches.rename',
  'savedSearches.move',
  'savedSearches.remove',
  'savedSearches.restore',
  'savedSearches.counts',
] as const

export const EVENT_NAMES = ['sync.state', 'connection.status', 'library.changed'] as const

export type CallName = (typeof CALL_NAMES)[number]
export type EventName = (typeof EVENT_NAMES)[number]

/** The IPC channel that carries a call or an event. */
export const callChannel = (name: CallName): string => `mc:call:${name}`
export const eventChannel = (name: EventName): string => `mc:event:${name}`

/** The global under which the preload exposes the API. */
export const BRIDGE_GLOBAL = 'modeCompanion'
