// Shared by the sync integration tests and the kill-test child: a simulator-backed Mode client, and the
// library and the simulator's truth mapped to one comparable shape.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { clientFor } from '../mode/sim-client.ts'
import { RateLimiter } from '../../../src/main/mode/rate-limiter.ts'
import type { Library } from '../../../src/main/library/open-library.ts'
import type { Truth } from '../../../src/sim/truth.ts'

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'mc-sync-'))
}

/** A client for a simulator whose rate limit is off: the limiter is opened wide to match, retries are quick. */
export function fastClient(sim: { url: string; token: string; password: string; workspace: string }, extra: { timeoutMs?: number } = {}) {
  return clientFor(sim, {
    limiter: new RateLimiter({ requests: 100_000, perMs: 1000, concurrency: 4 }),
    timeoutMs: extra.timeoutMs ?? 10_000,
    maxBackoffMs: 20,
  })
}

const blank = (v: string | null | undefined): string | null => (v === undefined || v === null || v.trim() === '' ? null : v)

export interface ComparableWorkspace {
  spaces: { token: string; id: string | null; name: string; description: string | null; space_type: string | null; state: string | null; restricted: boolean; owner: string | null }[]
  reports: {
    token: string; id: string | null; name: string | null; description: string | null; space_token: string; archived: boolean
    created_at: string | null; updated_at: string | null; edited_at: string | null; last_saved_at: string | null; last_run_at: string | null
    view_count: number; creator_username: string | null; web_url: string | null
    queries: { token: string; id: string | null; name: string | null; raw_query: string; data_source_id: string | null; created_at: string | null; updated_at: string | null; charts?: { token: string; title: string | null; chart_type: string | null }[] }[]
  }[]
  data_sources: { id: string; token: string | null; name: string; adapter: string | null; database: string | null; host: string | null }[]
  members: { username: string; admin: boolean; state: string | null }[]
  groups: { token: string; name: string; member_usernames: string[] }[]
}

const byToken = <T extends { token: string }>(a: T, b: T) => (a.token < b.token ? -1 : a.token > b.token ? 1 : 0)

/** The simulator's truth in the comparable shape. Charts are included only when `withCharts`. */
export function truthView(truth: Truth, withCharts: boolean): ComparableWorkspace {
  return {
    spaces: truth.spaces
      .map((s) => ({ token: s.token, id: String(s.id), name: s.name, description: blank(s.description), space_type: s.space_type, state: s.state,
        restricted: s.restricted, owner: s.space_type === 'private' ? s.personal_owner_username : null }))
      .sort(byToken),
    reports: truth.reports
      .map((r) => ({
        token: r.token, id: String(r.id), name: r.name, description: blank(r.description), space_token: r.space_token, archived: r.archived,
        created_at: r.created_at, updated_at: r.updated_at, edited_at: r.edited_at, last_saved_at: r.last_saved_at, last_run_at: r.last_run_at,
        view_count: r.view_count, creator_username: r.creator_username, web_url: r.web_url,
        queries: r.queries.map((q) => ({
          token: q.token, id: String(q.id), name: q.name, raw_query: q.raw_query, data_source_id: String(q.data_source_id),
          created_at: q.created_at, updated_at: q.updated_at,
          ...(withCharts ? { charts: q.charts.map((c) => ({ token: c.token, title: c.title, chart_type: c.chart_type })) } : {}),
        })),
      }))
      .sort(byToken),
    data_sources: truth.data_sources
      .map((d) => ({ id: String(d.id), token: d.token, name: d.name, adapter: d.adapter, database: d.database, host: d.host }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    members: truth.members.map((m) => ({ username: m.username, admin: m.admin, state: m.state })).sort((a, b) => a.username.localeCompare(b.username)),
    groups: truth.groups.map((g) => ({ token: g.token, name: g.name, member_usernames: [...new Set(g.member_usernames)].sort() })).sort(byToken),
  }
}

type Row = Record<string, unknown>
const s = (v: unknown): string | null => (v === null || v === undefined ? null : String(v))

/** What the library holds, read straight from its tables, in the comparable shape. */
export function libraryView(library: Library, withCharts: boolean): ComparableWorkspace {
  const all = (sql: string, ...params: (string | number)[]) => library.db.prepare(sql).all(...params) as Row[]
  return {
    spaces: all('SELECT * FROM collections ORDER BY token').map((c) => ({
      token: String(c.token), id: s(c.id), name: String(c.name), description: s(c.description), space_type: s(c.space_type), state: s(c.state),
      restricted: c.restricted === 1, owner: c.space_type === 'private' ? s(c.owner_username) : null,
    })),
    // Datasets are reports rows of type DatasetReport; content-view.ts compares them with truth.datasets.
    reports: all(`SELECT * FROM reports WHERE coalesce(report_type, 'Report') <> 'DatasetReport' ORDER BY token`).map((r) => ({
      token: String(r.token), id: s(r.id), name: s(r.name), description: s(r.description), space_token: String(r.collection_token), archived: r.archived === 1,
      created_at: s(r.created_at), updated_at: s(r.updated_at), edited_at: s(r.edited_at), last_saved_at: s(r.last_saved_at), last_run_at: s(r.last_run_at),
      view_count: Number(r.view_count), creator_username: s(r.creator_username), web_url: s(r.web_url),
      queries: all('SELECT * FROM queries WHERE report_token = ? ORDER BY position', String(r.token)).map((q) => ({
        token: String(q.token), id: s(q.id), name: s(q.name), raw_query: String(q.raw_query), data_source_id: s(q.data_source_id),
        created_at: s(q.created_at), updated_at: s(q.updated_at),
        ...(withCharts ? { charts: all('SELECT * FROM charts WHERE query_token = ? ORDER BY position', String(q.token)).map((c) => ({ token: String(c.token), title: s(c.title), chart_type: s(c.chart_type) })) } : {}),
      })),
    })),
    data_sources: all('SELECT * FROM data_sources ORDER BY id').map((d) => ({ id: String(d.id), token: s(d.token), name: String(d.name), adapter: s(d.adapter), database: s(d.database), host: s(d.host) })),
    members: all('SELECT * FROM members ORDER BY username').map((m) => ({ username: String(m.username), admin: m.is_admin === 1, state: s(m.state) })),
    groups: all('SELECT * FROM groups ORDER BY token').map((g) => ({
      token: String(g.token), name: String(g.name),
      member_usernames: all('SELECT username FROM group_members WHERE group_token = ? ORDER BY username', String(g.token)).map((m) => String(m.username)),
    })),
  }
}

/** Every report's SQL is present and current (no report left with stale or missing queries). */
export function staleReports(library: Library): string[] {
  return (library.db.prepare('SELECT token FROM reports WHERE queries_version IS NULL OR queries_version <> change_signature').all() as Row[]).map((r) => String(r.token))
}
