// The "What changed" feed: what the last completed sync changed, and everything since a date (by default the
// last 7 days), newest first, each with a one-line summary and what to open (the report, or its diff).
import type { ChangeFeed, ChangeKind, ReportChange } from '../../shared/knowledge-model.ts'
import { ChangeKind as ChangeKindSchema } from '../../shared/knowledge-model.ts'
import type { Library } from '../library/open-library.ts'

type Row = Record<string, unknown>
const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v))

export const FEED_DAYS = 7
const MAX_FEED = 2000

/** One line a person reads: what happened to the report (names are quoted as Mode has them). */
export function describeChange(kind: ChangeKind, detail: Record<string, unknown> | null): string {
  const q = (v: unknown): string => (v === null || v === undefined || v === '' ? 'an unnamed report' : `“${String(v)}”`)
  switch (kind) {
    case 'new':
      return detail?.restored ? 'Back after being deleted' : 'New report'
    case 'sql_edited': {
      const n = Array.isArray(detail?.queries) ? detail.queries.length : 1
      return n > 1 ? `SQL edited in ${n} queries` : 'SQL edited'
    }
    case 'renamed':
      return `Renamed from ${q(detail?.from)}`
    case 'moved':
      return `Moved from ${text(detail?.fromName) ?? 'another collection'} to ${text(detail?.toName) ?? 'another collection'}`
    case 'archived':
      return 'Archived'
    case 'unarchived':
      return 'Restored from the archive'
    case 'deleted':
      return 'Deleted'
  }
}

function parseDetail(json: unknown): Record<string, unknown> | null {
  if (typeof json !== 'string') return null
  try {
    const value: unknown = JSON.parse(json)
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

const SELECT_CHANGES = `
  SELECT *, (SELECT n.id FROM sql_versions n WHERE n.query_token = version_query AND n.id > version_id ORDER BY n.id LIMIT 1) AS next_version_id
  FROM (SELECT c.id, c.run_id, c.at, c.kind, c.report_token, c.detail_json,
         r.name AS live_name, r.token AS live_token, d.name AS dead_name,
         (SELECT v.id FROM sql_versions v WHERE v.report_token = c.report_token AND v.replaced_run_id IS c.run_id
           ORDER BY v.id LIMIT 1) AS version_id,
         (SELECT v.query_token FROM sql_versions v WHERE v.report_token = c.report_token AND v.replaced_run_id IS c.run_id
           ORDER BY v.id LIMIT 1) AS version_query
    FROM report_changes c
    LEFT JOIN reports r ON r.token = c.report_token
    LEFT JOIN deleted_reports d ON d.token = c.report_token`
const CHANGES_ORDER = ') ORDER BY at DESC, id DESC LIMIT ?'

function toChange(row: Row): ReportChange | null {
  const kind = ChangeKindSchema.safeParse(row.kind)
  if (!kind.success) return null
  const detail = parseDetail(row.detail_json)
  const name = text(row.live_name) ?? text(row.dead_name) ?? text(detail?.name) ?? (kind.data === 'renamed' ? text(detail?.to) : null)
  const isEdit = kind.data === 'sql_edited'
  return {
    id: Number(row.id),
    runId: row.run_id === null ? null : Number(row.run_id),
    at: String(row.at),
    kind: kind.data,
    reportToken: String(row.report_token),
    reportName: name ?? 'Untitled report',
    summary: describeChange(kind.data, detail),
    present: row.live_token !== null && row.live_token !== undefined,
    queryToken: isEdit ? text(row.version_query) : null,
    versionId: isEdit && row.version_id !== null ? Number(row.version_id) : null,
    toVersionId: isEdit && row.next_version_id !== null && row.next_version_id !== undefined ? Number(row.next_version_id) : null,
  }
}

export function listChanges(library: Library, options: { since?: string; limit?: number; now: Date }): ChangeFeed {
  const since = options.since ?? new Date(options.now.getTime() - FEED_DAYS * 86_400_000).toISOString()
  const limit = Math.max(1, Math.min(options.limit ?? 500, MAX_FEED))
  const last = library
    .prepare(`SELECT id, ended_at FROM sync_runs WHERE outcome IN ('success', 'partial') ORDER BY id DESC LIMIT 1`)
    .get() as Row | undefined
  const lastSyncChanges = last
    ? (library.prepare(`${SELECT_CHANGES} WHERE c.run_id = ?${CHANGES_ORDER}`).all(Number(last.id), limit) as Row[])
    : []
  const changes = library.prepare(`${SELECT_CHANGES} WHERE c.at >= ?${CHANGES_ORDER}`).all(since, limit) as Row[]
  const counts: Record<string, number> = {}
  for (const row of library.prepare('SELECT kind, count(*) AS n FROM report_changes WHERE at >= ? GROUP BY kind').all(since) as Row[]) {
    counts[String(row.kind)] = Number(row.n)
  }
  const keep = (rows: Row[]): ReportChange[] => rows.map(toChange).filter((c): c is ReportChange => c !== null)
  return {
    lastSync: last ? { runId: Number(last.id), endedAt: text(last.ended_at) } : null,
    lastSyncChanges: keep(lastSyncChanges),
    since,
    changes: keep(changes),
    counts,
  }
}
