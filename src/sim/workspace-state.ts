// One simulated workspace: the live truth plus the indexes that keep every API request O(page). Listings of a
// collection's reports are sorted once per (collection, order_by) and cached; a mutation invalidates only the
// collections it touched.

import { hashString } from './prng.ts'
import type { Truth, TruthDataset, TruthGroup, TruthMember, TruthReport, TruthSpace } from './truth.ts'

export type OrderBy = 'created_at' | 'updated_at'

export interface ReportListQuery {
  orderBy: OrderBy
  order: 'asc' | 'desc'
  /** Parsed `filter=<field>.<gt|lt>.<ISO>`. */
  filter: { field: OrderBy; op: 'gt' | 'lt'; ms: number } | null
}

const MAX_CACHED_LISTINGS = 2_000

export class WorkspaceState {
  readonly truth: Truth
  /** False when the simulator's account is not a member: every workspace route then answers 403. */
  readonly accountIsMember: boolean
  readonly reports = new Map<string, TruthReport>()
  readonly spaces = new Map<string, TruthSpace>()
  readonly members = new Map<string, TruthMember>()
  readonly groups = new Map<string, TruthGroup>()
  readonly datasets = new Map<string, TruthDataset>()
  /** Where pre-signed preview URLs point (the simulator's own origin, standing in for Mode's storage host). */
  previewOrigin = 'http://127.0.0.1'
  /** Wall clock (ms) for pre-signed URLs' X-Amz-Date. */
  clock: () => number = Date.now
  /** Tokens of collections deleted through mutations: Mode answers 403 for them, not 404. */
  readonly deletedSpaces = new Set<string>()
  /** Who created each collection (Mode's `_links.creator`); personal ones belong to their owner. */
  readonly spaceCreators = new Map<string, string>()
  /** Every user ever seen, so `/api/{username}` still resolves a creator who has left the workspace. */
  readonly knownUsers = new Map<string, TruthMember>()
  readonly workspaceId: number
  /** Ids for objects created by mutations (generated ids stay far below). */
  nextId = 90_000_000
  private readonly reportsBySpace = new Map<string, Set<string>>()
  private readonly sorted = new Map<string, TruthReport[]>()
  private readonly listings = new Map<string, TruthReport[]>()

  constructor(truth: Truth, accountIsMember = true) {
    this.truth = truth
    this.accountIsMember = accountIsMember
    this.workspaceId = 751_000 + (hashString(truth.workspace.username) % 9_000)
    for (const m of truth.members) {
      this.members.set(m.username, m)
      this.knownUsers.set(m.username, m)
    }
    const activeUsernames = truth.members.map((m) => m.username)
    for (const s of truth.spaces) {
      this.spaces.set(s.token, s)
      this.reportsBySpace.set(s.token, new Set())
      this.spaceCreators.set(s.token, s.personal_owner_username
        ?? activeUsernames[hashString(s.token) % Math.max(1, activeUsernames.length)] ?? truth.account_username)
    }
    for (const g of truth.groups) this.groups.set(g.token, g)
    for (const d of truth.datasets) this.datasets.set(d.token, d)
    for (const r of truth.reports) {
      this.reports.set(r.token, r)
      this.spaceSet(r.space_token).add(r.token)
    }
  }

  get slug(): string {
    return this.truth.workspace.username
  }

  private spaceSet(spaceToken: string): Set<string> {
    let set = this.reportsBySpace.get(spaceToken)
    if (!set) {
      set = new Set()
      this.reportsBySpace.set(spaceToken, set)
    }
    return set
  }

  /** Call after any change to a collection's reports (added, removed, re-timestamped). */
  invalidateSpace(spaceToken: string): void {
    this.sorted.delete(`${spaceToken}|created_at`)
    this.sorted.delete(`${spaceToken}|updated_at`)
    for (const key of this.listings.keys()) if (key.startsWith(`${spaceToken}|`)) this.listings.delete(key)
  }

  addReport(report: TruthReport): void {
    this.truth.reports.push(report)
    this.reports.set(report.token, report)
    this.spaceSet(report.space_token).add(report.token)
    this.invalidateSpace(report.space_token)
  }

  removeReports(tokens: Set<string>): void {
    if (tokens.size === 0) return
    this.truth.reports = this.truth.reports.filter((r) => !tokens.has(r.token))
    for (const token of tokens) {
      const report = this.reports.get(token)
      if (!report) continue
      // Kept in the truth so tests can check what the library's tombstones say about deleted reports.
      this.truth.deleted_reports ??= []
      this.truth.deleted_reports.push(structuredClone(report))
      this.reports.delete(token)
      this.reportsBySpace.get(report.space_token)?.delete(token)
      this.invalidateSpace(report.space_token)
    }
  }

  moveReport(report: TruthReport, spaceToken: string): void {
    this.reportsBySpace.get(report.space_token)?.delete(report.token)
    this.invalidateSpace(report.space_token)
    report.space_token = spaceToken
    this.spaceSet(spaceToken).add(report.token)
    this.invalidateSpace(spaceToken)
  }

  /** A collection's datasets in the requested order and filter (few per collection: sorted per request). */
  listSpaceDatasets(spaceToken: string, q: ReportListQuery): TruthDataset[] {
    let rows = this.truth.datasets.filter((d) => d.space_token === spaceToken)
    if (q.filter) {
      const { field, op, ms } = q.filter
      rows = rows.filter((d) => (op === 'gt' ? Date.parse(d[field]) > ms : Date.parse(d[field]) < ms))
    }
    rows.sort((a, b) => (a[q.orderBy] < b[q.orderBy] ? -1 : a[q.orderBy] > b[q.orderBy] ? 1 : a.id - b.id))
    return q.order === 'desc' ? rows.reverse() : rows
  }

  removeDatasetsInSpace(spaceToken: string): void {
    for (const d of this.truth.datasets) if (d.space_token === spaceToken) this.datasets.delete(d.token)
    this.truth.datasets = this.truth.datasets.filter((d) => d.space_token !== spaceToken)
  }

  reportTokensInSpace(spaceToken: string): ReadonlySet<string> {
    return this.reportsBySpace.get(spaceToken) ?? new Set()
  }

  /** The collection's reports in the requested order and filter; cached until the collection changes. */
  listSpaceReports(spaceToken: string, q: ReportListQuery): TruthReport[] {
    const key = `${spaceToken}|${q.orderBy}|${q.order}|${q.filter ? `${q.filter.field}.${q.filter.op}.${q.filter.ms}` : ''}`
    const cached = this.listings.get(key)
    if (cached) return cached
    const ascending = this.sortedAscending(spaceToken, q.orderBy)
    let rows = ascending
    if (q.filter) {
      const { field, op, ms } = q.filter
      if (field === q.orderBy) {
        // Sorted on the filtered field: one binary search instead of a scan.
        rows = op === 'gt'
          ? ascending.slice(lowerBound(ascending, (r) => Date.parse(r[field]) > ms))
          : ascending.slice(0, lowerBound(ascending, (r) => Date.parse(r[field]) >= ms))
      } else {
        rows = ascending.filter((r) => (op === 'gt' ? Date.parse(r[field]) > ms : Date.parse(r[field]) < ms))
      }
    }
    if (q.order === 'desc') rows = [...rows].reverse()
    if (this.listings.size >= MAX_CACHED_LISTINGS) this.listings.clear()
    this.listings.set(key, rows)
    return rows
  }

  private sortedAscending(spaceToken: string, orderBy: OrderBy): TruthReport[] {
    const key = `${spaceToken}|${orderBy}`
    let rows = this.sorted.get(key)
    if (!rows) {
      rows = [...this.reportTokensInSpace(spaceToken)].map((t) => this.reports.get(t)!)
      // ISO-8601 strings in one format sort like their instants; ties broken by id for a stable order.
      rows.sort((a, b) => (a[orderBy] < b[orderBy] ? -1 : a[orderBy] > b[orderBy] ? 1 : a.id - b.id))
      this.sorted.set(key, rows)
    }
    return rows
  }
}

/** First index whose item satisfies `pred` (pred must be false…false,true…true over the array). */
function lowerBound<T>(items: T[], pred: (item: T) => boolean): number {
  let lo = 0
  let hi = items.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (pred(items[mid]!)) hi = mid
    else lo = mid + 1
  }
  return lo
}
