// The Mode API client the sync uses: typed, validated resources over HTTP Basic auth, with a shared rate
// limiter, per-request time-outs, cancellation, retries with backoff, and errors a user can act on.
// Electron-free: runs the same in the app, the CLI, the tests and the benchmarks.
import { APP_VERSION } from '../app-info.ts'
import { DEFAULT_BASE_URL, insecureApiBaseProblem, normalizeApiBase } from './api-base.ts'
import { malformedError } from './errors.ts'
import { createHttpGet, MAX_JSON_BODY_BYTES, type HttpGetEvent } from './http-get.ts'
import { DEFAULT_MAX_PAGES } from './paginate.ts'
import { RateLimiter, type RequestLimiter } from './rate-limiter.ts'
import { createRedactor } from './redact.ts'
import { createClientRequests, type CallOptions } from './client-requests.ts'
import {
  ModeChart,
  ModeDataSource,
  ModeDefinition,
  ModeGroup,
  ModeGroupMembership,
  ModeMembership,
  ModeQuery,
  ModeReport,
  ModeSpace,
  ModeUser,
  ModeVerify,
  ModeWorkspace,
  type ModeListPage,
} from './schemas.ts'
import { ModeQueryRun, ModeSchedule } from './run-schemas.ts'
import { ModeMemberActivity, ModePermission, PERMISSION_LIST_KEYS, parseBatchPage } from './access-schemas.ts'

export { DEFAULT_BASE_URL, normalizeApiBase }
export type { CallOptions }
/** Discovery pages: its docs give a default of 1000 but require `per_page` "less than 1000", so 999 is asked for. */
const BATCH_PER_PAGE = 999

/** Names the app and version to Mode (no project URL exists yet to add as `+https://…`). */
export function defaultUserAgent(appVersion: string = APP_VERSION): string {
  return `ModeCompanion/${appVersion} (${process.platform}; Node ${process.versions.node})`
}

export type ModeClientEvent = HttpGetEvent

export interface ModeClientOptions {
  /** `https://app.mode.com` or a simulator's `http://127.0.0.1:PORT`; with or without a trailing `/api`. */
  baseUrl?: string
  token: string
  password: string
  workspace: string
  fetch?: typeof globalThis.fetch
  timeoutMs?: number
  maxAttempts?: number
  /** Shared by every client of the same Mode user; one is created when omitted. */
  limiter?: RequestLimiter
  /** Send credentials over plain http to a host other than this machine (the CLI's explicit opt-in). */
  allowInsecureHttp?: boolean
  /** Bodies larger than this fail as malformed_response (default MAX_JSON_BODY_BYTES). */
  maxBodyBytes?: number
  /** Full User-Agent; default `ModeCompanion/<appVersion> (<platform>; Node <version>)`. */
  userAgent?: string
  appVersion?: string
  onEvent?: (event: ModeClientEvent) => void
  /** Backoff before retry n (1-based) is random in [0, min(maxBackoffMs, baseBackoffMs·2^(n-1))] (full jitter). */
  baseBackoffMs?: number
  maxBackoffMs?: number
  /** A `Retry-After` longer than this is not waited for: the call fails with `rate_limited` instead. */
  maxRetryAfterMs?: number
  maxPages?: number
  random?: () => number
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
}

export interface ListSpaceReportsOptions extends CallOptions {
  order?: 'asc' | 'desc'
  orderBy?: 'updated_at' | 'created_at'
  /** Only reports updated after this instant (`filter=updated_at.gt.<ISO>`). */
  updatedAfter?: string | Date
  /** Receives each page's new reports as it arrives, so a sync can store progressively. */
  onPage?: (reports: ModeReport[], page: number) => void | Promise<void>
}

export interface ModeClientStats {
  requests: number
  rateLimited: number
  retries: number
  waitMs: number
  /** List items left out because they could not be read at all (no usable token): a count, never their content. */
  skippedItems: number
}

export type ModeClient = ReturnType<typeof createModeClient>

export function createModeClient(options: ModeClientOptions) {
  const apiBase = normalizeApiBase(options.baseUrl ?? DEFAULT_BASE_URL)
  const insecure = insecureApiBaseProblem(apiBase)
  if (insecure && !options.allowInsecureHttp) throw new TypeError(`Refusing the Mode address ${new URL(apiBase).origin}: ${insecure}.`)
  // Discovery lives beside the API: https://app.mode.com/batch/{ws}/… (a simulator: its own origin).
  const batchBase = apiBase.replace(/\/api$/, '') + '/batch'
  const workspace = options.workspace
  const ws = encodeURIComponent(workspace)
  const limiter = options.limiter ?? new RateLimiter()
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES
  const basic = Buffer.from(`${options.token}:${options.password}`, 'utf8').toString('base64')
  const http = createHttpGet({
    fetch: options.fetch ?? globalThis.fetch,
    apiBase,
    headers: {
      Authorization: `Basic ${basic}`,
      Accept: 'application/hal+json',
      'User-Agent': options.userAgent ?? defaultUserAgent(options.appVersion),
    },
    limiter,
    // Forms in which a server or proxy could echo the credentials back (as sent, or inside the Basic header).
    redact: createRedactor([basic, options.token, options.password]),
    timeoutMs: options.timeoutMs ?? 40_000,
    maxAttempts: Math.max(1, options.maxAttempts ?? 5),
    baseBackoffMs: options.baseBackoffMs ?? 1_000,
    maxBackoffMs: options.maxBackoffMs ?? 30_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 120_000,
    maxBodyBytes: options.maxBodyBytes ?? MAX_JSON_BODY_BYTES,
    random: options.random ?? Math.random,
    sleep: options.sleep ?? abortableSleep,
    onEvent: options.onEvent,
  })
  const counters = http.counters
  const { getJson, getOne, getListPage, getSinglePageList, getAllPages, pathFromHref, resolveWebUrl, skippedItems } = createClientRequests({ http, apiBase, workspace, maxPages })

  return {
    apiBase,
    limiter,

    verify: (call?: CallOptions): Promise<ModeVerify> => getOne('/verify', ModeVerify, call, true),

    /** The user behind the token. Workspace API keys may be refused here by Mode (400): prefer `verify`. */
    account: (call?: CallOptions): Promise<ModeUser> => getOne('/account', ModeUser, call, true),

    workspace: (call?: CallOptions): Promise<ModeWorkspace> => getOne(`/${ws}`, ModeWorkspace, call, true),

    /** Collections. `all` (the default) includes other users' personal collections; without it some tokens see none. */
    listSpaces: (call?: CallOptions & { filter?: 'all' | 'custom' | undefined }): Promise<ModeSpace[]> =>
      getAllPages(`/${ws}/spaces`, { filter: call?.filter ?? 'all' }, 'spaces', ModeSpace, (s) => s.token, call ?? {}, true),

    listSpaceReports: async (spaceToken: string, call: ListSpaceReportsOptions = {}): Promise<ModeReport[]> => {
      const params: Record<string, string> = {}
      if (call.updatedAfter !== undefined) {
        const iso = call.updatedAfter instanceof Date ? call.updatedAfter.toISOString() : call.updatedAfter
        params.filter = `updated_at.gt.${iso}`
      }
      if (call.order) params.order = call.order
      if (call.orderBy) params.order_by = call.orderBy
      const onPage = call.onPage
      return getAllPages(
        `/${ws}/spaces/${encodeURIComponent(spaceToken)}/reports`,
        params,
        'reports',
        ModeReport,
        (r) => r.token,
        { signal: call.signal, onPage: onPage ? (items, page) => onPage(items.map(resolveWebUrl), page) : undefined },
        false,
      ).then((reports) => reports.map(resolveWebUrl))
    },

    getReport: async (reportToken: string, call?: CallOptions): Promise<ModeReport> =>
      resolveWebUrl(await getOne(`/${ws}/reports/${encodeURIComponent(reportToken)}`, ModeReport, call)),

    /** Not paginated in practice (DataHub, OpenMetadata): one request per report. */
    listQueries: (reportToken: string, call?: CallOptions): Promise<ModeQuery[]> =>
      getSinglePageList(`/${ws}/reports/${encodeURIComponent(reportToken)}/queries`, 'queries', ModeQuery, call?.signal),

    listCharts: (reportToken: string, queryToken: string, call?: CallOptions): Promise<ModeChart[]> =>
      getSinglePageList(`/${ws}/reports/${encodeURIComponent(reportToken)}/queries/${encodeURIComponent(queryToken)}/charts`, 'charts', ModeChart, call?.signal),

    listDataSources: (call?: CallOptions): Promise<ModeDataSource[]> =>
      getAllPages(`/${ws}/data_sources`, {}, 'data_sources', ModeDataSource, (d) => d.token, call ?? {}, true),

    listDefinitions: (call?: CallOptions): Promise<ModeDefinition[]> =>
      getAllPages(`/${ws}/definitions`, {}, 'definitions', ModeDefinition, (d) => d.token, call ?? {}, true),

    /** Workspace members: the people list (username, name, email, admin, state). */
    listMemberships: (call?: CallOptions): Promise<ModeMembership[]> =>
      getAllPages(`/${ws}/memberships`, {}, 'memberships', ModeMembership, (m) => m.username, call ?? {}, true),

    /** Admin-only in Mode: other tokens get `no_access`. */
    listGroups: (call?: CallOptions): Promise<ModeGroup[]> =>
      getAllPages(`/${ws}/groups`, {}, 'groups', ModeGroup, (g) => g.token, call ?? {}, true),

    listGroupMemberships: (groupToken: string, call?: CallOptions): Promise<ModeGroupMembership[]> =>
      getAllPages(
        `/${ws}/groups/${encodeURIComponent(groupToken)}/memberships`,
        {},
        'group_memberships',
        ModeGroupMembership,
        (m) => m.token,
        call ?? {},
        false,
      ),

    /**
     * A collection's explicit grants (admin tokens; others get `no_access`). Assumed not paginated, as no peer
     * pages it: one request, and `_links.next_page` is followed only when Mode sends one (bounded, on our origin).
     */
    listSpacePermissions: async (spaceToken: string, call?: CallOptions): Promise<ModePermission[]> => {
      const all: ModePermission[] = []
      const seen = new Set<string>()
      let path: string | null = `/${ws}/spaces/${encodeURIComponent(spaceToken)}/permissions`
      for (let page = 1; path !== null && page <= maxPages; page++) {
        const result: ModeListPage<ModePermission> = await getListPage(path, PERMISSION_LIST_KEYS, ModePermission, call?.signal, false)
        const fresh = result.items.filter((p) => {
          const key = `${p.kind}:${p.accessorToken ?? ''}:${p.username ?? ''}`
          return !seen.has(key) && seen.add(key) !== undefined
        })
        if (fresh.length === 0) break
        all.push(...fresh)
        path = result.nextPageHref ? pathFromHref(result.nextPageHref) : null
      }
      return all
    },

    /**
     * Discovery-API member activity (`/batch/{ws}/members`, Enterprise plans). Mode documents Discovery calls
     * with a signature token minted by an admin (a write the app never makes), and documents no member endpoint:
     * this sends the session's own credentials and reads `members[].last_day_engaged`; any refusal is the
     * caller's "not available to this token". Pages follow `pagination.total_pages` / `_links.next_page`, bounded.
     */
    listMemberActivity: async (call?: CallOptions): Promise<ModeMemberActivity[]> => {
      const all: ModeMemberActivity[] = []
      const seen = new Set<string>()
      for (let page = 1; page <= maxPages; page++) {
        const path = `/${ws}/members?page=${page}&per_page=${BATCH_PER_PAGE}`
        const parsed = parseBatchPage(await getJson(path, call?.signal, true, undefined, batchBase), ['members', 'member_activity', 'users'], ModeMemberActivity)
        if (!parsed.ok) throw malformedError({ method: 'GET', path, workspace, workspaceLevel: true }, parsed.problem, 200)
        const fresh = parsed.page.items.filter((m) => {
          const key = m.username ?? `email:${m.email}`
          return !seen.has(key) && seen.add(key) !== undefined
        })
        all.push(...fresh)
        const last = parsed.page.totalPages !== null ? page >= parsed.page.totalPages : parsed.page.nextPageHref === null && fresh.length < BATCH_PER_PAGE
        if (fresh.length === 0 || last) break
      }
      return all
    },

    /** A collection's Mode Datasets: listed like its reports, as reports of type `DatasetReport`. */
    listSpaceDatasets: (spaceToken: string, call: ListSpaceReportsOptions = {}): Promise<ModeReport[]> =>
      getAllPages(
        `/${ws}/spaces/${encodeURIComponent(spaceToken)}/datasets`,
        { ...(call.order ? { order: call.order } : {}), ...(call.orderBy ? { order_by: call.orderBy } : {}) },
        'reports',
        ModeReport,
        (r) => r.token,
        { signal: call.signal, onPage: call.onPage },
        false,
        // Assumption: every item of this listing is a dataset, even one whose `type` is missing.
      ).then((reports) => reports.map((r) => ({ ...resolveWebUrl(r), type: r.type ?? 'DatasetReport' }))),

    /** The query runs of one report run (spec listQueryRunsForReportRun); not paginated in the simulator or in practice as far as known. */
    listQueryRuns: (reportToken: string, runToken: string, call?: CallOptions): Promise<ModeQueryRun[]> =>
      getSinglePageList(`/${ws}/reports/${encodeURIComponent(reportToken)}/runs/${encodeURIComponent(runToken)}/query_runs`, 'query_runs', ModeQueryRun, call?.signal),

    /**
     * A query run's results as CSV, handed to `consume` as a byte stream (never buffered whole here). Retries
     * apply until the body starts; a failure while `consume` reads is the caller's.
     */
    readQueryRunResults: async <T>(reportToken: string, runToken: string, queryRunToken: string, consume: (body: AsyncIterable<Uint8Array>) => Promise<T>, call?: CallOptions): Promise<T> =>
      (await getJson(
        `/${ws}/reports/${encodeURIComponent(reportToken)}/runs/${encodeURIComponent(runToken)}/query_runs/${encodeURIComponent(queryRunToken)}/results/content.csv`,
        call?.signal,
        false,
        (response) => consume((response.body ?? emptyStream()) as unknown as AsyncIterable<Uint8Array>),
      )) as T,

    /** A report's schedules (paged, per Airbyte's connector). */
    listSchedules: (reportToken: string, call?: CallOptions): Promise<ModeSchedule[]> =>
      getAllPages(`/${ws}/reports/${encodeURIComponent(reportToken)}/schedules`, {}, 'report_schedules', ModeSchedule, (s) => s.token, call ?? {}, false),

    stats: (): ModeClientStats => ({
      requests: counters.requests,
      rateLimited: counters.rateLimited,
      retries: counters.retries,
      waitMs: Math.round(counters.waitMs),
      skippedItems: skippedItems(),
    }),
  }
}

function emptyStream(): ReadableStream<Uint8Array> {
  return new ReadableStream({ start: (controller) => controller.close() })
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
