// The library's public surface: open a workspace's database and read it in the shapes of src/shared/model.ts.
export { openLibrary } from './open-library.ts'
export { isCorruption } from './corruption.ts'
export type { Library, OpenLibraryOptions } from './open-library.ts'
export { defaultDataDir, libraryPath } from './paths.ts'
export { migrations } from './migrations/index.ts'
export { migrateDatabase } from './migrate.ts'
export type { Migration } from './migrate.ts'
export { getReportDetail, listCollections, getStats, listPeople, listSyncRuns } from './read-models.ts'
