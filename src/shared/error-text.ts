// The user-facing sentences for every failure of a call to Mode, written once: the Mode client attaches them
// to its errors, the app's screens show them (the setup wizard adds only a headline and the field to fix),
// and the CLI prints them. Only names the user typed (the workspace) and numbers are interpolated, never
// anything from a header or a credential.
import type { ErrorCode } from './errors.ts'

/** A failure more precise than its code: the code decides behaviour, the kind decides the words. */
export type ModeFailureKind =
  | 'bad_credentials'
  | 'no_access_workspace'
  | 'no_access_item'
  | 'not_found_workspace'
  | 'not_found_item'
  | 'plan_no_api'
  | 'rate_limited'
  | 'server_error'
  | 'refused'
  | 'offline'
  | 'offline_dns'
  | 'tls'
  | 'proxy'
  | 'proxy_auth'
  | 'redirect_refused'
  | 'timeout'
  | 'malformed_response'
  | 'cancelled'

export interface ErrorText {
  code: ErrorCode
  message: string
  action?: string
}

export interface ErrorTextContext {
  workspace?: string
  status?: number
  modeId?: string | null
}

const TRY_LATER = 'Try again in a few minutes; status.mode.com shows whether Mode has an incident.'
const CORPORATE_NETWORK = 'Check your proxy settings, or ask your IT team to allow app.mode.com or to install its certificate, then try again.'

type Sentence = [code: ErrorCode, message: string, action?: string]
type Words = Sentence | ((ctx: ErrorTextContext, ws: string) => Sentence)

// One line per kind: the code it has, what happened, and what to do.
const WORDS: Record<ModeFailureKind, Words> = {
  bad_credentials: ['bad_credentials', 'Mode did not accept the API token and password: one is wrong, or the API key was deleted in Mode.', 'Copy both values again from the same API key in Mode (Settings → API keys), or create a new key: its password is shown only once.'],
  no_access_workspace: (_ctx, ws) => ['no_access', `The credentials are valid, but their account is not a member of the workspace ${ws} or may not use its API.`, 'Use an API key created in this workspace, or ask a workspace admin to give the account access.'],
  no_access_item: ['no_access', 'This API token has no access to this item in Mode (it may have been deleted or made private).', 'Use a token of a workspace member who can see it, or ask a workspace admin for access.'],
  not_found_workspace: (_ctx, ws) => ['not_found', `Mode has no workspace ${ws}, or this token’s account is not a member of it.`, 'Check the name right after app.mode.com/ in any address of your workspace, or paste such an address.'],
  not_found_item: ['not_found', 'Mode no longer has this item (it may have been deleted or moved).', 'Sync again to refresh the library.'],
  plan_no_api: ['plan_no_api', 'Mode says API access is not available on this workspace’s plan; Mode Companion reads the library through the API.', 'Ask a workspace admin whether your Mode plan includes the API; meanwhile you can explore the sample workspace.'],
  rate_limited: ['rate_limited', 'Mode is limiting how fast this token may call its API.', 'Wait a minute and try again; other tools using the same token share the limit.'],
  server_error: (ctx, _ws) => ['server_error', `Mode had a problem answering${ctx.status ? ` (HTTP ${ctx.status})` : ''}; this is on Mode’s side and usually passes within minutes.`, TRY_LATER],
  refused: (ctx, _ws) => ['server_error', `Mode refused the request (HTTP ${ctx.status ?? '?'}${ctx.modeId ? `, ${ctx.modeId}` : ''}).`, 'Try again later; if it persists, this Mode Companion version may not support your token kind.'],
  offline: ['offline', 'Mode could not be reached: the network may be down.', 'Check your internet connection and try again; your library stays available offline.'],
  offline_dns: ['offline', 'Mode’s address could not be looked up (no network or DNS failure).', 'Check your internet connection and try again; your library stays available offline.'],
  tls: ['tls_or_proxy', 'The secure connection to Mode failed: the certificate was not trusted. A company proxy, VPN or security software that inspects traffic is the usual cause.', CORPORATE_NETWORK],
  proxy: ['tls_or_proxy', 'A proxy between this computer and Mode refused the connection.', CORPORATE_NETWORK],
  proxy_auth: ['tls_or_proxy', 'The proxy between this computer and Mode needs authentication (HTTP 407).', 'Put the proxy user and password in HTTPS_PROXY (http://user:password@proxy:port), or ask your IT team to allow app.mode.com without a proxy login.'],
  redirect_refused: ['tls_or_proxy', 'Mode’s address redirected to another site; Mode Companion does not send your credentials there.', 'If a network login page or proxy sits in the way, sign in to it in your browser, or ask your IT team to allow app.mode.com.'],
  timeout: ['timeout', 'Mode did not answer in time; the connection is very slow or was interrupted.', 'Check your connection and try again; large workspaces can be slow at busy times.'],
  malformed_response: ['malformed_response', 'Mode sent an answer Mode Companion could not read; a proxy or captive portal may have changed it.', 'Try again; if it persists, check whether you need to sign in to your network first.'],
  cancelled: ['cancelled', 'The request to Mode was cancelled.'],
}

export function modeErrorText(kind: ModeFailureKind, ctx: ErrorTextContext = {}): ErrorText {
  const words = WORDS[kind]
  const [code, message, action] = typeof words === 'function' ? words(ctx, ctx.workspace ? `"${ctx.workspace}"` : 'this workspace') : words
  return action ? { code, message, action } : { code, message }
}
