// Changes to a simulated workspace between syncs (POST /__sim/mutate, sim.mutate()). Report changes stamp
// `updated_at` with a clock that never goes backwards, so `filter=updated_at.gt.<last sync>` sees every one of
// them, as Rails' automatic timestamps would in Mode. Moves, archives and deletions otherwise show only by
// diffing complete listings, as in Mode.

import { Rng } from './prng.ts'
import { dialectOf } from './generator.ts'
import { startRun } from './report-content.ts'
import { buildSql, templateFormParameters } from './sql-templates.ts'
import { DOMAINS } from './vocabulary.ts'
import type { SimMemberState, SimSpaceType, TruthQuery, TruthReport, TruthSpace } from './truth.ts'
import type { WorkspaceState } from './workspace-state.ts'

export interface NewQuery {
  name?: string
  raw_query: string
  data_source_id?: number
}

export type SimOp =
  | { kind: 'createReport'; space_token: string; name?: string | null; description?: string | null;
    creator_username?: string; token?: string; queries?: NewQuery[] }
  | { kind: 'editReport'; token: string; name?: string | null; description?: string | null }
  | { kind: 'editQuery'; report_token: string; query_token?: string; raw_query: string; name?: string }
  | { kind: 'moveReport'; token: string; space_token: string }
  | { kind: 'archiveReport'; token: string }
  | { kind: 'unarchiveReport'; token: string }
  | { kind: 'deleteReport'; token: string }
  /** A new successful run: new run token, results and preview (Mode's listing shows a new `last_successful_run_token`). */
  | { kind: 'runReport'; token: string }
  /** A run that failed: `last_run_at` moves, `last_successfully_run_at` stays at the last success (null if none). */
  | { kind: 'failRun'; token: string }
  /** Mode deleted the run's result data after the workspace's retention period: results now answer 404. */
  | { kind: 'purgeResults'; token: string }
  | { kind: 'addSchedule'; token: string; freq?: string; time_zone?: string }
  | { kind: 'createCollection'; name: string; description?: string | null; space_type?: SimSpaceType;
    personal_owner_username?: string | null; restricted?: boolean; token?: string }
  | { kind: 'renameCollection'; token: string; name: string; description?: string | null }
  | { kind: 'deleteCollection'; token: string }
  | { kind: 'addMember'; username: string; name?: string; email?: string; admin?: boolean; state?: SimMemberState }
  | { kind: 'removeMember'; username: string }
  | { kind: 'addGroup'; name: string; member_usernames?: string[]; token?: string }
  | { kind: 'removeGroup'; token: string }

/** What an op did, with the tokens it created or touched (random ops are reported this way too). */
export type SimOpResult = SimOp & { token?: string; space_token?: string; deleted_report_tokens?: string[] }

export interface RandomOpsRequest {
  seed: number
  count: number
}

export class SimOpError extends Error {}

export interface MutationContext {
  /** Milliseconds since the epoch; the simulator keeps stamps strictly increasing on top of it. */
  stamp(): string
  /** Token source for created objects. */
  rng: Rng
}

function freshToken(state: WorkspaceState, ctx: MutationContext): string {
  for (;;) {
    const token = ctx.rng.token()
    if (!state.reports.has(token) && !state.spaces.has(token) && !state.groups.has(token)) return token
  }
}

function report(state: WorkspaceState, token: string): TruthReport {
  const r = state.reports.get(token)
  if (!r) throw new SimOpError(`no report ${token}`)
  return r
}

function space(state: WorkspaceState, token: string): TruthSpace {
  const s = state.spaces.get(token)
  if (!s) throw new SimOpError(`no collection ${token}`)
  return s
}

export function applyOp(state: WorkspaceState, op: SimOp, ctx: MutationContext): SimOpResult {
  const truth = state.truth
  switch (op.kind) {
    case 'createReport': {
      space(state, op.space_token)
      const creator = op.creator_username ?? truth.account_username
      const token = op.token ?? freshToken(state, ctx)
      if (state.reports.has(token)) throw new SimOpError(`report ${token} exists`)
      const now = ctx.stamp()
      const defaultDs = truth.data_sources[0]?.id ?? 0
      const queries: TruthQuery[] = (op.queries ?? [{ name: 'Query 1', raw_query: 'SELECT 1' }]).map((q, i) => ({
        token: freshToken(state, ctx), id: state.nextId++, name: q.name ?? `Query ${i + 1}`, raw_query: q.raw_query,
        data_source_id: q.data_source_id ?? defaultDs, created_at: now, updated_at: now, charts: [],
        parameters: templateFormParameters(q.raw_query), result: null,
      }))
      state.addReport({
        token, id: state.nextId++, name: op.name === undefined ? 'Untitled Report' : op.name,
        description: op.description ?? null, space_token: op.space_token, archived: false,
        created_at: now, updated_at: now, edited_at: now, last_saved_at: now, last_run_at: null, view_count: 0,
        creator_username: creator, web_url: `https://app.mode.com/${state.slug}/reports/${token}`, queries,
        last_successful_run_token: null, preview: null, schedules: [], imported_dataset_tokens: [],
      })
      return { ...op, token }
    }
    case 'editReport': {
      const r = report(state, op.token)
      if (op.name !== undefined) r.name = op.name
      if (op.description !== undefined) r.description = op.description
      r.updated_at = r.edited_at = ctx.stamp()
      state.invalidateSpace(r.space_token)
      return op
    }
    case 'editQuery': {
      const r = report(state, op.report_token)
      const q = op.query_token ? r.queries.find((x) => x.token === op.query_token) : r.queries[0]
      if (!q) throw new SimOpError(`no query ${op.query_token ?? '(first)'} in report ${op.report_token}`)
      q.raw_query = op.raw_query
      // The SQL is replaced whole: its form, if any, is one the simulator's own templates wrote.
      q.parameters = templateFormParameters(op.raw_query)
      if (op.name !== undefined) q.name = op.name
      q.updated_at = r.updated_at = r.last_saved_at = ctx.stamp()
      state.invalidateSpace(r.space_token)
      return { ...op, query_token: q.token }
    }
    case 'moveReport': {
      const r = report(state, op.token)
      space(state, op.space_token)
      r.updated_at = ctx.stamp()
      state.moveReport(r, op.space_token)
      return op
    }
    case 'archiveReport':
    case 'unarchiveReport': {
      const r = report(state, op.token)
      r.archived = op.kind === 'archiveReport'
      r.updated_at = ctx.stamp()
      state.invalidateSpace(r.space_token)
      return op
    }
    case 'deleteReport': {
      report(state, op.token)
      state.removeReports(new Set([op.token]))
      return op
    }
    case 'runReport': {
      const r = report(state, op.token)
      // Assumption: a run changes last_run_at and last_successful_run_token but not updated_at (unconfirmed in Mode).
      r.last_run_at = ctx.stamp()
      delete r.last_successfully_run_at
      startRun(r, ctx.rng, () => freshToken(state, ctx))
      state.invalidateSpace(r.space_token)
      return op
    }
    case 'failRun': {
      const r = report(state, op.token)
      if (r.last_successfully_run_at === undefined) r.last_successfully_run_at = r.last_run_at
      r.last_run_at = ctx.stamp()
      state.invalidateSpace(r.space_token)
      return op
    }
    case 'purgeResults': {
      const r = report(state, op.token)
      for (const q of r.queries) if (q.result) q.result.fault = 'purged'
      return op
    }
    case 'addSchedule': {
      const r = report(state, op.token)
      const token = freshToken(state, ctx)
      r.schedules.push({
        token, name: `Schedule ${r.schedules.length + 1}`, freq: op.freq ?? 'daily', hour: 6, minute: 30, day_of_week: null,
        day_of_month: null, time_zone: op.time_zone ?? 'UTC', last_succeeded_at: null, next_scheduled_run: null,
      })
      state.invalidateSpace(r.space_token)
      return { ...op, token }
    }
    case 'createCollection': {
      const token = op.token ?? freshToken(state, ctx)
      if (state.spaces.has(token)) throw new SimOpError(`collection ${token} exists`)
      const s: TruthSpace = {
        token, id: state.nextId++, name: op.name, description: op.description ?? null,
        space_type: op.space_type ?? (op.personal_owner_username ? 'private' : 'custom'), state: 'active',
        restricted: op.restricted ?? false, personal_owner_username: op.personal_owner_username ?? null,
      }
      truth.spaces.push(s)
      state.spaces.set(token, s)
      state.spaceCreators.set(token, s.personal_owner_username ?? truth.account_username)
      return { ...op, token }
    }
    case 'renameCollection': {
      const s = space(state, op.token)
      s.name = op.name
      if (op.description !== undefined) s.description = op.description
      return op
    }
    case 'deleteCollection': {
      space(state, op.token)
      const doomed = new Set(state.reportTokensInSpace(op.token))
      state.removeReports(doomed)
      state.removeDatasetsInSpace(op.token)
      truth.spaces = truth.spaces.filter((s) => s.token !== op.token)
      state.spaces.delete(op.token)
      state.deletedSpaces.add(op.token)
      state.invalidateSpace(op.token)
      return { ...op, deleted_report_tokens: [...doomed] }
    }
    case 'addMember': {
      if (state.members.has(op.username)) throw new SimOpError(`member ${op.username} exists`)
      const known = state.knownUsers.get(op.username)
      const m = {
        username: op.username, token: known?.token ?? freshToken(state, ctx), name: op.name ?? known?.name ?? op.username,
        email: op.email ?? known?.email ?? `${op.username}@example.com`, admin: op.admin ?? false, state: op.state ?? 'active',
      }
      truth.members.push(m)
      state.members.set(m.username, m)
      state.knownUsers.set(m.username, m)
      // Mode gives every member a personal collection.
      const personal = applyOp(state, { kind: 'createCollection', name: 'Personal', personal_owner_username: m.username }, ctx)
      return { ...op, space_token: personal.token }
    }
    case 'removeMember': {
      if (!state.members.has(op.username)) throw new SimOpError(`no member ${op.username}`)
      if (op.username === truth.account_username) throw new SimOpError('cannot remove the account itself')
      truth.members = truth.members.filter((m) => m.username !== op.username)
      state.members.delete(op.username)
      for (const g of truth.groups) g.member_usernames = g.member_usernames.filter((u) => u !== op.username)
      return op
    }
    case 'addGroup': {
      const token = op.token ?? freshToken(state, ctx)
      if (state.groups.has(token)) throw new SimOpError(`group ${token} exists`)
      for (const u of op.member_usernames ?? []) if (!state.members.has(u)) throw new SimOpError(`no member ${u}`)
      const g = { token, name: op.name, member_usernames: [...(op.member_usernames ?? [])] }
      truth.groups.push(g)
      state.groups.set(token, g)
      return { ...op, token }
    }
    case 'removeGroup': {
      if (!state.groups.has(op.token)) throw new SimOpError(`no group ${op.token}`)
      truth.groups = truth.groups.filter((g) => g.token !== op.token)
      state.groups.delete(op.token)
      return op
    }
    default: {
      const kind = (op as { kind?: unknown }).kind
      throw new SimOpError(`unknown op kind ${JSON.stringify(kind)}`)
    }
  }
}

const RANDOM_KINDS: [SimOp['kind'], number][] = [
  ['editReport', 20], ['editQuery', 20], ['createReport', 15], ['moveReport', 10], ['archiveReport', 8],
  ['unarchiveReport', 4], ['deleteReport', 8], ['createCollection', 3], ['renameCollection', 3],
  ['deleteCollection', 1], ['addMember', 3], ['removeMember', 2], ['addGroup', 2], ['removeGroup', 1],
  ['runReport', 10], ['addSchedule', 2],
]
const RANDOM_CUMULATIVE = RANDOM_KINDS.reduce<number[]>((a, [, w]) => [...a, (a.at(-1) ?? 0) + w], [])

/** Applies `count` random valid mutations, seeded; returns each as applied (with concrete tokens). */
export function applyRandomOps(state: WorkspaceState, request: RandomOpsRequest, ctx: MutationContext): SimOpResult[] {
  const rng = new Rng(request.seed >>> 0)
  const results: SimOpResult[] = []
  const count = Math.max(0, Math.min(100_000, Math.floor(request.count)))
  for (let i = 0, guard = 0; results.length < count && guard < count * 20; guard++) {
    const op = randomOp(state, rng, i)
    if (!op) continue
    results.push(applyOp(state, op, ctx))
    i++
  }
  return results
}

function randomOp(state: WorkspaceState, rng: Rng, serial: number): SimOp | null {
  const truth = state.truth
  const kind = RANDOM_KINDS[rng.weighted(RANDOM_CUMULATIVE)]![0]
  const anyReport = (): TruthReport | undefined => truth.reports.length ? rng.pick(truth.reports) : undefined
  const anySpace = (): TruthSpace | undefined => truth.spaces.length ? rng.pick(truth.spaces) : undefined
  const sharedSpaces = (): TruthSpace[] => truth.spaces.filter((s) => s.personal_owner_username === null)
  switch (kind) {
    case 'editReport': {
      const r = anyReport()
      return r ? { kind, token: r.token, name: `${r.name ?? 'Untitled'} (rev ${serial + 1})`,
        description: rng.chance(0.5) ? `Edited: ${rng.pick(['new definition', 'fixed filter', 'added segment'])}` : r.description } : null
    }
    case 'editQuery': {
      const r = anyReport()
      const q = r && r.queries.length ? rng.pick(r.queries) : undefined
      if (!r || !q) return null
      const ds = truth.data_sources.find((d) => d.id === q.data_source_id) ?? truth.data_sources[0]
      const domain = rng.pick(DOMAINS)
      const sql = buildSql({ rng, dialect: dialectOf(ds?.adapter ?? ''), tableKeys: domain.tables, metric: rng.pick(domain.metrics) })
      return { kind, report_token: r.token, query_token: q.token, raw_query: `-- revised\n${sql}` }
    }
    case 'createReport': {
      const s = anySpace()
      if (!s) return null
      const domain = rng.pick(DOMAINS)
      const metric = rng.pick(domain.metrics)
      const ds = truth.data_sources.length ? rng.pick(truth.data_sources) : undefined
      const activeMembers = truth.members.filter((m) => m.state === 'active')
      return {
        kind, space_token: s.token, name: `${metric} — new ${serial + 1}`, description: rng.chance(0.5) ? `New look at ${metric.toLowerCase()}.` : null,
        creator_username: s.personal_owner_username ?? (activeMembers.length ? rng.pick(activeMembers).username : truth.account_username),
        queries: [{ name: 'Query 1', data_source_id: ds?.id,
          raw_query: buildSql({ rng, dialect: dialectOf(ds?.adapter ?? ''), tableKeys: domain.tables, metric }) }],
      }
    }
    case 'moveReport': {
      const r = anyReport()
      const s = anySpace()
      return r && s && s.token !== r.space_token ? { kind, token: r.token, space_token: s.token } : null
    }
    case 'archiveReport': {
      const r = anyReport()
      return r && !r.archived ? { kind, token: r.token } : null
    }
    case 'unarchiveReport': {
      const archived = truth.reports.filter((r) => r.archived)
      return archived.length ? { kind, token: rng.pick(archived).token } : null
    }
    case 'deleteReport': {
      const r = anyReport()
      return r ? { kind, token: r.token } : null
    }
    case 'createCollection':
      return { kind, name: `${rng.pick(DOMAINS).collections[0]} — ${rng.pick(['Pilot', 'Q3 Deep Dives', 'Team Sandbox', 'Offsite'])} ${serial + 1}` }
    case 'renameCollection': {
      const shared = sharedSpaces()
      return shared.length ? { kind, token: rng.pick(shared).token, name: `${rng.pick(shared).name} (renamed ${serial + 1})` } : null
    }
    case 'deleteCollection': {
      // Only small shared collections, so a long random run does not wipe out most of the workspace.
      const small = sharedSpaces().filter((s) => state.reportTokensInSpace(s.token).size <= 10)
      return small.length ? { kind, token: rng.pick(small).token } : null
    }
    case 'addMember': {
      const username = `newhire${serial + 1}x${rng.int(100, 999)}`
      return state.members.has(username) ? null : { kind, username, name: `New Hire ${serial + 1}`, state: rng.chance(0.7) ? 'active' : 'invited' }
    }
    case 'removeMember': {
      const removable = truth.members.filter((m) => m.username !== truth.account_username)
      return removable.length ? { kind, username: rng.pick(removable).username } : null
    }
    case 'addGroup': {
      const active = truth.members.filter((m) => m.state === 'active').map((m) => m.username)
      const picked = [...new Set(Array.from({ length: Math.min(active.length, rng.int(1, 6)) }, () => rng.pick(active)))]
      return { kind, name: `Working Group ${serial + 1}`, member_usernames: picked }
    }
    case 'removeGroup':
      return truth.groups.length > 1 ? { kind, token: rng.pick(truth.groups.slice(1)).token } : null
    case 'runReport':
    case 'addSchedule': {
      const r = anyReport()
      return r ? { kind, token: r.token } : null
    }
    default:
      return null
  }
}
