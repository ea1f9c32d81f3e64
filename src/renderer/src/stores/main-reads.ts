// One-shot reads and actions whose answers no store keeps: a report's page, the knowledge views, the About
// line, the collections list, opening a Mode page in the system browser. Screens and components reach main
// only through src/renderer/src/stores/ (lint enforces it), so the bridge, its envelopes and its error type
// live in one layer and a screen never subscribes to main's events on its own.
import type { CallInput } from '../../../shared/contract.ts'
import { call } from '../bridge.ts'

export const mainReads = {
  report: (token: string) => call('library.getReport', { token }),
  /** Fetches a report's chart titles from Mode (online only) and answers the report with them. */
  fetchCharts: (token: string) => call('library.fetchCharts', { token }),
  collections: () => call('library.listCollections'),
  /** Every value of every facet for a query (the facet panel's "Show all"). */
  allFacets: (query: string) => call('library.search', { query, limit: 1, offset: 0, facets: true, facetSize: 2000 }).then((r) => r.facets),
  appInfo: () => call('app.getInfo'),
  /** Opens the data folder in the file manager; false when the system refused. */
  revealDataDir: () => call('settings.revealDataDir'),
  storageOptions: () => call('connection.getStorageOptions'),
  reportHistory: (token: string) => call('knowledge.reportHistory', { token }),
  diff: (input: CallInput<'knowledge.diff'>) => call('knowledge.diff', input),
  changes: (input: CallInput<'knowledge.changes'> = {}) => call('knowledge.changes', input),
  duplicates: (limit: number) => call('knowledge.duplicates', { limit }),
  reportStatus: (token: string) => call('knowledge.reportStatus', { token }),
  related: (token: string) => call('knowledge.related', { token }),
  deletedReport: (token: string) => call('knowledge.deletedReport', { token }),
  historyUsage: () => call('knowledge.usage'),
  /** Preview, last results, charts, schedules and datasets of a report (opening it keeps it in the results scope). */
  reportContent: (token: string) => call('library.getReportContent', { token }),
  cachedContentSize: () => call('library.getCachedContentSize'),
  clearCachedResults: () => call('library.clearCachedResults'),
  /** Writes SQL where main's save dialog says; answers whether it was saved. */
  exportSql: (input: CallInput<'library.exportSql'>) => call('library.exportSql', input),
  /** Opens a Mode page in the system browser; false when main refused the URL. */
  openExternalChecked: (url: string) => call('app.openExternal', { url }),
}

/** Opens a Mode page in the system browser through main, which allows only Mode's hosts. */
export function openExternal(url: string): void {
  void call('app.openExternal', { url }).catch(() => {})
}
