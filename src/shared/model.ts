// Domain types shared by main, preload, renderer and CLI. Each is a zod schema (the IPC contract validates
// with them) plus the type inferred from it. No Node, Electron or DOM APIs here.
import { z } from 'zod'
import { ERROR_CODES, type AppError as AppErrorShape } from './errors.ts'

/** Marks around matched terms inside a snippet's text. Private-use characters never occur in Mode data. */
export const MARK_START = '\uE000'
export const MARK_END = '\uE001'

export const IsoDate = z.string()
export const NullableIsoDate = IsoDate.nullable()

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  arch: z.string(),
  /** Electron version, or null when the services run outside Electron (e2e harness, CLI). */
  electron: z.string().nullable(),
})
export type AppInfo = z.infer<typeof AppInfo>

// ---- Errors -------------------------------------------------------------------------------------------

/** The IPC schema of the one error model (src/shared/errors.ts). */
export const ErrorCode = z.enum(ERROR_CODES)
export type ErrorCode = z.infer<typeof ErrorCode>

export const AppError = z.object({
  code: ErrorCode,
  message: z.string(),
  /** What the user can do about it, in one sentence. */
  action: z.string().optional(),
}) satisfies z.ZodType<AppErrorShape>
export type AppError = z.infer<typeof AppError>

// ---- Connection --------------------------------------------------------------------------------------

export const CredentialStorage = z.enum(['keychain', 'session-only', 'weak'])
export type CredentialStorage = z.infer<typeof CredentialStorage>

export const ConnectionStatus = z.object({
  connected: z.boolean(),
  /** The workspace's slug (its Mode username, as in app.mode.com/<slug>), the key of everything stored for it. */
  workspace: z.string().nullable(),
  /** Display name of the workspace when known (Mode's `name`, else the slug). */
  workspaceDisplayName: z.string().nullable(),
  accountName: z.string().nullable(),
  storage: CredentialStorage.nullable(),
  /** True when connected to the built-in sample workspace (simulator), which the UI labels as sample data. */
  isSample: z.boolean(),
  /** Why the user must reconnect (stored secret no longer decrypts, …), or null. */
  reconnectReason: z.string().nullable(),
  /** True when a local library exists for `workspace` (even while disconnected). */
  hasLibrary: z.boolean(),
})
export type ConnectionStatus = z.infer<typeof ConnectionStatus>

/** What the OS keychain can offer, so the wizard can explain the Linux `basic_text` case before Connect. */
export const StorageOptions = z.object({
  /** 'strong' = OS keychain; 'weak' = Linux basic_text or unknown backend; 'unavailable' = cannot encrypt at all. */
  protection: z.enum(['strong', 'weak', 'unavailable']),
  backend: z.string(),
  explanation: z.string(),
})
export type StorageOptions = z.infer<typeof StorageOptions>

export const ConnectInput = z.object({
  token: z.string().trim().min(1, 'Enter the API token').max(200),
  password: z.string().trim().min(1, 'Enter the API token password').max(200),
  /** Bare workspace name or a pasted app.mode.com URL; main extracts the name again. */
  workspace: z.string().trim().min(1, 'Enter the workspace name').max(300),
  /** Required when StorageOptions.protection is 'weak': the user's explicit choice. */
  storage: z.enum(['keychain', 'session-only', 'weak']).optional(),
})
export type ConnectInput = z.infer<typeof ConnectInput>

// ---- Library ------------------------------------------------------------------------------------------

export const Snippet = z.object({
  field: z.enum(['name', 'description', 'sql', 'collection', 'author', 'tables', 'query', 'other']),
  /** Text with matched terms between MARK_START and MARK_END. */
  text: z.string(),
})
export type Snippet = z.infer<typeof Snippet>

export const SearchMatch = z.object({
  term: z.string(),
  field: z.enum(['name', 'description', 'other', 'sql', 'table']),
  /** exact: as typed (or its prefix); form: another form of the word (orders → order); acronym: NRR ↔ Net Revenue
   * Retention; typo: a near spelling. */
  form: z.enum(['exact', 'form', 'acronym', 'typo']),
})
export type SearchMatch = z.infer<typeof SearchMatch>

/** An acronym the search expanded, or a spelled-out name it also searched as its acronym: "NRR = Net Revenue Retention". */
export const SearchExpansion = z.object({ acronym: z.string(), meaning: z.string() })
export type SearchExpansion = z.infer<typeof SearchExpansion>

/**
 * What the search read from the query beyond words, shown as removable chips: filters found in a plain-words
 * question ("by amara", "last quarter", "archived") and suggestions ("search as table:"). `query` is the query
 * to run when the chip is clicked (the filter removed, or the suggestion applied).
 */
export const SearchChip = z.object({
  kind: z.enum(['author', 'table', 'updated', 'archived', 'table-suggestion']),
  label: z.string(),
  query: z.string().max(2000),
})
export type SearchChip = z.infer<typeof SearchChip>

/** What the listing says about a report's use and health (main/knowledge/report-status.ts decides each). */
export const ReportStatus = z.enum(['popular', 'failing', 'stale', 'scheduled', 'never-run'])
export type ReportStatus = z.infer<typeof ReportStatus>

export const SearchHit = z.object({
  token: z.string(),
  name: z.string(),
  collection: z.string().nullable(),
  collectionToken: z.string().nullable(),
  author: z.string().nullable(),
  authorUsername: z.string().nullable(),
  updatedAt: NullableIsoDate,
  archived: z.boolean(),
  score: z.number(),
  snippet: Snippet.nullable(),
  /** True for hits from the typo-tolerant fallback (ranked below exact hits). */
  fuzzy: z.boolean(),
  /** Why it matched: each query word, the field it matched in and in what form (as typed, another word form, …). */
  matched: z.array(SearchMatch).optional(),
  /** A partial match (ranked below every report that matches all the words): the words it lacks. */
  missing: z.array(z.string()).optional(),
  /** Popular, failing, stale, scheduled, never run (omitted when none applies). */
  statuses: z.array(ReportStatus).optional(),
  /** For the compact table: when it last ran, how often it was viewed, the data sources its queries use. */
  lastRunAt: NullableIsoDate.optional(),
  viewCount: z.number().optional(),
  dataSources: z.array(z.string()).optional(),
})
export type SearchHit = z.infer<typeof SearchHit>

export const FacetCount = z.object({ value: z.string(), label: z.string(), count: z.number() })
export type FacetCount = z.infer<typeof FacetCount>

export const SearchFacets = z.object({
  collections: z.array(FacetCount),
  authors: z.array(FacetCount),
  dataSources: z.array(FacetCount),
  tables: z.array(FacetCount),
  /** How many distinct values each facet has among the results (the lists above hold the largest few). */
  distinct: z.object({ collections: z.number(), authors: z.number(), dataSources: z.number(), tables: z.number() }).optional(),
})
export type SearchFacets = z.infer<typeof SearchFacets>

/** The order of results: relevance (the default), or by a report attribute, newest or most first; name A→Z. */
export const SearchSort = z.enum(['relevance', 'edited', 'lastRun', 'views', 'name'])
export type SearchSort = z.infer<typeof SearchSort>

export const SearchRequest = z.object({
  query: z.string().max(2000),
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).max(1_000_000).default(0),
  facets: z.boolean().default(true),
  /**
   * A search for the text being typed (the search box's first page and facets): the next such search makes it
   * pointless, so the search worker abandons it mid-way and answers with `superseded` instead.
   */
  asTyped: z.boolean().optional(),
  /**
   * Days after which an unrun, unedited report is stale (is:stale, the Stale badge). Main sets it from the
   * settings before searching, whatever the renderer sent; absent: the default.
   */
  staleAfterDays: z.number().int().min(7).max(3650).optional(),
  /** Absent: relevance. */
  sort: SearchSort.optional(),
  /** Values listed per facet (the facet panel's "Show all" asks for more than the default 20). */
  facetSize: z.number().int().min(1).max(2000).optional(),
})
export type SearchRequest = z.input<typeof SearchRequest>

export const SearchResult = z.object({
  hits: z.array(SearchHit),
  /** Exact matches in all (the list may be paged with offset/limit). */
  total: z.number(),
  facets: SearchFacets,
  tookMs: z.number(),
  /** True when the typo-tolerant fallback added hits. */
  usedFallback: z.boolean(),
  expansions: z.array(SearchExpansion).optional(),
  chips: z.array(SearchChip).optional(),
  /** Hits that match only some of the words follow the full matches (soft AND). */
  partialFrom: z.number().optional(),
  /** Abandoned for a newer `asTyped` search: holds nothing, and is not to be shown. */
  superseded: z.boolean().optional(),
})
export type SearchResult = z.infer<typeof SearchResult>

export const ChartSummary = z.object({ token: z.string(), title: z.string().nullable(), type: z.string().nullable() })
export type ChartSummary = z.infer<typeof ChartSummary>

export const QueryDetail = z.object({
  token: z.string(),
  name: z.string().nullable(),
  sql: z.string(),
  dataSource: z.object({ id: z.string(), name: z.string(), adapter: z.string().nullable() }).nullable(),
  tables: z.array(z.string()),
  charts: z.array(ChartSummary),
})
export type QueryDetail = z.infer<typeof QueryDetail>

export const ReportDetail = z.object({
  token: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  /** `label` is how people see it: a personal collection reads "Personal — <owner>" (search uses the same). */
  collection: z.object({ token: z.string(), name: z.string(), label: z.string() }).nullable(),
  author: z.object({ username: z.string(), name: z.string().nullable() }).nullable(),
  createdAt: NullableIsoDate,
  updatedAt: NullableIsoDate,
  editedAt: NullableIsoDate,
  lastRunAt: NullableIsoDate,
  archived: z.boolean(),
  viewCount: z.number(),
  webUrl: z.string().nullable(),
  queries: z.array(QueryDetail),
  /** False while the sync has listed the report but not yet fetched its SQL. */
  queriesSynced: z.boolean(),
  /** When chart titles were last fetched, or null if never (charts come on demand unless the setting is on). */
  chartsFetchedAt: NullableIsoDate,
})
export type ReportDetail = z.infer<typeof ReportDetail>

export const CollectionSummary = z.object({
  token: z.string(),
  name: z.string(),
  /** "Personal — <owner>" for a personal collection (Mode names them all "Personal"), else the name. */
  label: z.string(),
  description: z.string().nullable(),
  spaceType: z.string().nullable(),
  isPersonal: z.boolean(),
  /** Live reports: what the library lists for this collection (archived ones are hidden unless asked). */
  reportCount: z.number(),
  archivedCount: z.number(),
})
export type CollectionSummary = z.infer<typeof CollectionSummary>

export const LibraryStats = z.object({
  workspace: z.string().nullable(),
  reports: z.number(),
  archivedReports: z.number(),
  queries: z.number(),
  reportsWithSql: z.number(),
  collections: z.number(),
  members: z.number(),
  groups: z.number(),
  dataSources: z.number(),
  lastSyncedAt: NullableIsoDate,
  /** The library file was found damaged and moved aside into `folder` (kept for the user); null once rebuilt. */
  damagedCopy: z.object({ folder: z.string(), movedAt: z.string() }).nullable(),
})
export type LibraryStats = z.infer<typeof LibraryStats>

export const Person = z.object({
  username: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  isAdmin: z.boolean(),
  state: z.string().nullable(),
  /** Live reports they created (what `author:` lists); archived ones are counted apart. */
  reportCount: z.number(),
  archivedReportCount: z.number(),
})
export type Person = z.infer<typeof Person>

export const Group = z.object({
  token: z.string(),
  name: z.string(),
  members: z.array(z.object({ username: z.string(), name: z.string().nullable() })),
})
export type Group = z.infer<typeof Group>

export const PeopleList = z.object({ members: z.array(Person), groups: z.array(Group) })
export type PeopleList = z.infer<typeof PeopleList>

// ---- Sync ---------------------------------------------------------------------------------------------

export const SyncKind = z.enum(['full', 'incremental'])
export type SyncKind = z.infer<typeof SyncKind>

export const SyncPhase = z.enum(['starting', 'collections', 'listing', 'people', 'queries', 'access', 'charts', 'results', 'schedules', 'finishing'])
export type SyncPhase = z.infer<typeof SyncPhase>

export const SyncProgress = z.object({
  runId: z.number(),
  kind: SyncKind,
  phase: SyncPhase,
  /** Units done and total in the current phase (collections listed, reports whose SQL arrived, …). */
  done: z.number(),
  total: z.number().nullable(),
  requests: z.number(),
  rateLimitWaits: z.number(),
  waitingForRateLimit: z.boolean(),
  etaMs: z.number().nullable(),
  startedAt: IsoDate,
})
export type SyncProgress = z.infer<typeof SyncProgress>

export const SyncOutcome = z.enum(['success', 'partial', 'failed', 'cancelled', 'interrupted'])
export type SyncOutcome = z.infer<typeof SyncOutcome>

export const SyncRun = z.object({
  id: z.number(),
  kind: SyncKind,
  trigger: z.string(),
  startedAt: IsoDate,
  endedAt: NullableIsoDate,
  outcome: SyncOutcome.nullable(),
  requests: z.number(),
  rateLimited: z.number(),
  reportsChanged: z.number(),
  queriesFetched: z.number(),
  errors: z.number(),
  errorMessage: z.string().nullable(),
  /** Items Mode listed that could not be read at all and were left out (a count only). */
  itemsSkipped: z.number(),
})
export type SyncRun = z.infer<typeof SyncRun>

export const SyncState = z.object({
  status: z.enum(['idle', 'syncing', 'offline', 'error', 'not_connected']),
  progress: SyncProgress.nullable(),
  lastRun: SyncRun.nullable(),
  lastSuccessAt: NullableIsoDate,
  nextScheduledAt: NullableIsoDate,
  /** Set when status is 'error' or 'offline': what went wrong and what fixes it. */
  error: AppError.nullable(),
})
export type SyncState = z.infer<typeof SyncState>

// ---- Settings and saved searches ----------------------------------------------------------------------

export const Theme = z.enum(['system', 'light', 'dark'])
export type Theme = z.infer<typeof Theme>

export const ResultsScope = z.enum(['none', 'opened', 'all'])
export type ResultsScope = z.infer<typeof ResultsScope>

export const Settings = z.object({
  /** Local time of the nightly sync, HH:MM (24 h). */
  nightlySyncTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  syncOnLaunch: z.boolean(),
  includePersonalCollections: z.boolean(),
  includeChartsInSync: z.boolean(),
  theme: Theme,
  /** Days a deleted report's tombstone (and the change feed) is kept before it is purged. */
  historyRetentionDays: z.number().int().min(7).max(3650),
  /** Which reports keep their last results: none; opened in the app + the 200 most viewed; all. */
  resultsScope: ResultsScope,
  /** Disk limit for report preview pictures, in MB (0 = no previews). */
  previewDiskLimitMb: z.number().int().min(0).max(100_000),
  /** A report not run and not edited for this many days is stale. */
  staleAfterDays: z.number().int().min(7).max(3650),
  /** The library's order and its density (rows of three lines, or a compact table), as last chosen. */
  librarySort: SearchSort,
  libraryDensity: z.enum(['rows', 'table']),
  /** Rows show the report's preview picture (when one was fetched) beside its name. */
  resultThumbnails: z.boolean(),
})
export type Settings = z.infer<typeof Settings>

export const DEFAULT_SETTINGS: Settings = {
  nightlySyncTime: '03:00',
  syncOnLaunch: true,
  includePersonalCollections: true,
  includeChartsInSync: false,
  theme: 'system',
  historyRetentionDays: 365,
  resultsScope: 'opened',
  previewDiskLimitMb: 500,
  staleAfterDays: 180,
  librarySort: 'relevance',
  libraryDensity: 'rows',
  resultThumbnails: false,
}

export const SettingsView = Settings.extend({
  /** Where the library and settings live (shown in Settings, with "reveal in folder"). */
  dataDir: z.string(),
})
export type SettingsView = z.infer<typeof SettingsView>

export const SavedSearch = z.object({
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(100),
  query: z.string().max(2000),
  createdAt: IsoDate,
})
export type SavedSearch = z.infer<typeof SavedSearch>
export const MAX_SAVED_SEARCHES = 200

/** How many reports a saved search lists now (the library's exact matches, as its result count reads). */
export const SavedSearchCount = z.object({ id: z.string(), count: z.number().int().min(0) })
export type SavedSearchCount = z.infer<typeof SavedSearchCount>

// ---- What a report shows: preview, last results, charts, schedules, datasets ------------------------------

export const ResultColumnType = z.enum(['number', 'date', 'boolean', 'text'])
export type ResultColumnType = z.infer<typeof ResultColumnType>

export const QueryResult = z.object({
  queryToken: z.string(),
  queryName: z.string().nullable(),
  columns: z.array(z.object({ name: z.string(), type: ResultColumnType })),
  /** Text cells as Mode's CSV spelled them, up to the results cap. */
  rows: z.array(z.array(z.string())),
  totalRows: z.number(),
  /** False when the result was too large to count to the end: totalRows is then a lower bound. */
  totalExact: z.boolean(),
  /** Why rows are missing or fewer than Mode has (purged, unreadable, capped); null when complete. */
  note: z.string().nullable(),
  fetchedAt: NullableIsoDate,
})
export type QueryResult = z.infer<typeof QueryResult>

export const ReportChart = z.object({
  token: z.string(),
  queryToken: z.string(),
  title: z.string().nullable(),
  chartType: z.string().nullable(),
  /** "Line and bar chart", never "lineAndBar". */
  typeLabel: z.string(),
  xFields: z.array(z.string()),
  yFields: z.array(z.string()),
})
export type ReportChart = z.infer<typeof ReportChart>

export const ReportSchedule = z.object({
  token: z.string(),
  name: z.string().nullable(),
  /** "Daily at 06:30", "Weekly on Monday at 08:00", "Every 30 minutes". */
  frequency: z.string(),
  timeZone: z.string().nullable(),
  lastSucceededAt: NullableIsoDate,
  nextRunAt: NullableIsoDate,
})
export type ReportSchedule = z.infer<typeof ReportSchedule>

export const ReportContent = z.object({
  token: z.string(),
  isDataset: z.boolean(),
  /** A `data:image/png|jpeg|webp;base64,…` URL built in main from bytes whose signature was checked. */
  preview: z.object({ dataUrl: z.string(), fetchedAt: NullableIsoDate }).nullable(),
  previewNote: z.string().nullable(),
  results: z.array(QueryResult),
  resultsNote: z.string().nullable(),
  charts: z.array(ReportChart),
  schedules: z.array(ReportSchedule),
  /** Datasets this report imports (`inLibrary`: it can be opened here). */
  datasets: z.array(z.object({ token: z.string(), name: z.string().nullable(), inLibrary: z.boolean() })),
  /** For a dataset: the reports that import it. */
  importedBy: z.array(z.object({ token: z.string(), name: z.string().nullable() })),
})
export type ReportContent = z.infer<typeof ReportContent>

export const CachedContentSize = z.object({ resultsBytes: z.number(), resultQueries: z.number(), previewBytes: z.number(), previews: z.number() })
export type CachedContentSize = z.infer<typeof CachedContentSize>
