// What the UI and the CLI read from the library, in exactly the shapes of src/shared/model.ts.
import type {
  CollectionSummary,
  LibraryStats,
  PeopleList,
  QueryDetail,
  ReportDetail,
  SyncRun,
} from '../../shared/model.ts'
import { DAMAGED_COPY_KEY } from './open-library.ts'
import type { Library } from './open-library.ts'
import { collectionLabel } from '../search/facet-labels.ts'

type Row = Record<string, unknown>

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v))
const num = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : Number(v ?? 0) || 0)

/**
 * A live report, over `reports` aliased `r`: the rule every count shown beside a link follows, so the number equals
 * what the click lists (the search hides archived reports unless asked; see src/shared/report-counts.ts).
 */
export const LIVE = '(r.archived = 0)'

/** A display name for a report Mode left unnamed. */
export const UNTITLED_REPORT = 'Untitled report'

/** Personal as search decides it (facet-labels.ts): flagged personal, or Mode's 'private' space type. */
function isPersonal(flag: unknown, spaceType: unknown): boolean {
  return num(flag) === 1 || spaceType === 'private'
}

export function getReportDetail(library: Library, token: string): ReportDetail | null {
  const report = library
    .prepare(
      `SELECT r.*, c.name AS collection_name, c.is_personal AS collection_is_personal, c.space_type AS collection_space_type, c.owner_username AS collection_owner, m.name AS creator_name
         FROM reports r
         LEFT JOIN collections c ON c.token = r.collection_token
         LEFT JOIN members m ON m.username = r.creator_username
        WHERE r.token = ?`,
    )
    .get(token) as Row | undefined
  if (!report) return null
  const queryRows = library
    .prepare(
      `SELECT q.token, q.name, q.raw_query, q.data_source_id, d.name AS ds_name, d.adapter AS ds_adapter
         FROM queries q LEFT JOIN data_sources d ON d.id = q.data_source_id
        WHERE q.report_token = ? ORDER BY q.position, q.token`,
    )
    .all(token) as Row[]
  const tablesOf = library.prepare('SELECT table_name FROM query_tables WHERE query_token = ? ORDER BY table_name')
  const chartsOf = library.prepare('SELECT token, title, chart_type FROM charts WHERE query_token = ? ORDER BY position, token')
  const queries: QueryDetail[] = queryRows.map((q) => {
    const dsId = str(q.data_source_id)
    return {
      token: String(q.token),
      name: str(q.name),
      sql: String(q.raw_query ?? ''),
      dataSource: dsId === null ? null : { id: dsId, name: str(q.ds_name) ?? `Data source ${dsId}`, adapter: str(q.ds_adapter) },
      tables: (tablesOf.all(q.token as string) as Row[]).map((t) => String(t.table_name)),
      charts: (chartsOf.all(q.token as string) as Row[]).map((c) => ({ token: String(c.token), title: str(c.title), type: str(c.chart_type) })),
    }
  })
  const collectionToken = str(report.collection_token)
  const creator = str(report.creator_username)
  return {
    token: String(report.token),
    name: str(report.name) ?? UNTITLED_REPORT,
    description: str(report.description),
    collection: collectionToken === null ? null : {
      token: collectionToken,
      name: str(report.collection_name) ?? collectionToken,
      label: collectionLabel(str(report.collection_name) ?? collectionToken, isPersonal(report.collection_is_personal, report.collection_space_type), str(report.collection_owner)),
    },
    author: creator === null ? null : { username: creator, name: str(report.creator_name) },
    createdAt: str(report.created_at),
    updatedAt: str(report.updated_at),
    editedAt: str(report.edited_at),
    lastRunAt: str(report.last_run_at),
    archived: num(report.archived) === 1,
    viewCount: num(report.view_count),
    webUrl: str(report.web_url),
    queries,
    queriesSynced: report.queries_version !== null && report.queries_version === report.change_signature,
    chartsFetchedAt: str(report.charts_fetched_at),
  }
}

export function listCollections(library: Library): CollectionSummary[] {
  const rows = library
    .prepare(
      `SELECT c.token, c.name, c.description, c.space_type, c.is_personal, c.owner_username,
              (SELECT count(*) FROM reports r WHERE r.collection_token = c.token AND ${LIVE}) AS report_count,
              (SELECT count(*) FROM reports r WHERE r.collection_token = c.token AND NOT ${LIVE}) AS archived_count
         FROM collections c
        ORDER BY c.is_personal, c.name COLLATE NOCASE, c.token`,
    )
    .all() as Row[]
  return rows.map((r) => ({
    token: String(r.token),
    name: String(r.name),
    label: collectionLabel(String(r.name), isPersonal(r.is_personal, r.space_type), str(r.owner_username)),
    description: str(r.description),
    spaceType: str(r.space_type),
    isPersonal: num(r.is_personal) === 1,
    reportCount: num(r.report_count),
    archivedCount: num(r.archived_count),
  }))
}

export function getStats(library: Library): LibraryStats {
  const count = (sql: string): number => num((library.prepare(sql).get() as Row).n)
  const workspace = library.prepare('SELECT username FROM workspace LIMIT 1').get() as Row | undefined
  const last = library
    .prepare(`SELECT ended_at FROM sync_runs WHERE outcome IN ('success', 'partial') ORDER BY id DESC LIMIT 1`)
    .get() as Row | undefined
  return {
    workspace: str(workspace?.username) ?? library.workspace,
    reports: count('SELECT count(*) AS n FROM reports'),
    archivedReports: count('SELECT count(*) AS n FROM reports WHERE archived = 1'),
    queries: count('SELECT count(*) AS n FROM queries'),
    reportsWithSql: count('SELECT count(*) AS n FROM reports WHERE queries_version IS NOT NULL'),
    collections: count('SELECT count(*) AS n FROM collections'),
    members: count('SELECT count(*) AS n FROM members'),
    groups: count('SELECT count(*) AS n FROM groups'),
    dataSources: count('SELECT count(*) AS n FROM data_sources'),
    lastSyncedAt: str(last?.ended_at),
    damagedCopy: readDamagedCopy(library),
  }
}

function readDamagedCopy(library: Library): LibraryStats['damagedCopy'] {
  try {
    const value = JSON.parse(library.getMeta(DAMAGED_COPY_KEY) ?? 'null') as { folder?: unknown; movedAt?: unknown } | null
    return value && typeof value.folder === 'string' ? { folder: value.folder, movedAt: String(value.movedAt ?? '') } : null
  } catch {
    return null
  }
}

/** Admins first, then by name; each with how many reports they created. */
export function listPeople(library: Library): PeopleList {
  const members = (
    library
      .prepare(
        `SELECT m.username, m.name, m.email, m.is_admin, m.state,
                (SELECT count(*) FROM reports r WHERE r.creator_username = m.username AND ${LIVE}) AS report_count,
                (SELECT count(*) FROM reports r WHERE r.creator_username = m.username AND NOT ${LIVE}) AS archived_count
           FROM members m
          ORDER BY m.is_admin DESC, coalesce(m.name, m.username) COLLATE NOCASE, m.username`,
      )
      .all() as Row[]
  ).map((m) => ({
    username: String(m.username),
    name: str(m.name),
    email: str(m.email),
    isAdmin: num(m.is_admin) === 1,
    state: str(m.state),
    reportCount: num(m.report_count),
    archivedReportCount: num(m.archived_count),
  }))
  const membersOf = library.prepare(
    `SELECT gm.username, m.name FROM group_members gm LEFT JOIN members m ON m.username = gm.username
      WHERE gm.group_token = ? ORDER BY coalesce(m.name, gm.username) COLLATE NOCASE, gm.username`,
  )
  const groups = (library.prepare('SELECT token, name FROM groups ORDER BY name COLLATE NOCASE, token').all() as Row[]).map((g) => ({
    token: String(g.token),
    name: String(g.name),
    members: (membersOf.all(g.token as string) as Row[]).map((m) => ({ username: String(m.username), name: str(m.name) })),
  }))
  return { members, groups }
}

export function rowToSyncRun(r: Row): SyncRun {
  return {
    id: num(r.id),
    kind: r.kind === 'full' ? 'full' : 'incremental',
    trigger: String(r.trigger),
    startedAt: String(r.started_at),
    endedAt: str(r.ended_at),
    outcome: (str(r.outcome) as SyncRun['outcome']) ?? null,
    requests: num(r.requests),
    rateLimited: num(r.rate_limited),
    reportsChanged: num(r.reports_changed),
    queriesFetched: num(r.queries_fetched),
    errors: num(r.errors),
    errorMessage: str(r.error_message),
    itemsSkipped: num(r.items_skipped),
  }
}

/** Newest first. */
export function listSyncRuns(library: Library, limit = 20): SyncRun[] {
  return (library.prepare('SELECT * FROM sync_runs ORDER BY id DESC LIMIT ?').all(Math.max(1, Math.min(limit, 1000))) as Row[]).map(rowToSyncRun)
}
