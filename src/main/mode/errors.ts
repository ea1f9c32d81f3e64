// Every failure of a Mode API call becomes one ModeApiError: an AppFailure (src/shared/errors.ts) with a code
// from the closed list, the user-facing sentence for its kind (src/shared/error-text.ts) and a technical
// `message` for logs. Messages are built from fixed text, the request path and Mode's `id`: never from
// headers, so the token and password cannot leak into them.
import { AppFailure, type ErrorCode } from '../../shared/errors.ts'
import { modeErrorText, type ModeFailureKind } from '../../shared/error-text.ts'

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
  kind: ModeFailureKind
  /** Overrides the kind's code where behaviour differs from the words (a 400 about API keys is no access). */
  code?: ModeErrorCode
  /** Technical detail for logs: method, path, status, Mode's id. No credentials. */
  message: string
  workspace?: string
  status?: number | null
  modeId?: string | null
  cause?: unknown
}

export class ModeApiError extends AppFailure {
  declare readonly code: ModeErrorCode
  readonly kind: ModeFailureKind
  readonly status: number | null
  /** Mode's error `id` (`unauthorized`, `forbidden`, `not_found`, `rate_limited`, …) when the body had one. */
  readonly modeId: string | null
  constructor(init: ModeApiErrorInit) {
    const text = modeErrorText(init.kind, { workspace: init.workspace, status: init.status ?? undefined, modeId: init.modeId })
    super(init.code ?? text.code, text.message, text.action, { detail: init.message, cause: init.cause })
    this.name = 'ModeApiError'
    this.kind = init.kind
    this.status = init.status ?? null
    this.modeId = init.modeId ?? null
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
  const base = { status, modeId, message: detail, workspace: ctx.workspace }

  if (looksLikePlanWithoutApi(status, modeId, modeMessage)) return new ModeApiError({ ...base, kind: 'plan_no_api' })
  if (status === 401) return new ModeApiError({ ...base, kind: 'bad_credentials' })
  if (status === 403) return new ModeApiError({ ...base, kind: ctx.workspaceLevel ? 'no_access_workspace' : 'no_access_item' })
  if (status === 404) {
    const workspaceMissing = ctx.workspaceLevel || /workspace/i.test(modeMessage ?? '')
    return new ModeApiError({ ...base, kind: workspaceMissing ? 'not_found_workspace' : 'not_found_item' })
  }
  if (status === 407) return proxyAuthError(base.message, modeId)
  if (status === 408) return timeoutError(ctx, base.message)
  if (status === 429) return new ModeApiError({ ...base, kind: 'rate_limited' })
  if (status >= 500) return new ModeApiError({ ...base, kind: 'server_error' })
  // 400 and anything unexpected: Mode refused the request itself (e.g. "unsupported for use with Api Keys").
  return new ModeApiError({ ...base, kind: 'refused', code: status === 400 && /api ?keys?/i.test(modeMessage ?? '') ? 'no_access' : 'server_error' })
}

export function timeoutError(ctx: RequestContext, detail?: string): ModeApiError {
  return new ModeApiError({ kind: 'timeout', message: detail ?? `${ctx.method} ${ctx.path} timed out` })
}

export function cancelledError(ctx: RequestContext | null): ModeApiError {
  return new ModeApiError({ kind: 'cancelled', message: ctx ? `${ctx.method} ${ctx.path} cancelled` : 'cancelled' })
}

export function malformedError(ctx: RequestContext, problem: string, status: number | null): ModeApiError {
  return new ModeApiError({ kind: 'malformed_response', status, message: `${ctx.method} ${ctx.path}: unexpected response (${problem})` })
}

/** The body went past the size cap: a broken or hostile server, never something another attempt would fix. */
export function responseTooLargeError(ctx: RequestContext, maxBytes: number, status: number): ModeApiError {
  return malformedError(ctx, `body larger than ${Math.round(maxBytes / (1024 * 1024))} MiB`, status)
}

/**
 * Mode (or something pretending to be it: a captive portal, a proxy) answered with a redirect the client will
 * not follow, because the Authorization header would go with it. `target` is the origin only, already redacted.
 */
export function redirectRefusedError(ctx: RequestContext, target: string | null, status: number | null): ModeApiError {
  return new ModeApiError({ kind: 'redirect_refused', status, message: `${ctx.method} ${ctx.path}: redirect${target ? ` to ${target}` : ''} not followed` })
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
  // Electron's net.fetch rejects a redirect it was told not to follow ("Redirect was cancelled", "Attempted to
  // redirect, but redirect policy was 'error'"); Node's says "unexpected redirect". No target is known then.
  if (/\bredirect/i.test(messages)) return redirectRefusedError(ctx, null, null)
  // Node's proxy agent: "Proxy response (407) !== 200 when HTTP Tunneling"; a 407 answered directly arrives as a status.
  const proxyStatus = /proxy response \((\d{3})\)/i.exec(messages)?.[1]
  if (proxyStatus === '407') return proxyAuthError(`${ctx.method} ${ctx.path} failed: proxy 407`, null, error)
  const tls = codes.find((c) => TLS_CODES.test(c)) ?? (/certificate|ssl|tls/i.test(messages) ? 'TLS' : undefined)
  const proxy = codes.find((c) => PROXY_CODES.test(c)) ?? (/proxy/i.test(messages) ? 'PROXY' : undefined)
  if (tls || proxy) {
    return new ModeApiError({ kind: tls ? 'tls' : 'proxy', message: `${ctx.method} ${ctx.path} failed: ${tls ?? proxy}`, cause: error })
  }
  const code = codes.find((c) => OFFLINE_CODES.has(c)) ?? codes[0] ?? 'network error'
  const dns = code === 'ENOTFOUND' || code === 'EAI_AGAIN'
  return new ModeApiError({ kind: dns ? 'offline_dns' : 'offline', message: `${ctx.method} ${ctx.path} failed: ${code}`, cause: error })
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

/** A proxy answered 407: it wants credentials of its own (never the Mode token), which the CLI cannot supply. */
function proxyAuthError(message: string, modeId: string | null, cause?: unknown): ModeApiError {
  return new ModeApiError({ kind: 'proxy_auth', status: 407, modeId, message, cause })
}
