// The IPC contract: every call the renderer can make and every event main can send, as zod schemas.
// Main validates each input against it (src/main/ipc.ts); the preload builds one named function per call
// from the names alone (call-names.ts; `satisfies` below fails the compile if a name has no schema or a schema
// no name); the renderer is typed from it (src/renderer/src/bridge.ts). Changing a schema here
// breaks the compile on every side at once, which is the point.
import { AccessReview, AccessReviewRequest } from './access-model.ts'
import { z } from 'zod'
import {
  AppError,
  AppInfo,
  CollectionSummary,
  ConnectInput,
  ConnectionStatus,
  LibraryStats,
  PeopleList,
  ReportDetail,
  ReportContent,
  CachedContentSize,
  MAX_SAVED_SEARCHES,
  SavedSearch,
  SavedSearchCount,
  SearchRequest,
  SearchResult,
  Settings,
  SettingsView,
  StorageOptions,
  SyncRun,
  SyncState,
} from './model.ts'
import type { CallName, EventName } from './call-names.ts'

export { BRIDGE_GLOBAL, CALL_NAMES, EVENT_NAMES, callChannel, eventChannel, type CallName, type EventName } from './call-names.ts'
import { HomeState } from './home-model.ts'
import { ChangeFeed, DeletedReport, DuplicateList, HistoryUsageView, RelatedReports, ReportHistory, ReportStatusReason, SqlDiff } from './knowledge-model.ts'

const NoInput = z.undefined()
const ModeToken = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)
const SavedSearchId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/)
const SavedSearchName = z.string().trim().min(1).max(100)
const ReportToken = z.object({ token: ModeToken })
/** A query's text: a stored version (by id) or, with null, its current SQL. */
const QueryVersionRef = z.object({ queryToken: ModeToken, versionId: z.number().int().min(1).nullable() })

export const ConnectOutcome = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), status: ConnectionStatus }),
  z.object({ ok: z.literal(false), error: AppError }),
])
export type ConnectOutcome = z.infer<typeof ConnectOutcome>

/** Calls: `group.method` → input and output schemas. The preload exposes them as `api.group.method(input)`. */
export const calls = {
  'app.getInfo': { input: NoInput, output: AppInfo },
  /** Opens an https link on the allow-list (app.mode.com, mode.com) in the system browser. */
  'app.openExternal': { input: z.object({ url: z.string().max(2000) }), output: z.boolean() },

  'connection.getStatus': { input: NoInput, output: ConnectionStatus },
  'connection.getStorageOptions': { input: NoInput, output: StorageOptions },
  'connection.connect': { input: ConnectInput, output: ConnectOutcome },
  'connection.connectSample': { input: NoInput, output: ConnectOutcome },
  'connection.disconnect': { input: z.object({ deleteLibrary: z.boolean() }), output: ConnectionStatus },

  'library.search': { input: SearchRequest, output: SearchResult },
  'library.getReport': { input: ReportToken, output: ReportDetail.nullable() },
  /** Fetches a report's chart titles from Mode when online and caches them; returns the updated report. */
  'library.fetchCharts': { input: ReportToken, output: ReportDetail.nullable() },
  /** Preview, last results, charts, schedules and datasets of a report; opening it keeps it in the results scope. */
  'library.getReportContent': { input: ReportToken, output: ReportContent.nullable() },
  /** The preview pictures of these reports (data URLs by token) for thumbnails in the result rows. */
  'library.previewThumbnails': { input: z.object({ tokens: z.array(ModeToken).max(60) }), output: z.record(z.string(), z.string()) },
  'library.getCachedContentSize': { input: NoInput, output: CachedContentSize },
  /** Settings → "Clear cached results". */
  'library.clearCachedResults': { input: NoInput, output: CachedContentSize },
  'library.listCollections': { input: NoInput, output: z.array(CollectionSummary) },
  /** Writes a report's SQL (one query, or all with `query: null`) to a .sql file chosen in a save dialog. */
  'library.exportSql': {
    input: ReportToken.extend({ query: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).nullable() }),
    output: z.object({ saved: z.boolean(), fileName: z.string().nullable() }),
  },
  'library.getStats': { input: NoInput, output: LibraryStats },

  'people.list': { input: NoInput, output: PeopleList },
  /** The people and access review of the open library (read-only; nothing in Mode changes). */
  'people.accessReview': { input: AccessReviewRequest, output: AccessReview },
  /** Writes the review as CSV where the user chooses in the save dialog (`saved` false when they cancelled). */
  'people.exportAccessReview': { input: AccessReviewRequest, output: z.object({ saved: z.boolean(), fileName: z.string().nullable(), findings: z.number() }) },

  /** The library's home: pinned and recently opened reports of the open workspace, and its last session. */
  'home.get': { input: NoInput, output: HomeState },
  /** A report was opened: it heads the recents and is the one a launch reopens. */
  'home.opened': { input: ReportToken, output: HomeState },
  'home.setPinned': { input: z.object({ token: ModeToken, pinned: z.boolean() }), output: HomeState },
  /** Where the user is now (the library's query, the open report or null), restored at the next launch. */
  'home.setSession': { input: z.object({ query: z.string().max(2000), report: ModeToken.nullable() }), output: z.boolean() },

  'knowledge.reportHistory': { input: ReportToken, output: ReportHistory.nullable() },
  /** Between two versions of one query, or a copy and its likely original. */
  'knowledge.diff': { input: z.object({ from: QueryVersionRef, to: QueryVersionRef }), output: SqlDiff.nullable() },
  'knowledge.changes': {
    input: z.object({ since: z.iso.datetime({ offset: true }).optional(), limit: z.number().int().min(1).max(2000).default(500) }),
    output: ChangeFeed,
  },
  'knowledge.duplicates': { input: z.object({ limit: z.number().int().min(1).max(1000).default(200) }), output: DuplicateList },
  /** The report's statuses (popular, failing, stale, …), each with the facts behind it. */
  'knowledge.reportStatus': { input: ReportToken, output: z.array(ReportStatusReason) },
  /** Reports with the same tables, definitions or dataset, or a copy of its SQL, each with its reasons. */
  'knowledge.related': { input: ReportToken, output: RelatedReports },
  'knowledge.deletedReport': { input: ReportToken, output: DeletedReport.nullable() },
  'knowledge.usage': { input: NoInput, output: HistoryUsageView },

  'sync.getState': { input: NoInput, output: SyncState },
  'sync.start': { input: z.object({ full: z.boolean().default(false) }), output: SyncState },
  'sync.cancel': { input: NoInput, output: SyncState },
  'sync.history': { input: z.object({ limit: z.number().int().min(1).max(200).default(20) }), output: z.array(SyncRun) },

  'settings.get': { input: NoInput, output: SettingsView },
  'settings.update': { input: Settings.partial(), output: SettingsView },
  'settings.revealDataDir': { input: NoInput, output: z.boolean() },

  /** The open workspace's saved searches, in the user's order. */
  'savedSearches.list': { input: NoInput, output: z.array(SavedSearch) },
  'savedSearches.save': { input: z.object({ name: SavedSearchName, query: z.string().max(2000) }), output: z.array(SavedSearch) },
  'savedSearches.rename': { input: z.object({ id: SavedSearchId, name: SavedSearchName }), output: z.array(SavedSearch) },
  /** Moves one to position `to` (0 = first). */
  'savedSearches.move': { input: z.object({ id: SavedSearchId, to: z.number().int().min(0).max(MAX_SAVED_SEARCHES) }), output: z.array(SavedSearch) },
  'savedSearches.remove': { input: z.object({ id: SavedSearchId }), output: z.array(SavedSearch) },
  /** Undo of a remove: the search as it was, back at its old position. */
  'savedSearches.restore': {
    input: z.object({
      search: z.object({ id: SavedSearchId, name: SavedSearchName, query: z.string().max(2000), createdAt: z.string().max(40) }),
      index: z.number().int().min(0).max(MAX_SAVED_SEARCHES),
    }),
    output: z.array(SavedSearch),
  },
  /** How many reports each saved search lists now, counted by the search worker (no hits are sent). */
  'savedSearches.counts': { input: NoInput, output: z.array(SavedSearchCount) },
} as const satisfies Record<CallName, { input: z.ZodType; output: z.ZodType }>

/** Events main pushes to the renderer: `group.event` → payload schema. */
export const events = {
  'sync.state': SyncState,
  'connection.status': ConnectionStatus,
  /** The library changed (sync wrote names or SQL): searches may refresh. */
  'library.changed': z.object({ reports: z.number() }),
} as const satisfies Record<EventName, z.ZodType>

export type CallInput<C extends CallName> = z.input<(typeof calls)[C]['input']>
export type CallOutput<C extends CallName> = z.infer<(typeof calls)[C]['output']>
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>

/** What every call resolves to: the bridge never throws across the process boundary. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppError }

// The API's shape as the renderer sees it: `api.library.search(input) → Promise<Envelope<SearchResult>>`,
// `api.on('sync.state', cb) → unsubscribe`.
type Split<S extends string> = S extends `${infer G}.${infer M}` ? [G, M] : never
type GroupOf<C extends CallName> = Split<C>[0]
type MethodFn<C extends CallName> =
  undefined extends CallInput<C>
    ? (input?: CallInput<C>) => Promise<Envelope<CallOutput<C>>>
    : (input: CallInput<C>) => Promise<Envelope<CallOutput<C>>>
export type BridgeApi = {
  [G in GroupOf<CallName>]: {
    [C in CallName as GroupOf<C> extends G ? Split<C>[1] : never]: MethodFn<C>
  }
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}
