// The library's public surface: open a workspace's database and read it in the shapes of src/shared/model.ts.
export { openLibrary, isCorruption } from './open-library.ts'
export type { Library, OpenLibraryOptions } from './open-library.ts'
export { defaultDataDir, libraryPath } from './paths.ts'
export { migrations } from './migrations.ts'
export type { Migration } from './migrations.ts'
export { getReportDetail, listCollections, getStats, listPeople, listSyncRuns } from './read-models.ts'
