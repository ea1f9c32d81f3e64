// Every write the sync makes to the library. Each exported function is one transaction (or runs inside the
// caller's), and every change to what search shows (reports, their queries, charts, collection names, people
// and data-source names) re-indexes the affected reports inside that same transaction, so a search never sees
// a half-written report.
import type { Library } from '../library/open-library.ts'
import type { ModeChart, ModeDataSource, ModeGroup, ModeMembership, ModeQuery, ModeReport, ModeSpace, ModeWorkspace } from '../mode/schemas.ts'
import { indexReports, unindexReports } from '../search/index-writer.ts'

/** What "this report changed" means for its SQL: any of Mode's three edit timestamps moved. */
export function changeSignature(report: Pick<ModeReport, 'updatedAt' | 'editedAt' | 'lastSavedAt'>): string {
  return `${report.updatedAt ?? ''}|${report.editedAt ?? ''}|${report.lastSavedAt ?? ''}`
}

type Row = Record<string, unknown>
const tokensOf = (rows: unknown[]): string[] => (rows as Row[]).map((r) => String(r.token))

export function saveWorkspace(library: Library, ws: ModeWorkspace, now: string): void {
  library.transaction(() => {
    library.prepare('DELETE FROM workspace WHERE username <> ?').run(ws.username)
    library
      .prepare(
        `INSERT INTO workspace(username, name, id, token, synced_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(username) DO UPDATE SET name = excluded.name, id = excluded.id, token = excluded.token, synced_at = excluded.synced_at`,
      )
      .run(ws.username, ws.name, ws.id, ws.token, now)
  })
}

/**
 * Upserts the collections of a complete spaces listing and marks them seen in generation `gen`. Returns the
 * reports whose search document names a renamed collection: the caller re-indexes them in small chunks.
 */
export function saveCollections(library: Library, spaces: ModeSpace[], gen: number): string[] {
  return library.transaction(() => {
    const existing = library.prepare('SELECT name FROM collections WHERE token = ?')
    const upsert = library.prepare(
      `INSERT INTO collections(token, id, name, description, space_type, state, restricted, is_personal, owner_username, position, listed_gen)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(token) DO UPDATE SET id = excluded.id, name = excluded.name, description = excluded.description,
         space_type = excluded.space_type, state = excluded.state, restricted = excluded.restricted,
         is_personal = excluded.is_personal, owner_username = excluded.owner_username, position = excluded.position,
         listed_gen = excluded.listed_gen`,
    )
    const renamed: string[] = []
    spaces.forEach((space, position) => {
      const name = space.name ?? (space.isPersonal ? 'Personal' : 'Untitled collection')
      const before = existing.get(space.token) as Row | undefined
      if (before && before.name !== name) renamed.push(space.token)
      upsert.run(space.token, space.id, name, space.description, space.spaceType, space.state, space.restricted ? 1 : 0,
        space.isPersonal ? 1 : 0, space.creatorUsername, position, gen)
    })
    // The collection name is part of each report's search document.
    const inCollection = library.prepare('SELECT token FROM reports WHERE collection_token = ?')
    return renamed.flatMap((token) => tokensOf(inCollection.all(token)))
  })
}

export interface PageWriteResult {
  /** Reports new or changed in any listed field. */
  changed: string[]
  /** Of those, how many need their SQL (new or edited). */
  needQueries: number
}

/**
 * Stores one listing page of a collection: inserts new reports, updates changed ones (moves, renames,
 * archive flips, edits), marks all seen in generation `gen`. One transaction per page, so names are
 * searchable before any SQL arrives and a crash loses at most the page in flight.
 */
export function saveReportsPage(library: Library, spaceToken: string, reports: ModeReport[], gen: number, now: string): PageWriteResult {
  return library.transaction(() => {
    const select = library.prepare(
      `SELECT name, description, collection_token, archived, created_at, updated_at, edited_at, last_saved_at, last_run_at,
              view_count, query_count, chart_count, creator_username, web_url, report_type, id, change_signature, queries_version
         FROM reports WHERE token = ?`,
    )
    const insert = library.prepare(
      `INSERT INTO reports(token, id, name, description, collection_token, archived, created_at, updated_at, edited_at,
         last_saved_at, last_run_at, view_count, query_count, chart_count, creator_username, web_url, report_type,
         change_signature, listed_gen, first_seen_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const update = library.prepare(
      `UPDATE reports SET id = ?, name = ?, description = ?, collection_token = ?, archived = ?, created_at = ?, updated_at = ?,
         edited_at = ?, last_saved_at = ?, last_run_at = ?, view_count = ?, query_count = ?, chart_count = ?,
         creator_username = ?, web_url = ?, report_type = ?, change_signature = ?, listed_gen = ?
       WHERE token = ?`,
    )
    const markSeen = library.prepare('UPDATE reports SET listed_gen = ? WHERE token = ?')
    const changed: string[] = []
    let needQueries = 0
    for (const r of reports) {
      const signature = changeSignature(r)
      const values = [r.id, r.name, r.description, spaceToken, r.archived ? 1 : 0, r.createdAt, r.updatedAt, r.editedAt,
        r.lastSavedAt, r.lastRunAt, r.viewCount ?? 0, r.queryCount, r.chartCount, r.creatorUsername, r.webUrl, r.type] as const
      const before = select.get(r.token) as Row | undefined
      if (!before) {
        insert.run(r.token, ...values, signature, gen, now)
        changed.push(r.token)
        needQueries++
        continue
      }
      const previous = [before.id, before.name, before.description, before.collection_token, before.archived, before.created_at,
        before.updated_at, before.edited_at, before.last_saved_at, before.last_run_at, before.view_count, before.query_count,
        before.chart_count, before.creator_username, before.web_url, before.report_type]
      if (previous.some((v, i) => !sameValue(v, values[i])) || before.change_signature !== signature) {
        update.run(...values, signature, gen, r.token)
        changed.push(r.token)
        if (before.queries_version !== signature) needQueries++
      } else {
        markSeen.run(gen, r.token)
      }
    }
    reindex(library, changed)
    return { changed, needQueries }
  })
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined) return b === null || b === undefined
  if (typeof a === 'bigint' || typeof b === 'bigint') return String(a) === String(b)
  return a === b
}

/** A collection's listing reached its end in generation `gen` (a failed listing never gets here). */
export function markCollectionListed(library: Library, spaceToken: string, gen: number): void {
  library.prepare('UPDATE collections SET reports_listed_gen = ? WHERE token = ?').run(gen, spaceToken)
}

/**
 * After every listing of generation `gen` has finished: reports still filed under a collection whose listing
 * completed, but that the listing did not show, are gone (deleted, or moved where this account cannot see).
 * Run once all listings are done so a report moved between two collections is re-filed, not deleted and
 * re-fetched. Collections whose listing failed keep all their reports. Deletes in small transactions so the
 * event loop is never held long; each chunk is idempotent, so a crash in between is harmless.
 */
export function removeUnlistedReports(library: Library, gen: number, chunk = 200): number {
  const select = library.prepare(
    `SELECT r.token FROM reports r JOIN collections c ON c.token = r.collection_token
      WHERE c.reports_listed_gen = ?1 AND (r.listed_gen IS NULL OR r.listed_gen <> ?1) LIMIT ?2`,
  )
  let removed = 0
  for (;;) {
    const batch = tokensOf(select.all(gen, chunk))
    if (batch.length === 0) return removed
    library.transaction(() => deleteReports(library, batch))
    removed += batch.length
  }
}

/**
 * After a complete spaces listing and the listing of every collection in it: collections the listing no longer
 * shows are gone, and so are reports still filed under them (a report moved elsewhere was re-filed when its new
 * collection was listed). Returns the number of reports removed.
 */
export function removeVanishedCollections(library: Library, gen: number, chunk = 200): number {
  // Reports first, in small idempotent transactions (turning personal collections off can drop thousands).
  const select = library.prepare(
    `SELECT r.token FROM reports r JOIN collections c ON c.token = r.collection_token
      WHERE c.listed_gen IS NULL OR c.listed_gen <> ?1 LIMIT ?2`,
  )
  let removed = 0
  for (;;) {
    const batch = tokensOf(select.all(gen, chunk))
    if (batch.length === 0) break
    library.transaction(() => deleteReports(library, batch))
    removed += batch.length
  }
  library.prepare('DELETE FROM collections WHERE listed_gen IS NULL OR listed_gen <> ?').run(gen)
  return removed
}

function deleteReports(library: Library, tokens: string[]): void {
  if (tokens.length === 0) return
  unindexReports(library.db, tokens)
  const remove = library.prepare('DELETE FROM reports WHERE token = ?')
  for (const token of tokens) remove.run(token)
}

function reindex(library: Library, tokens: string[]): void {
  if (tokens.length > 0) indexReports(library.db, tokens)
}

/**
 * Replaces a report's queries (and the tables each reads) with what Mode returned for change signature
 * `version`. Charts of the old queries are dropped: they are refetched on demand or by the charts phase.
 * Returns false when the report vanished meanwhile (nothing written).
 */
export function saveReportQueries(
  library: Library,
  reportToken: string,
  version: string,
  queries: ModeQuery[],
  tablesOf: (sql: string) => string[],
  now: string,
): boolean {
  return library.transaction(() => {
    if (!library.prepare('SELECT 1 FROM reports WHERE token = ?').get(reportToken)) return false
    library.prepare('DELETE FROM queries WHERE report_token = ?').run(reportToken)
    const insert = library.prepare(
      `INSERT INTO queries(token, report_token, id, name, raw_query, data_source_id, created_at, updated_at, position)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(token) DO UPDATE SET report_token = excluded.report_token, id = excluded.id, name = excluded.name,
         raw_query = excluded.raw_query, data_source_id = excluded.data_source_id, created_at = excluded.created_at,
         updated_at = excluded.updated_at, position = excluded.position`,
    )
    const insertTable = library.prepare('INSERT OR IGNORE INTO query_tables(query_token, table_name) VALUES (?, ?)')
    const clearTables = library.prepare('DELETE FROM query_tables WHERE query_token = ?')
    queries.forEach((q, position) => {
      insert.run(q.token, reportToken, q.id, q.name, q.rawQuery, q.dataSourceId, q.createdAt, q.updatedAt, position)
      clearTables.run(q.token)
      let tables: string[] = []
      try {
        tables = tablesOf(q.rawQuery)
      } catch {
        // A parser failure must not lose the SQL itself; the query is stored without table references.
      }
      for (const table of tables) insertTable.run(q.token, table)
    })
    library
      .prepare('UPDATE reports SET queries_version = ?, queries_synced_at = ?, charts_fetched_at = NULL WHERE token = ?')
      .run(version, now, reportToken)
    reindex(library, [reportToken])
    return true
  })
}

/** Replaces the charts of a report's queries (`byQuery`: query token → its charts). */
export function saveReportCharts(library: Library, reportToken: string, byQuery: Map<string, ModeChart[]>, now: string): boolean {
  return library.transaction(() => {
    if (!library.prepare('SELECT 1 FROM reports WHERE token = ?').get(reportToken)) return false
    const ownQuery = library.prepare('SELECT 1 FROM queries WHERE token = ? AND report_token = ?')
    const clear = library.prepare('DELETE FROM charts WHERE query_token = ?')
    const insert = library.prepare(
      `INSERT INTO charts(token, query_token, title, chart_type, position) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(token) DO UPDATE SET query_token = excluded.query_token, title = excluded.title,
         chart_type = excluded.chart_type, position = excluded.position`,
    )
    for (const [queryToken, charts] of byQuery) {
      if (!ownQuery.get(queryToken, reportToken)) continue
      clear.run(queryToken)
      charts.forEach((c, position) => insert.run(c.token, queryToken, c.title, c.chartType, position))
    }
    library.prepare('UPDATE reports SET charts_fetched_at = ? WHERE token = ?').run(now, reportToken)
    reindex(library, [reportToken])
    return true
  })
}

/** Replaces the data sources with a complete listing; returns the reports to re-index (a source was renamed). */
export function saveDataSources(library: Library, sources: ModeDataSource[]): string[] {
  return library.transaction(() => {
    const before = new Map((library.prepare('SELECT id, name FROM data_sources').all() as Row[]).map((r) => [String(r.id), r.name]))
    const upsert = library.prepare(
      `INSERT INTO data_sources(id, token, name, adapter, database, host) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET token = excluded.token, name = excluded.name, adapter = excluded.adapter,
         database = excluded.database, host = excluded.host`,
    )
    const seen = new Set<string>()
    const renamed: string[] = []
    for (const ds of sources) {
      const id = ds.id ?? ds.token
      const name = ds.name ?? ds.token
      if (before.has(id) && before.get(id) !== name) renamed.push(id)
      seen.add(id)
      upsert.run(id, ds.token, name, ds.adapter, ds.database, ds.host)
    }
    const remove = library.prepare('DELETE FROM data_sources WHERE id = ?')
    for (const id of before.keys()) if (!seen.has(id)) { remove.run(id); renamed.push(id) }
    const users = library.prepare('SELECT DISTINCT report_token AS token FROM queries WHERE data_source_id = ?')
    return [...new Set(renamed.flatMap((id) => tokensOf(users.all(id))))]
  })
}

export interface PeopleSnapshot {
  memberships: ModeMembership[]
  /** Null when the groups listing was not available (e.g. 403 for non-admins): groups are then left as they are. */
  groups: { group: ModeGroup; usernames: string[] }[] | null
}

/** Replaces members (and groups, when listed) with complete listings; returns the reports of renamed authors to re-index. */
export function savePeople(library: Library, people: PeopleSnapshot): string[] {
  return library.transaction(() => {
    const before = new Map((library.prepare('SELECT username, name FROM members').all() as Row[]).map((r) => [String(r.username), r.name]))
    const upsert = library.prepare(
      `INSERT INTO members(username, name, email, is_admin, state) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(username) DO UPDATE SET name = excluded.name, email = excluded.email, is_admin = excluded.is_admin, state = excluded.state`,
    )
    const seen = new Set<string>()
    const renamed: string[] = []
    for (const m of people.memberships) {
      if (seen.has(m.username)) continue
      seen.add(m.username)
      if (!before.has(m.username) || before.get(m.username) !== m.name) renamed.push(m.username)
      upsert.run(m.username, m.name, m.email, m.admin ? 1 : 0, m.state)
    }
    const remove = library.prepare('DELETE FROM members WHERE username = ?')
    for (const username of before.keys()) if (!seen.has(username)) { remove.run(username); renamed.push(username) }
    const byCreator = library.prepare('SELECT token FROM reports WHERE creator_username = ?')
    const toReindex = renamed.flatMap((u) => tokensOf(byCreator.all(u)))

    if (people.groups) {
      library.prepare('DELETE FROM group_members').run()
      const groupSeen = new Set<string>()
      const upsertGroup = library.prepare(
        'INSERT INTO groups(token, name) VALUES (?, ?) ON CONFLICT(token) DO UPDATE SET name = excluded.name',
      )
      const addMember = library.prepare('INSERT OR IGNORE INTO group_members(group_token, username) VALUES (?, ?)')
      for (const { group, usernames } of people.groups) {
        groupSeen.add(group.token)
        upsertGroup.run(group.token, group.name ?? group.token)
        for (const u of usernames) addMember.run(group.token, u)
      }
      const removeGroup = library.prepare('DELETE FROM groups WHERE token = ?')
      for (const row of library.prepare('SELECT token FROM groups').all() as Row[]) {
        if (!groupSeen.has(String(row.token))) removeGroup.run(String(row.token))
      }
    }
    return toReindex
  })
}

/**
 * Re-indexes reports whose search document changed because something they name changed (a collection, an
 * author, a data source). In chunks, each its own transaction, yielding between them: renaming a collection
 * of 5,000 reports must not hold the event loop for seconds. Each report's document is rewritten whole.
 */
export async function reindexInChunks(library: Library, tokens: string[], chunk = 100): Promise<void> {
  for (let i = 0; i < tokens.length; i += chunk) {
    const batch = tokens.slice(i, i + chunk)
    library.transaction(() => reindex(library, batch))
    if (i + chunk < tokens.length) await new Promise((resolve) => setImmediate(resolve))
  }
}

export interface PendingQueries {
  token: string
  signature: string
}

/**
 * Reports whose SQL must be fetched, most recently edited first: never fetched, edited since, or (for a full
 * sync) last fetched before `refetchBefore`. Reports whose queries already match their current signature are
 * skipped — this is what lets an interrupted sync resume without refetching.
 */
export function pendingQueryReports(library: Library, refetchBefore: string | null): PendingQueries[] {
  const rows = library
    .prepare(
      `SELECT token, change_signature FROM reports
        WHERE queries_version IS NULL OR queries_version <> change_signature
           OR (?1 IS NOT NULL AND (queries_synced_at IS NULL OR queries_synced_at < ?1))
        ORDER BY coalesce(edited_at, updated_at) DESC, token`,
    )
    .all(refetchBefore) as Row[]
  return rows.map((r) => ({ token: String(r.token), signature: String(r.change_signature ?? '') }))
}

/** Reports whose SQL is stored but whose chart titles are not (the charts phase, when charts are in the sync). */
export function pendingChartReports(library: Library, refetchBefore: string | null): { token: string; queryTokens: string[] }[] {
  const rows = library
    .prepare(
      `SELECT r.token FROM reports r
        WHERE r.queries_version IS NOT NULL
          AND (r.charts_fetched_at IS NULL OR (?1 IS NOT NULL AND r.charts_fetched_at < ?1))
        ORDER BY coalesce(r.edited_at, r.updated_at) DESC, r.token`,
    )
    .all(refetchBefore) as Row[]
  const queriesOf = library.prepare('SELECT token FROM queries WHERE report_token = ? ORDER BY position')
  return rows.map((r) => ({ token: String(r.token), queryTokens: tokensOf(queriesOf.all(String(r.token))) }))
}
