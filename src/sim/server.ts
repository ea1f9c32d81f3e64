// The Mode simulator: a real HTTP server on 127.0.0.1 that answers like Mode's REST API under /api (Basic auth,
// HAL+JSON, page-based listings with Mode's quirks, a per-user leaky-bucket rate limit, latency) plus an admin
// surface under /__sim/ for tests (truth, mutations, stats, injected faults). What it imitates is summarised in docs/DESIGN.md, “The Mode API in one screen”.

import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { generateWorkspace } from './generator.ts'
import { addAccessData, hasAccessData } from './access-data.ts'
import { renderMemberActivityPage, renderPermissionsList, BATCH_MAX_PER_PAGE } from './access-routes.ts'
import { FaultError, FaultTable, validateFault, type FaultSpec, type RouteName } from './faults.ts'
import { HostileLayer, type HostileLog, type HostileOptions } from './hostile.ts'
import * as hal from './hal.ts'
import { servePreview } from './preview-route.ts'
import { resultCsvBody, resultJsonBody } from './report-content.ts'
import { applyOp, applyRandomOps, SimOpError, type RandomOpsRequest, type SimOp, type SimOpResult } from './mutations.ts'
import { Rng, hashString, mixSeed } from './prng.ts'
import { LeakyBucket, type RateLimitOptions } from './rate-limit.ts'
import type { Truth, TruthMember } from './truth.ts'
import { WorkspaceState, type OrderBy, type ReportListQuery } from './workspace-state.ts'

export type PaginationStyle = 'bare' | 'links' | 'mixed'

export interface ExtraWorkspace {
  workspace: string
  seed?: number
  reports?: number
  queriesPerReport?: number
  /** False: the account is not a member, so every route of this workspace answers 403. Default true. */
  member?: boolean
}

export interface SimulatorOptions {
  /** 0 (default) picks a free port. The server always listens on 127.0.0.1. */
  port?: number
  seed?: number
  reports?: number
  workspace?: string
  queriesPerReport?: number
  /** A ready-made workspace instead of generating one (seed/reports/workspace are then ignored). */
  truth?: Truth
  /** More workspaces served by the same simulator. */
  workspaces?: ExtraWorkspace[]
  /** Leaky bucket per user; null turns the limit off. Default 40 requests per 10 s, like Mode. */
  rate?: RateLimitOptions | null
  /** Send `Retry-After` on 429: never (default, as Mode documents none), always, or on about half of them. */
  retryAfter?: boolean | 'mixed'
  latencyMs?: number
  /** 'bare': no `pagination`/`next_page` (like the fixtures); 'links': always; 'mixed': on some responses. */
  paginationStyle?: PaginationStyle
  pageSize?: number
  /** A page past the end repeats the last page (true, default) or comes back empty (false). */
  repeatLastPage?: boolean
  /** Fixed credentials; by default derived from the seed. */
  token?: string
  password?: string
  /** Credentials of a non-admin member's API token (admin-only routes answer it 403); by default derived from the seed. */
  memberToken?: string
  memberPassword?: string
  /** Members per page of `/batch/{ws}/members` when the request names no `per_page` (default 1000, Mode's). */
  batchPageSize?: number
  /** How long a `timeout` fault holds a response before dropping the connection (default 120 s). */
  timeoutHoldMs?: number
  /** Monotonic clock (ms) for the rate limit; tests pass a fake one. Default performance.now. */
  rateClock?: () => number
  /** Clock for mutation timestamps (ms since epoch); stamps never go backwards. Default Date.now. */
  now?: () => number
  /**
   * Serve the unauthenticated /__sim/ admin routes (default true). The app's sample workspace turns them off:
   * any local process or web page could otherwise read, change or break the user's sample.
   */
  admin?: boolean
  /** Mix malformed variants into list responses (see hostile.ts); off by default. */
  hostile?: HostileOptions
}

export interface SimStats {
  total: number
  routes: Partial<Record<RouteName, number>>
  statuses: Record<string, number>
  rate_limited: number
  faults_served: number
  /** Most requests in flight at once since the last reset (useful to check a client's concurrency bound). */
  max_in_flight: number
  /** Requests for preview images (the storage host, not Mode's API: never in `total`, never rate limited). */
  previews: number
  /** Preview requests that carried an Authorization header (Mode credentials must never go to the storage host). */
  previews_with_credentials: number
}

export interface MutateRequest {
  ops?: SimOp[]
  randomOps?: RandomOpsRequest
  /** Which workspace to change; default the primary one. */
  workspace?: string
}

export interface Simulator {
  /** `http://127.0.0.1:PORT` */
  url: string
  /** `url + '/api'` */
  apiBase: string
  /** The primary workspace's slug. */
  workspace: string
  workspaces: string[]
  token: string
  password: string
  /** The username the token belongs to. */
  accountUsername: string
  /** A non-admin member's token: the same listings, but 403 from groups, permissions and member activity. */
  memberToken: string
  memberPassword: string
  memberUsername: string
  /** A snapshot (deep copy) of the workspace as the account sees it with filter=all. */
  truth(workspace?: string): Truth
  mutate(request: MutateRequest | SimOp[]): SimOpResult[]
  stats(): SimStats
  resetStats(): void
  /** Replaces every active fault. */
  setFaults(faults: FaultSpec[]): void
  /** Changes the delay before every response from now on (e.g. a slow sync to watch, then a fast one). */
  setLatency(ms: number): void
  addFaults(faults: FaultSpec[]): void
  clearFaults(): void
  /** What the hostile layer did so far, by token (empty when `hostile` is off). */
  hostileLog(): HostileLog
  close(): Promise<void>
}

const HAL = 'application/hal+json'
const ADMIN_ONLY_ROUTES = new Set<RouteName>(['groups', 'group', 'group_memberships', 'space_permissions', 'member_activity'])
const DEFAULT_RATE: RateLimitOptions = { requests: 40, perMs: 10_000 }

const STATUS_IDS: Record<number, [string, string]> = {
  400: ['bad_request', 'Bad request'],
  401: ['unauthorized', 'Unauthorized: invalid API token or secret'],
  402: ['payment_required', 'The API requires a Mode Business plan'],
  403: ['forbidden', 'You do not have permission to access this resource'],
  404: ['not_found', 'Not found'],
  429: ['rate_limited', 'Too many API requests'],
  500: ['internal_server_error', 'Internal server error'],
  502: ['bad_gateway', 'Bad gateway'],
  503: ['service_unavailable', 'Service unavailable'],
}

class HttpError extends Error {
  readonly status: number
  readonly id: string
  constructor(status: number, message?: string) {
    const [id, fallback] = STATUS_IDS[status] ?? ['error', 'Error']
    super(message ?? fallback)
    this.status = status
    this.id = id
  }
}

interface Reply {
  status: number
  body: unknown
  /** A non-JSON body (results content): sent as is. */
  raw?: { bytes: Buffer; contentType: string }
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const seed = options.seed ?? 1
  const primaryTruth = options.truth ?? generateWorkspace({
    seed, reports: options.reports ?? 200, workspace: options.workspace, queriesPerReport: options.queriesPerReport,
  })
  const now = options.now ?? Date.now
  const accessReference = now()
  if (!hasAccessData(primaryTruth)) addAccessData(primaryTruth, seed, accessReference)
  const accountMember = primaryTruth.members.find((m) => m.username === primaryTruth.account_username)!
  const memberAccount = primaryTruth.members.find((m) => m.username === primaryTruth.member_account_username)
    ?? primaryTruth.members.find((m) => !m.admin && m.state === 'active') ?? accountMember
  const states = new Map<string, WorkspaceState>()
  states.set(primaryTruth.workspace.username, new WorkspaceState(primaryTruth))
  for (const extra of options.workspaces ?? []) {
    const member = extra.member ?? true
    const truth = generateWorkspace({
      seed: extra.seed ?? seed, reports: extra.reports ?? 50, workspace: extra.workspace,
      queriesPerReport: extra.queriesPerReport,
      account: member ? { username: accountMember.username, name: accountMember.name, email: accountMember.email } : undefined,
    })
    addAccessData(truth, extra.seed ?? seed, accessReference)
    states.set(extra.workspace, new WorkspaceState(truth, member))
  }
  const primary = states.get(primaryTruth.workspace.username)!

  const credRng = new Rng(mixSeed(seed, hashString(primary.slug), 0xacc0))
  const token = options.token ?? credRng.token()
  const password = options.password ?? Array.from({ length: 4 }, () => credRng.token()).join('').slice(0, 40)
  const expectedAuth = `Basic ${Buffer.from(`${token}:${password}`).toString('base64')}`
  const memberToken = options.memberToken ?? credRng.token()
  const memberPassword = options.memberPassword ?? Array.from({ length: 4 }, () => credRng.token()).join('').slice(0, 40)
  const memberAuth = `Basic ${Buffer.from(`${memberToken}:${memberPassword}`).toString('base64')}`
  const batchPageSize = Math.min(BATCH_MAX_PER_PAGE, Math.max(1, options.batchPageSize ?? BATCH_MAX_PER_PAGE))

  const pageSize = Math.max(1, options.pageSize ?? 30)
  const paginationStyle = options.paginationStyle ?? 'bare'
  const repeatLastPage = options.repeatLastPage ?? true
  let latencyMs = Math.max(0, options.latencyMs ?? 0)
  const timeoutHoldMs = options.timeoutHoldMs ?? 120_000
  const rate = options.rate === undefined ? DEFAULT_RATE : options.rate
  const bucket = rate ? new LeakyBucket(rate, options.rateClock) : null
  const retryAfter = options.retryAfter ?? false
  const faults = new FaultTable(seed)
  const hostile = options.hostile ? new HostileLayer({ seed, ...options.hostile }) : null
  const coin = new Rng(mixSeed(seed, 0xc017))

  // Mutation timestamps: strictly increasing, and after everything already in the workspaces.
  let lastStamp = 0
  for (const s of states.values()) for (const r of s.truth.reports) lastStamp = Math.max(lastStamp, Date.parse(r.updated_at))
  const mutationCtx = {
    rng: new Rng(mixSeed(seed, 0x0b5)),
    stamp: (): string => {
      lastStamp = Math.max(now(), lastStamp + 1)
      return new Date(lastStamp).toISOString()
    },
  }

  const userIds = new Map<string, number>()
  const userId = (username: string): number => {
    let id = userIds.get(username)
    if (id === undefined) {
      id = 745_240 + userIds.size
      userIds.set(username, id)
    }
    return id
  }
  userId(accountMember.username)

  let stats: SimStats = emptyStats()
  /** Set once listening: preview URLs and the redirect fault's other host derive from it. */
  let serverUrl = ''
  let inFlight = 0
  const held = new Set<{ res: http.ServerResponse; timer: NodeJS.Timeout }>()

  function stateFor(workspace?: string): WorkspaceState {
    const s = states.get(workspace ?? primary.slug)
    if (!s) throw new SimOpError(`no workspace ${workspace}`)
    return s
  }

  function mutate(request: MutateRequest | SimOp[]): SimOpResult[] {
    const req: MutateRequest = Array.isArray(request) ? { ops: request } : request
    const state = stateFor(req.workspace)
    const results: SimOpResult[] = []
    for (const op of req.ops ?? []) results.push(applyOp(state, op, mutationCtx))
    if (req.randomOps) results.push(...applyRandomOps(state, req.randomOps, mutationCtx))
    return results
  }

  function workspaceFor(slug: string): WorkspaceState {
    const s = states.get(slug)
    if (!s) throw new HttpError(404, 'Workspace not found')
    if (!s.accountIsMember) throw new HttpError(403, 'You are not a member of this workspace')
    return s
  }

  function findUser(username: string): TruthMember | undefined {
    for (const s of states.values()) {
      const m = s.knownUsers.get(username)
      if (m) return m
    }
    return undefined
  }

  function classify(parts: string[]): RouteName {
    const [a, b, c, d, e, f, g] = parts
    const n = parts.length
    if (n === 1) return a === 'verify' ? 'verify' : a === 'account' ? 'account' : states.has(a!) ? 'workspace' : findUser(a!) ? 'user' : 'workspace'
    if (b === 'spaces' || b === 'collections') {
      if (n === 4) return d === 'reports' ? 'space_reports' : d === 'datasets' ? 'space_datasets' : d === 'permissions' ? 'space_permissions' : 'unknown'
      return n === 2 ? 'spaces' : n === 3 ? 'space' : 'unknown'
    }
    if (b === 'reports' && n >= 3) {
      if (n === 3) return 'report'
      if (d === 'queries') return n === 4 ? 'queries' : n === 5 ? 'query' : n === 6 && f === 'charts' ? 'charts' : 'unknown'
      if (d === 'schedules' && n === 4) return 'schedules'
      if (d === 'runs' && n === 5) return 'report_run'
      if (d === 'runs' && f === 'query_runs') {
        if (n === 6) return 'query_runs'
        if (n === 7) return 'query_run'
        if (n === 9 && parts[7] === 'results' && /^content\.(csv|json)$/.test(parts[8]!)) return 'query_result'
      }
      return 'unknown'
    }
    if (n === 2 && b === 'data_sources') return 'data_sources'
    if (n === 2 && b === 'memberships') return 'memberships'
    if (b === 'groups') return n === 2 ? 'groups' : n === 3 ? 'group' : n === 4 && d === 'memberships' ? 'group_memberships' : 'unknown'
    void c; void e; void g
    return 'unknown'
  }

  function handleApi(route: RouteName, parts: string[], params: URLSearchParams, path: string, search: string, asMember: boolean): Reply {
    const ok = (body: unknown): Reply => ({ status: 200, body })
    // Groups, permissions and member activity need an admin (or workspace) token in Mode.
    if (asMember && ADMIN_ONLY_ROUTES.has(route)) throw new HttpError(403, 'Only workspace admins can access this resource')
    switch (route) {
      case 'verify':
        return ok({ workspace: primary.slug, workspace_token: workspaceToken(primary.slug), _links: { self: { href: `/api/${primary.slug}` } } })
      case 'account': {
        const who = asMember ? memberAccount : accountMember
        return ok(hal.renderUser(who, userId(who.username)))
      }
      case 'user': {
        const m = findUser(parts[0]!)!
        return ok(hal.renderUser(m, userId(m.username)))
      }
      case 'unknown':
        throw new HttpError(404)
      default:
        break
    }
    const ws = workspaceFor(parts[0]!)
    const base = `/api/${ws.slug}`
    switch (route) {
      case 'workspace':
        return ok(hal.renderWorkspace(ws, workspaceToken(ws.slug)))
      case 'spaces': {
        const filter = params.get('filter')
        const spaces = ws.truth.spaces.filter((s) => {
          if (filter === 'all') return true
          if (filter === 'custom') return s.space_type !== 'private'
          // Default (and `editable`): other users' personal collections stay hidden.
          return s.personal_owner_username === null || s.personal_owner_username === ws.truth.account_username
        })
        return ok(hal.list(`${base}/collections${search}`, 'spaces', spaces.map((s) => hal.renderSpace(ws, s))))
      }
      case 'space':
        return ok(hal.renderSpace(ws, spaceOrThrow(ws, parts[2]!)))
      case 'space_reports': {
        const space = spaceOrThrow(ws, parts[2]!)
        return ok(spaceReportsPage(ws, space.token, params, path))
      }
      case 'report':
        return ok(hal.renderReport(ws, reportOrThrow(ws, parts[2]!)))
      case 'queries': {
        // Datasets are reports to Mode: their queries are at /reports/{dataset}/queries (fixture dataset_queries_*.json).
        const r = ws.reports.get(parts[2]!) ?? ws.datasets.get(parts[2]!)
        if (!r) throw new HttpError(404, 'Report not found')
        return ok(hal.list(`${base}/reports/${r.token}/queries`, 'queries', r.queries.map((q) => hal.renderQuery(ws, r, q))))
      }
      case 'space_datasets': {
        const space = spaceOrThrow(ws, parts[2]!)
        const rows = ws.listSpaceDatasets(space.token, listQuery(params))
        return ok(pagedList(rows, params, path, 'reports', (d) => hal.renderDataset(ws, d)))
      }
      case 'schedules': {
        const r = reportOrThrow(ws, parts[2]!)
        return ok(hal.list(`${base}/reports/${r.token}/schedules`, 'report_schedules', r.schedules.map((s) => hal.renderSchedule(ws, r, s))))
      }
      case 'report_run':
      case 'query_runs':
      case 'query_run':
      case 'query_result':
        return runRoute(ws, route, parts)
      case 'query': {
        const r = reportOrThrow(ws, parts[2]!)
        const q = r.queries.find((x) => x.token === parts[4])
        if (!q) throw new HttpError(404, 'Query not found')
        return ok(hal.renderQuery(ws, r, q))
      }
      case 'charts': {
        const r = reportOrThrow(ws, parts[2]!)
        const q = r.queries.find((x) => x.token === parts[4])
        if (!q) throw new HttpError(404, 'Query not found')
        return ok(hal.list(`${path}`, 'charts', q.charts.map((c) => hal.renderChart(ws, r, q, c))))
      }
      case 'data_sources':
        return ok(hal.list(`${base}/data_sources`, 'data_sources', ws.truth.data_sources.map((d) => hal.renderDataSource(ws, d))))
      case 'memberships':
        return ok(hal.list(`${base}/memberships`, 'memberships', ws.truth.members.map((m) => hal.renderMembership(ws, m))))
      case 'groups':
        return ok(hal.list(`${base}/groups`, 'groups', ws.truth.groups.map((g, i) => hal.renderGroup(ws, g, i))))
      case 'group': {
        const g = ws.groups.get(parts[2]!)
        if (!g) throw new HttpError(404, 'UserGroup not found')
        return ok(hal.renderGroup(ws, g, ws.truth.groups.indexOf(g)))
      }
      case 'space_permissions':
        return ok(renderPermissionsList(ws, spaceOrThrow(ws, parts[2]!)))
      case 'member_activity':
        return ok(renderMemberActivityPage(ws, params, batchPageSize))
      case 'group_memberships': {
        const g = ws.groups.get(parts[2]!)
        if (!g) throw new HttpError(404, 'UserGroup not found')
        const rows = g.member_usernames.map((u) => ws.members.get(u)).filter((m): m is TruthMember => !!m)
        return ok(hal.list(`${base}/groups/${g.token}/memberships`, 'group_memberships', rows.map((m) => hal.renderGroupMembership(ws, g, m))))
      }
      default:
        throw new HttpError(404)
    }
  }

  function spaceOrThrow(ws: WorkspaceState, token: string) {
    if (ws.deletedSpaces.has(token)) throw new HttpError(403)
    const s = ws.spaces.get(token)
    if (!s) throw new HttpError(404, 'Space not found')
    return s
  }

  function reportOrThrow(ws: WorkspaceState, token: string) {
    const r = ws.reports.get(token)
    if (!r) throw new HttpError(404, 'Report not found')
    return r
  }

  function listQuery(params: URLSearchParams): ReportListQuery {
    const orderBy = params.get('order_by') ?? 'created_at'
    if (orderBy !== 'created_at' && orderBy !== 'updated_at') throw new HttpError(400, `order_by must be created_at or updated_at`)
    const order = params.get('order') ?? 'desc'
    if (order !== 'asc' && order !== 'desc') throw new HttpError(400, 'order must be asc or desc')
    return { orderBy: orderBy as OrderBy, order, filter: parseFilter(params.get('filter')) }
  }

  function spaceReportsPage(ws: WorkspaceState, spaceToken: string, params: URLSearchParams, path: string): unknown {
    const rows = ws.listSpaceReports(spaceToken, listQuery(params))
    return pagedList(rows, params, path, 'reports', (r) => hal.renderReport(ws, r))
  }

  /** One page of a page-numbered listing, with Mode's end-of-list and pagination-metadata quirks. */
  function pagedList<T>(rows: T[], params: URLSearchParams, path: string, key: string, render: (row: T) => unknown): unknown {
    const requested = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1)
    const totalPages = Math.ceil(rows.length / pageSize)
    const effective = requested <= totalPages ? requested : repeatLastPage ? totalPages : 0
    const items = effective > 0 ? rows.slice((effective - 1) * pageSize, effective * pageSize) : []
    const withLinks = paginationStyle === 'links' || (paginationStyle === 'mixed' && coin.chance(0.5))
    const pageHref = (p: number): string => {
      const q = new URLSearchParams(params)
      q.set('page', String(p))
      return `${path}?${q.toString()}`
    }
    const selfQuery = params.toString()
    const links = withLinks
      ? { ...(requested < totalPages ? { next_page: { href: pageHref(requested + 1) } } : {}),
          ...(requested > 1 ? { prev_page: { href: pageHref(requested - 1) } } : {}) }
      : {}
    const extra = withLinks
      ? { pagination: { page: requested, per_page: pageSize, count: items.length, total_pages: totalPages, total_count: rows.length } }
      : {}
    return hal.list(selfQuery ? `${path}?${selfQuery}` : path, key, items.map(render), links, extra)
  }

  /**
   * The last successful run of a report, its query runs and each one's results. Only the current last successful
   * run is known here (older runs answer 404). Assumption: a run whose results Mode purged after the retention
   * period still lists its query runs, and only the results content answers 404 (Mode's exact answer is unknown).
   */
  function runRoute(ws: WorkspaceState, route: RouteName, parts: string[]): Reply {
    const r = reportOrThrow(ws, parts[2]!)
    if (!r.last_successful_run_token || parts[4] !== r.last_successful_run_token) throw new HttpError(404, 'ReportRun not found')
    const run = `/api/${ws.slug}/reports/${r.token}/runs/${r.last_successful_run_token}`
    const withResults = r.queries.filter((q) => q.result !== null)
    if (route === 'report_run') {
      return { status: 200, body: { token: r.last_successful_run_token, state: 'succeeded', created_at: r.last_run_at, updated_at: r.last_run_at,
        completed_at: r.last_run_at, purge_started_at: null, purge_completed_at: null, is_latest_report_run: true,
        is_latest_successful_report_run: true, report_has_failures_since_last_success: false,
        _links: { self: { href: run }, query_runs: { href: `${run}/query_runs` }, report: { href: `/api/${ws.slug}/reports/${r.token}` } } } }
    }
    if (route === 'query_runs') {
      return { status: 200, body: hal.list(`${run}/query_runs`, 'query_runs', withResults.map((q) => hal.renderQueryRun(ws, r, q))) }
    }
    const q = withResults.find((x) => x.result!.query_run_token === parts[6])
    if (!q) throw new HttpError(404, 'QueryRun not found')
    if (route === 'query_run') return { status: 200, body: hal.renderQueryRun(ws, r, q) }
    const result = q.result!
    if (result.fault === 'purged') throw new HttpError(404, 'Query run results have been purged')
    if (parts[8] === 'content.json') return { status: 200, body: null, raw: { bytes: resultJsonBody(result), contentType: 'application/json' } }
    const { body, contentType } = resultCsvBody(result)
    return { status: 200, body: null, raw: { bytes: body, contentType } }
  }

  function respond(res: http.ServerResponse, status: number, body: string | Buffer, contentType = HAL, headers: Record<string, string> = {}): void {
    const send = (): void => {
      if (res.destroyed || res.writableEnded) return
      res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), ...headers })
      res.end(body)
    }
    if (latencyMs > 0) setTimeout(send, latencyMs)
    else send()
  }

  function respondError(res: http.ServerResponse, err: HttpError, headers: Record<string, string> = {}): void {
    respond(res, err.status, JSON.stringify(hal.errorBody(err.id, err.message)), HAL, headers)
  }

  function serveFault(res: http.ServerResponse, fault: FaultSpec, reply: () => Reply): void {
    stats.faults_served++
    switch (fault.kind) {
      case 'timeout': {
        const entry = { res, timer: setTimeout(() => {
          held.delete(entry)
          res.destroy()
        }, timeoutHoldMs) }
        held.add(entry)
        res.on('close', () => {
          clearTimeout(entry.timer)
          held.delete(entry)
        })
        return
      }
      case 'malformed':
        // Declared as JSON, but an HTML error page from some proxy.
        respond(res, 200, '<!DOCTYPE html><html><head><title>Mode</title></head><body><h1>We\'re sorry, but something went wrong.</h1></body></html>')
        return
      case 'truncated': {
        const answer = safeReply(reply)
        const full = answer.raw ? answer.raw.bytes.toString('latin1') : JSON.stringify(answer.body)
        respond(res, 200, full.slice(0, Math.max(1, Math.floor(full.length / 2))))
        return
      }
      case 'status': {
        const status = fault.status ?? 500
        if (status === 502 || status === 504) {
          const title = status === 502 ? '502 Bad Gateway' : '504 Gateway Time-out'
          respond(res, status, `<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center></body></html>`, 'text/html')
        } else {
          respondError(res, new HttpError(status))
        }
      }
    }
  }

  function safeReply(reply: () => Reply): Reply {
    try {
      return reply()
    } catch (err) {
      const e = err instanceof HttpError ? err : new HttpError(500)
      return { status: e.status, body: hal.errorBody(e.id, e.message) }
    }
  }

  function handleRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname.startsWith('/__sim/')) {
      if (options.admin === false) {
        sendJson(res, 404, hal.errorBody('not_found', 'Not found'))
        return
      }
      handleAdmin(req, res, url).catch((err: unknown) => {
        const message = err instanceof Error ? err.message : String(err)
        sendJson(res, err instanceof SimOpError || err instanceof FaultError || err instanceof SyntaxError ? 400 : 500, { error: message })
      })
      return
    }
    if (url.pathname.startsWith('/mode.production/') || url.pathname.startsWith('/moved/')) {
      stats.previews++
      if (req.headers.authorization !== undefined) stats.previews_with_credentials++
      servePreview(req, res, url, { states, origin: serverUrl, latencyMs })
      return
    }
    const batch = url.pathname.startsWith('/batch/')
    if (!batch && !url.pathname.startsWith('/api/') && url.pathname !== '/api') {
      sendJson(res, 404, hal.errorBody('not_found', 'Not found'))
      return
    }
    const parts = url.pathname.slice(batch ? '/batch/'.length : '/api/'.length).split('/').filter(Boolean).map(decodeURIComponent)
    // Discovery (`/batch/{ws}/…`): only member activity is served; its answer sits where a workspace route's would.
    const route: RouteName = parts.length === 0 ? 'unknown' : batch ? (parts.length === 2 && parts[1] === 'members' ? 'member_activity' : 'unknown') : classify(parts)
    stats.total++
    stats.routes[route] = (stats.routes[route] ?? 0) + 1
    inFlight++
    stats.max_in_flight = Math.max(stats.max_in_flight, inFlight)
    res.on('close', () => {
      inFlight--
      stats.statuses[String(res.statusCode)] = (stats.statuses[String(res.statusCode)] ?? 0) + 1
    })

    const asMember = req.headers.authorization === memberAuth
    if (req.headers.authorization !== expectedAuth && !asMember) {
      respondError(res, new HttpError(401))
      return
    }
    if (bucket && !bucket.tryTake()) {
      stats.rate_limited++
      const sendRetryAfter = retryAfter === true || (retryAfter === 'mixed' && coin.chance(0.5))
      respondError(res, new HttpError(429), sendRetryAfter ? { 'Retry-After': String(bucket.retryAfterSeconds()) } : {})
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      respondError(res, new HttpError(404, 'The simulator serves read-only endpoints; change data through /__sim/mutate'))
      return
    }
    const reply = (): Reply => handleApi(route, parts, url.searchParams, url.pathname, url.search, asMember)
    const fault = faults.match(route)
    if (fault) {
      serveFault(res, fault, reply)
      return
    }
    const { status, body, raw } = safeReply(reply)
    if (raw) respond(res, status, raw.bytes, raw.contentType)
    else respond(res, status, JSON.stringify(hostile && status === 200 ? hostile.apply(body) : body))
  }

  async function handleAdmin(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const route = `${req.method} ${url.pathname}`
    switch (route) {
      case 'GET /__sim/truth':
        sendJson(res, 200, stateFor(url.searchParams.get('workspace') ?? undefined).truth)
        return
      case 'POST /__sim/mutate': {
        const body = (await readJson(req)) as MutateRequest
        sendJson(res, 200, { results: mutate(body) })
        return
      }
      case 'GET /__sim/stats':
        sendJson(res, 200, stats)
        return
      case 'POST /__sim/stats/reset':
        stats = emptyStats()
        sendJson(res, 200, stats)
        return
      case 'GET /__sim/faults':
        sendJson(res, 200, { faults: faults.list() })
        return
      case 'POST /__sim/faults': {
        const body = await readJson(req)
        const specs = Array.isArray(body) ? body : (body as { faults?: unknown[] }).faults ?? [body]
        faults.add(specs.map(validateFault))
        sendJson(res, 200, { faults: faults.list() })
        return
      }
      case 'DELETE /__sim/faults':
        faults.clear()
        sendJson(res, 200, { faults: [] })
        return
      default:
        sendJson(res, 404, { error: `no admin route ${route}` })
    }
  }

  const server = http.createServer(handleRequest)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const url = `http://127.0.0.1:${port}`
  serverUrl = url
  for (const s of states.values()) {
    s.previewOrigin = url
    s.clock = now
  }

  return {
    url,
    apiBase: `${url}/api`,
    workspace: primary.slug,
    workspaces: [...states.keys()],
    token,
    password,
    accountUsername: accountMember.username,
    memberToken,
    memberPassword,
    memberUsername: memberAccount.username,
    // A copy: callers keep a snapshot that later mutations do not change under them.
    truth: (workspace) => structuredClone(stateFor(workspace).truth),
    mutate,
    stats: () => structuredClone(stats),
    resetStats: () => {
      stats = emptyStats()
    },
    setFaults: (specs) => faults.set(specs.map(validateFault)),
    setLatency: (ms) => { latencyMs = Math.max(0, ms) },
    addFaults: (specs) => faults.add(specs.map(validateFault)),
    clearFaults: () => faults.clear(),
    hostileLog: () => hostile?.snapshot() ?? { degraded: {}, unreadable: {}, injected: [] },
    close: () => new Promise<void>((resolve) => {
      for (const h of held) {
        clearTimeout(h.timer)
        h.res.destroy()
      }
      held.clear()
      server.close(() => resolve())
      server.closeAllConnections()
    }),
  }
}

function emptyStats(): SimStats {
  return { total: 0, routes: {}, statuses: {}, rate_limited: 0, faults_served: 0, max_in_flight: 0, previews: 0, previews_with_credentials: 0 }
}

function workspaceToken(slug: string): string {
  return (hashString(slug).toString(16).padStart(8, '0') + hashString(`${slug}#`).toString(16).padStart(8, '0')).slice(0, 12)
}

function parseFilter(raw: string | null): ReportListQuery['filter'] {
  if (raw === null || raw === '' || raw === 'all') return null
  const m = /^(created_at|updated_at)\.(gt|lt)\.(.+)$/.exec(raw)
  const ms = m ? Date.parse(m[3]!) : Number.NaN
  if (!m || Number.isNaN(ms)) throw new HttpError(400, 'filter must look like updated_at.gt.2024-01-01T00:00:00Z')
  return { field: m[1] as OrderBy, op: m[2] as 'gt' | 'lt', ms }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) })
  res.end(text)
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > 20_000_000) throw new SimOpError('body too large')
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  return text ? JSON.parse(text) : {}
}
