// The sync's writes of what collections and their report listings show. Each exported function is one
// transaction (or runs inside the caller's), and every change to what search shows re-indexes the affected
// reports inside that same transaction, so a search never sees a half-written report.
import type { Library } from '../open-library.ts'
import type { ModeReport, ModeSpace, ModeWorkspace } from '../../mode/schemas.ts'
import { indexReports, unindexReports } from '../../search/index-writer.ts'
import { currentStamp, recordListedReport, recordTombstones } from '../../knowledge/record-changes.ts'

/** What "this report changed" means for its SQL: any of Mode's three edit timestamps moved. */
export function changeSignature(report: Pick<ModeReport, 'updatedAt' | 'editedAt' | 'lastSavedAt'>): string {
  return `${report.updatedAt ?? ''}|${report.editedAt ?? ''}|${report.lastSavedAt ?? ''}`
}

export type Row = Record<string, unknown>
export const tokensOf = (rows: unknown[]): string[] => (rows as Row[]).map((r) => String(r.token))

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
    const stamp = currentStamp(library)
    for (const r of reports) {
      const signature = changeSignature(r)
      const values = [r.id, r.name, r.description, spaceToken, r.archived ? 1 : 0, r.createdAt, r.updatedAt, r.editedAt,
        r.lastSavedAt, r.lastRunAt, r.viewCount ?? 0, r.queryCount, r.chartCount, r.creatorUsername, r.webUrl, r.type] as const
      const before = select.get(r.token) as Row | undefined
      const listed = { token: r.token, name: r.name, collectionToken: spaceToken, archived: r.archived }
      if (!before) {
        recordListedReport(library, before, listed, stamp)
        insert.run(r.token, ...values, signature, gen, now)
        changed.push(r.token)
        needQueries++
        continue
      }
      const previous = [before.id, before.name, before.description, before.collection_token, before.archived, before.created_at,
        before.updated_at, before.edited_at, before.last_saved_at, before.last_run_at, before.view_count, before.query_count,
        before.chart_count, before.creator_username, before.web_url, before.report_type]
      if (previous.some((v, i) => !sameValue(v, values[i])) || before.change_signature !== signature) {
        recordListedReport(library, before, listed, stamp)
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
  recordTombstones(library, tokens)
  unindexReports(library.db, tokens)
  const remove = library.prepare('DELETE FROM reports WHERE token = ?')
  for (const token of tokens) remove.run(token)
}

export function reindex(library: Library, tokens: string[]): void {
  if (tokens.length > 0) indexReports(library.db, tokens)
}

