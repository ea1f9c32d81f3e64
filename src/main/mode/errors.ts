// Every failure of a Mode API call becomes one ModeApiError with a code from the closed set in model.ts and a
// sentence the user can act on. `toAppError` (src/main/app-error.ts) passes `code`, `userMessage` and `action`
// to the UI. Messages are built from fixed text, the request path and Mode's `id`: never from headers, so the
// token and password cannot leak into them.
import type { ErrorCode } from '../../shared/model.ts'

export type ModeErrorCode = Extract<
  ErrorCode,
  | 'bad_credentials'
  | 'no_access'
  | 'not_found'
  | 'plan_no_api'
  | 'rate_limited'
  | 'server_error'
  | 'offline'
  | 'tls_or_proxy'
  | 'timeout'
  | 'malformed_response'
  | 'cancelled'
>

export interface ModeApiErrorInit {
  code: ModeErrorCode
  /** Technical detail for logs: method, path, status, Mode's id. No credentials. */
  message: string
  userMessage: string
  action?: string
  status?: number | null
  modeId?: string | null
  cause?: unknown
}

export class ModeApiError extends Error {
  readonly code: ModeErrorCode
  readonly status: number | null
  /** Mode's error `id` (`unauthorized`, `forbidden`, `not_found`, `rate_limited`, …) when the body had one. */
  readonly modeId: string | null
  readonly userMessage: string
  readonly action: string | undefined
  constructor(init: ModeApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause })
    this.name = 'ModeApiError'
    this.code = init.code
    this.status = init.status ?? null
    this.modeId = init.modeId ?? null
    this.userMessage = init.userMessage
    this.action = init.action
  }
}

export function isModeApiError(error: unknown): error is ModeApiError {
  return error instanceof ModeApiError
}

/** Where the request went, so a 404 can say whether the workspace or one object is missing. */
export interface RequestContext {
  method: string
  /** Path below the API base, e.g. `/acme/spaces/abc/reports?page=2`. */
  path: string
  workspace: string
  /** True for calls whose 404 means the workspace itself is unknown (`/{ws}`, `/{ws}/spaces`, …). */
  workspaceLevel: boolean
}

const CHECK_KEYS = 'In Mode, open Settings → API keys and check both the token and its password.'

/**
 * Mode answers plans without API access with a 403 (sometimes reported as 402) whose message talks about the
 * plan. The research found no exact body, so the heuristic is: status 402, or a 401/403 whose `id` or message
 * mentions the plan, an upgrade, a subscription, a Business/Enterprise tier, or says the API is "not available"
 * / "not enabled". A bare 403 `forbidden` stays `no_access` (the usual meaning: this token cannot see that).
 */
export function looksLikePlanWithoutApi(status: number, modeId: string | null, modeMessage: string | null): boolean {
  if (status === 402) return true
  if (status !== 403 && status !== 401) return false
  const text = `${modeId ?? ''} ${modeMessage ?? ''}`.toLowerCase()
  return (
    /\b(plan|plans|upgrade|subscription|business|enterprise|paid|billing)\b/.test(text) ||
    /\bnot (available|enabled)\b/.test(text) ||
    /\bapi access\b/.test(text)
  )
}

/** Maps an HTTP error status (and Mode's `{id, message}` body) to a ModeApiError. */
export function errorFromStatus(
  status: number,
  body: { id?: unknown; message?: unknown } | null,
  ctx: RequestContext,
): ModeApiError {
  const modeId = typeof body?.id === 'string' ? body.id : null
  const modeMessage = typeof body?.message === 'string' ? body.message.slice(0, 300) : null
  const detail = `${ctx.method} ${ctx.path} → ${status}${modeId ? ` ${modeId}` : ''}${modeMessage ? `: ${modeMessage}` : ''}`
  const base = { status, modeId, message: detail }

  if (looksLikePlanWithoutApi(status, modeId, modeMessage)) {
    return new ModeApiError({
      ...base,
      code: 'plan_no_api',
      userMessage: 'Mode says API access is not available on this workspace’s plan.',
      action: 'Ask a workspace admin whether your Mode plan includes the API, or explore the sample workspace meanwhile.',
    })
  }
  if (status === 401) {
    return new ModeApiError({
      ...base,
      code: 'bad_credentials',
      userMessage: 'Mode rejected the API token or its password.',
      action: CHECK_KEYS,
    })
  }
  if (status === 403) {
    return new ModeApiError({
      ...base,
      code: 'no_access',
      userMessage: ctx.workspaceLevel
        ? `This API token has no access to the workspace "${ctx.workspace}".`
        : 'This API token has no access to this item in Mode (it may have been deleted or made private).',
      action: 'Use a token of a workspace member who can see it, or ask a workspace admin for access.',
    })
  }
  if (status === 404) {
    const workspaceMissing = ctx.workspaceLevel || /workspace/i.test(modeMessage ?? '')
    return new ModeApiError({
      ...base,
      code: 'not_found',
      userMessage: workspaceMissing
        ? `The workspace "${ctx.workspace}" was not found, or this token is not a member of it.`
        : 'Mode no longer has this item (it may have been deleted or moved).',
      action: workspaceMissing
        ? 'Check the workspace name: it is the part after app.mode.com/ in your browser’s address bar.'
        : 'Sync again to refresh the library.',
    })
  }
  if (status === 407) {
    return new ModeApiError({
      ...base,
      code: 'tls_or_proxy',
      userMessage: 'A proxy between this computer and Mode asked for credentials.',
      action: 'Check your proxy settings or ask your IT team to allow app.mode.com.',
    })
  }
  if (status === 408) return timeoutError(ctx, base.message)
  if (status === 429) {
    return new ModeApiError({
      ...base,
      code: 'rate_limited',
      userMessage: 'Mode is limiting how fast this token may call its API.',
      action: 'Wait a minute and try again; other tools using the same token share the limit.',
    })
  }
  if (status >= 500) {
    return new ModeApiError({
      ...base,
      code: 'server_error',
      userMessage: `Mode had a problem answering (HTTP ${status}).`,
      action: 'Try again in a few minutes; if it persists, check status.mode.com.',
    })
  }
  // 400 and anything unexpected: Mode refused the request itself (e.g. "unsupported for use with Api Keys").
  return new ModeApiError({
    ...base,
    code: status === 400 && /api ?keys?/i.test(modeMessage ?? '') ? 'no_access' : 'server_error',
    userMessage: `Mode refused the request (HTTP ${status}${modeId ? `, ${modeId}` : ''}).`,
    action: 'Try again later; if it persists, this Mode Companion version may not support your token kind.',
  })
}

export function timeoutError(ctx: RequestContext, detail?: string): ModeApiError {
  return new ModeApiError({
    code: 'timeout',
    message: detail ?? `${ctx.method} ${ctx.path} timed out`,
    userMessage: 'Mode did not answer in time.',
    action: 'Check your connection and try again; large workspaces can be slow at busy times.',
  })
}

export function cancelledError(ctx: RequestContext | null): ModeApiError {
  return new ModeApiError({
    code: 'cancelled',
    message: ctx ? `${ctx.method} ${ctx.path} cancelled` : 'cancelled',
    userMessage: 'The request to Mode was cancelled.',
  })
}

export function malformedError(ctx: RequestContext, problem: string, status: number | null): ModeApiError {
  return new ModeApiError({
    code: 'malformed_response',
    status,
    message: `${ctx.method} ${ctx.path}: unexpected response (${problem})`,
    userMessage: 'Mode sent an answer Mode Companion could not read.',
    action: 'Try again; if it keeps happening, a proxy may be altering responses or Mode changed its API.',
  })
}

const TLS_CODES = /CERT|^ERR_TLS|^ERR_SSL|SSL|TLS|^EPROTO$|^UNABLE_TO_|SIGNATURE|SELF_SIGNED|HOSTNAME_MISMATCH/i
const PROXY_CODES = /PROXY|^UND_ERR_PROXY/i
const OFFLINE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_CLOSED',
])

/** Walks `cause` chains and AggregateErrors for the system error codes undici wraps in "fetch failed". */
export function networkErrorCodes(error: unknown): string[] {
  const codes: string[] = []
  const seen = new Set<unknown>()
  const visit = (e: unknown, depth: number): void => {
    if (depth > 6 || typeof e !== 'object' || e === null || seen.has(e)) return
    seen.add(e)
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string') codes.push(code)
    visit((e as { cause?: unknown }).cause, depth + 1)
    const errors = (e as { errors?: unknown }).errors
    if (Array.isArray(errors)) for (const inner of errors) visit(inner, depth + 1)
  }
  visit(error, 0)
  return codes
}

/** A thrown fetch error (no HTTP answer) → offline or TLS/proxy. Time-outs and cancels are decided by the caller. */
export function errorFromNetwork(error: unknown, ctx: RequestContext): ModeApiError {
  const codes = networkErrorCodes(error)
  const messages = collectMessages(error)
  const tls = codes.find((c) => TLS_CODES.test(c)) ?? (/certificate|ssl|tls/i.test(messages) ? 'TLS' : undefined)
  const proxy = codes.find((c) => PROXY_CODES.test(c)) ?? (/proxy/i.test(messages) ? 'PROXY' : undefined)
  if (tls || proxy) {
    return new ModeApiError({
      code: 'tls_or_proxy',
      message: `${ctx.method} ${ctx.path} failed: ${tls ?? proxy}`,
      userMessage: tls
        ? 'The secure connection to Mode failed (the certificate was not trusted).'
        : 'A proxy between this computer and Mode refused the connection.',
      action: 'If your company inspects HTTPS traffic, ask IT to allow app.mode.com or install its certificate.',
      cause: error,
    })
  }
  const code = codes.find((c) => OFFLINE_CODES.has(c)) ?? codes[0] ?? 'network error'
  const dns = code === 'ENOTFOUND' || code === 'EAI_AGAIN'
  return new ModeApiError({
    code: 'offline',
    message: `${ctx.method} ${ctx.path} failed: ${code}`,
    userMessage: dns ? 'Mode’s address could not be looked up (no network or DNS failure).' : 'Mode could not be reached.',
    action: 'Check your internet connection; your library stays available offline.',
    cause: error,
  })
}

function collectMessages(error: unknown): string {
  const parts: string[] = []
  let e: unknown = error
  for (let i = 0; i < 6 && typeof e === 'object' && e !== null; i++) {
    const m = (e as { message?: unknown }).message
    if (typeof m === 'string') parts.push(m)
    e = (e as { cause?: unknown }).cause
  }
  return parts.join(' | ')
}
