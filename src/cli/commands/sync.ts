// `sync`: copies the workspace from Mode into the local library with the same engine the desktop app uses,
// showing progress, and prints a summary (or one JSON object). Ctrl+C cancels between transactions.
import { DEFAULT_HISTORY_LIMITS } from '../../main/knowledge/history-limits.ts'
import { DEFAULT_BASE_URL } from '../../main/mode/client.ts'
import { previewOrigins } from '../../main/report-content/preview-url.ts'
import { reportContentOptions } from '../../main/sync/fetch-report-content.ts'
import { getStats, openLibrary } from '../../main/library/index.ts'
import { insecureApiBaseProblem } from '../../main/mode/api-base.ts'
import { createModeClient } from '../../main/mode/client.ts'
import { RateLimiter } from '../../main/mode/rate-limiter.ts'
import type { SyncClient } from '../../main/sync/sync-client.ts'
import { syncWorkspace } from '../../main/sync/sync-workspace.ts'
import { boolFlag, rateFlag, stringFlag, UsageError, type ParsedCommand } from '../args.ts'
import { damagedCopyNotice, librariesIn, resolveDataDir } from '../context.ts'
import { readCredentials } from '../credentials.ts'
import { errorDetails } from '../errors.ts'
import { columns, formatCount, formatDuration, printJson, skippedItemsText, styleFor, type CliIo, type Style } from '../output.ts'
import { createProgressRenderer } from '../progress.ts'
import { readAppSettings } from '../settings.ts'

export interface SyncSummary {
  kind: 'full' | 'incremental'
  outcome: string
  reports: number
  queries: number
  collections: number
  members: number
  requests: number
  rateLimited: number
  reportsChanged: number
  queriesFetched: number
  errors: number
  /** Items Mode listed but sent unreadable (left out of the library): a count, never their content. */
  itemsSkipped: number
  durationMs: number
}

export interface SyncCommandOptions {
  dataDir: string
  workspace: string
  apiBase: string | undefined
  /** Plain http to another machine was accepted explicitly (--allow-insecure-http). */
  allowInsecureHttp?: boolean
  full: boolean
  token: string
  password: string
  signal: AbortSignal
  /** Where progress goes (null = none). */
  progress: { stream: CliIo['stderr']; style: Style; indent?: string } | null
  /** Client request rate; Mode's documented limit when omitted. A local simulator may allow more. */
  rate?: { requests: number; perMs: number }
}

/** The failure that ended a run, with the technical detail the run record leaves out (for --verbose). */
export class SyncFailed extends Error {
  readonly code: string
  readonly userMessage: string
  readonly action: string | undefined
  readonly detail: unknown
  readonly summary: SyncSummary
  constructor(code: string, userMessage: string, action: string | undefined, detail: unknown, summary: SyncSummary) {
    super(userMessage)
    this.name = 'SyncFailed'
    this.code = code
    this.userMessage = userMessage
    this.action = action
    this.detail = detail
    this.summary = summary
  }
}

/** Runs one sync and returns its summary; throws SyncFailed when it failed or was cancelled. */
export async function performSync(options: SyncCommandOptions): Promise<{ summary: SyncSummary; warning: string | null }> {
  const settings = readAppSettings(options.dataDir)
  const client = createModeClient({
    baseUrl: options.apiBase,
    allowInsecureHttp: options.allowInsecureHttp,
    token: options.token,
    password: options.password,
    workspace: options.workspace,
    limiter: options.rate ? new RateLimiter({ ...options.rate, concurrency: Math.min(16, Math.max(4, Math.ceil((options.rate.requests * 1000) / options.rate.perMs / 50))) }) : undefined,
  })
  // Remember the last error a call threw: the run record keeps only its user message, --verbose wants more.
  let lastError: unknown = null
  const tracked = new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown
      if (typeof value !== 'function' || prop === 'stats' || typeof prop !== 'string' || !/^(list|workspace)/.test(prop)) return value
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args)
        } catch (error) {
          lastError = error
          throw error
        }
      }
    },
  }) as SyncClient
  const library = openLibrary({ dataDir: options.dataDir, workspace: options.workspace })
  const renderer = options.progress ? createProgressRenderer(options.progress) : null
  const started = performance.now()
  try {
    const result = await syncWorkspace({
      library,
      client: tracked,
      kind: options.full ? 'full' : 'incremental',
      includePersonalCollections: settings.includePersonalCollections,
      includeCharts: settings.includeChartsInSync,
      historyLimits: { ...DEFAULT_HISTORY_LIMITS, retentionDays: settings.historyRetentionDays },
      content: reportContentOptions(settings),
      previews: { fetch: globalThis.fetch, origins: previewOrigins(options.apiBase ?? DEFAULT_BASE_URL) },
      signal: options.signal,
      onProgress: renderer ? (p) => renderer.update(p) : undefined,
      trigger: 'cli',
    })
    renderer?.finish()
    const stats = getStats(library)
    const { run } = result
    const summary: SyncSummary = {
      kind: run.kind,
      outcome: run.outcome ?? 'failed',
      reports: stats.reports,
      queries: stats.queries,
      collections: stats.collections,
      members: stats.members,
      requests: run.requests,
      rateLimited: run.rateLimited,
      reportsChanged: run.reportsChanged,
      queriesFetched: run.queriesFetched,
      errors: run.errors,
      itemsSkipped: run.itemsSkipped,
      durationMs: Math.round(performance.now() - started),
    }
    const damaged = library.damagedCopy ? damagedCopyNotice(library.damagedCopy, true) : null
    if (run.outcome === 'success') return { summary, warning: damaged }
    if (run.outcome === 'partial') {
      const first = result.error ? ` First problem: ${result.error.message}` : ''
      const partial = `${formatCount(run.errors, 'item')} could not be fetched and kept their previous copy.${first}`
      return { summary, warning: damaged ? `${damaged} ${partial}` : partial }
    }
    if (run.outcome === 'cancelled') {
      throw new SyncFailed('cancelled', 'Sync cancelled; everything fetched so far is kept.', 'Run sync again to continue where it stopped.', null, summary)
    }
    const error = result.error ?? { code: 'internal', message: 'The sync failed.' }
    throw new SyncFailed(error.code, error.message, error.action, lastError, summary)
  } finally {
    renderer?.finish()
    await library.close()
  }
}

export async function runSync(parsed: ParsedCommand, io: CliIo, style: Style): Promise<number> {
  const dataDir = resolveDataDir(parsed, io)
  const workspace = stringFlag(parsed, 'workspace') ?? (io.env.MODE_WORKSPACE?.trim() || undefined) ?? singleLibrary(dataDir)
  const apiBase = stringFlag(parsed, 'api-base') ?? (io.env.MODE_API_BASE?.trim() || undefined)
  if (apiBase !== undefined && !/^https?:\/\/[^/]/i.test(apiBase)) throw new UsageError(`--api-base must be an http(s) URL, not "${apiBase}".`, 'sync')
  const allowInsecureHttp = boolFlag(parsed, 'allow-insecure-http')
  const insecure = apiBase === undefined ? null : insecureApiBaseProblem(apiBase)
  if (insecure && !allowInsecureHttp) {
    throw new UsageError(`Refusing --api-base ${apiBase}: ${insecure}. Use https, or add --allow-insecure-http if you accept that.`, 'sync')
  }
  const json = boolFlag(parsed, 'json')
  const rate = rateFlag(parsed)
  const { token, password } = await readCredentials(io)
  const errStyle = styleFor(io.stderr, io.env)
  if (!json) io.stderr.write(`Syncing ${style.bold(workspace)} from ${apiBase ?? 'https://app.mode.com'} into ${dataDir}\n`)
  let outcome
  try {
    outcome = await performSync({
      dataDir,
      workspace,
      apiBase,
      allowInsecureHttp,
      full: boolFlag(parsed, 'full'),
      rate,
      token,
      password,
      signal: io.signal,
      progress: { stream: io.stderr, style: errStyle },
    })
  } catch (error) {
    if (error instanceof SyncFailed && json) printJson(io, error.summary)
    if (error instanceof SyncFailed && parsed.flags.verbose === true && error.detail) {
      io.stderr.write(errStyle.dim(errorDetails(error.detail).join('\n')) + '\n')
    }
    throw error
  }
  const { summary, warning } = outcome
  if (json) printJson(io, summary)
  else io.stdout.write(describeSummary(workspace, summary, style))
  if (warning) io.stderr.write(`${errStyle.yellow('Warning:')} ${warning}\n`)
  return 0
}

function singleLibrary(dataDir: string): string {
  const found = librariesIn(dataDir)
  if (found.length === 1) return found[0]!
  throw new UsageError(
    found.length === 0 ? 'Name the workspace to sync with --workspace NAME (or $MODE_WORKSPACE).' : `Several libraries in ${dataDir} (${found.join(', ')}): choose one with --workspace NAME.`,
    'sync',
  )
}

export function describeSummary(workspace: string, s: SyncSummary, style: Style, indent = ''): string {
  const head = `${style.green('✓')} ${s.kind === 'full' ? 'Full' : 'Incremental'} sync of ${style.bold(workspace)} finished in ${formatDuration(s.durationMs)}`
  const rows = [
    ['Library', `${formatCount(s.reports, 'report')}, ${formatCount(s.queries, 'query', 'queries')}, ${formatCount(s.collections, 'collection')}, ${formatCount(s.members, 'member')}`],
    ['This run', `${formatCount(s.reportsChanged, 'report')} new or changed, SQL fetched for ${formatCount(s.queriesFetched, 'report')}`],
    ['Mode API', `${formatCount(s.requests, 'request')}${s.rateLimited ? `, ${s.rateLimited} answered "slow down" (429)` : ', none rate-limited'}`],
  ]
  if (s.itemsSkipped > 0) rows.push(['Skipped', skippedItemsText(s.itemsSkipped)])
  return [head, ...columns(rows).map((l) => `${indent}  ${l}`)].map((l, i) => (i === 0 ? indent + l : l)).join('\n') + '\n'
}
