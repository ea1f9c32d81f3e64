// Injected failures for tests (POST /__sim/faults): a route answers with an error status, holds the response
// until the client gives up, or sends a body that is not valid JSON (malformed) or is cut short (truncated).

import { Rng } from './prng.ts'

export type RouteName =
  | 'verify' | 'account' | 'workspace' | 'user' | 'spaces' | 'space' | 'space_reports' | 'report' | 'queries'
  | 'query' | 'charts' | 'data_sources' | 'memberships' | 'groups' | 'group' | 'group_memberships' | 'space_datasets'
  | 'report_run' | 'query_runs' | 'query_run' | 'query_result' | 'schedules' | 'space_permissions' | 'member_activity'
  | 'unknown'

export type FaultKind = 'status' | 'timeout' | 'malformed' | 'truncated'

export interface FaultSpec {
  route: RouteName | '*'
  kind: FaultKind
  /** For kind 'status': 403, 404, 500, 502, 503, 504 (or 429). Default 500. */
  status?: number
  /** Fail at most this many matching requests (default: unlimited until cleared). */
  count?: number
  /** Fail this share (0..1) of matching requests, chosen by a seeded draw; default 1. */
  share?: number
  /** Let the first M matching requests through before failing. */
  skip?: number
}

interface ActiveFault extends FaultSpec {
  seen: number
  fired: number
}

const ROUTES = new Set<string>(['verify', 'account', 'workspace', 'user', 'spaces', 'space', 'space_reports', 'report',
  'queries', 'query', 'charts', 'data_sources', 'memberships', 'groups', 'group', 'group_memberships', 'space_datasets',
  'report_run', 'query_runs', 'query_run', 'query_result', 'schedules', 'space_permissions', 'member_activity', 'unknown', '*'])
const KINDS = new Set<string>(['status', 'timeout', 'malformed', 'truncated'])

export class FaultError extends Error {}

export function validateFault(input: unknown): FaultSpec {
  const f = input as Partial<FaultSpec> | null
  if (!f || typeof f !== 'object') throw new FaultError('a fault must be an object')
  if (typeof f.route !== 'string' || !ROUTES.has(f.route)) throw new FaultError(`unknown route ${JSON.stringify(f.route)}`)
  if (typeof f.kind !== 'string' || !KINDS.has(f.kind)) throw new FaultError(`unknown kind ${JSON.stringify(f.kind)}`)
  if (f.status !== undefined && (!Number.isInteger(f.status) || f.status < 400 || f.status > 599)) throw new FaultError('status must be 4xx or 5xx')
  if (f.share !== undefined && !(f.share >= 0 && f.share <= 1)) throw new FaultError('share must be within 0..1')
  return { route: f.route, kind: f.kind, status: f.status, count: f.count, share: f.share, skip: f.skip }
}

export class FaultTable {
  private faults: ActiveFault[] = []
  private rng: Rng

  constructor(seed = 1) {
    this.rng = new Rng(seed)
  }

  set(specs: FaultSpec[]): void {
    this.faults = specs.map((s) => ({ ...s, seen: 0, fired: 0 }))
  }

  add(specs: FaultSpec[]): void {
    this.faults.push(...specs.map((s) => ({ ...s, seen: 0, fired: 0 })))
  }

  clear(): void {
    this.faults = []
  }

  list(): FaultSpec[] {
    return this.faults.map(({ seen: _s, fired: _f, ...spec }) => spec)
  }

  /** The fault to apply to this request, if any (consumes a count). */
  match(route: RouteName): FaultSpec | null {
    for (const f of this.faults) {
      if (f.route !== '*' && f.route !== route) continue
      if (f.count !== undefined && f.fired >= f.count) continue
      f.seen++
      if (f.skip !== undefined && f.seen <= f.skip) continue
      if (f.share !== undefined && f.share < 1 && this.rng.next() >= f.share) continue
      f.fired++
      return f
    }
    return null
  }
}
