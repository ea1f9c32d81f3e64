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

export function modeErrorText(kind: ModeFailureKind, ctx: ErrorTextContext = {}): ErrorText {
  const ws = ctx.workspace ? `"${ctx.workspace}"` : 'this workspace'
  switch (kind) {
    case 'bad_credentials':
      return {
        code: 'bad_credentials',
        message: 'Mode did not accept the API token and password: one is wrong, or the API key was deleted in Mode.',
        action: 'Copy both values again from the same API key in Mode (Settings → API keys), or create a new key: its password is shown only once.',
      }
    case 'no_access_workspace':
      return {
        code: 'no_access',
        message: `The credentials are valid, but their account is not a member of the workspace ${ws} or may not use its API.`,
        action: 'Use an API key created in this workspace, or ask a workspace admin to give the account access.',
      }
    case 'no_access_item':
      return {
        code: 'no_access',
        message: 'This API token has no access to this item in Mode (it may have been deleted or made private).',
        action: 'Use a token of a workspace member who can see it, or ask a workspace admin for access.',
      }
    case 'not_found_workspace':
      return {
        code: 'not_found',
        message: `Mode has no workspace ${ws}, or this token’s account is not a member of it.`,
        action: 'Check the name right after app.mode.com/ in any address of your workspace, or paste such an address.',
      }
    case 'not_found_item':
      return { code: 'not_found', message: 'Mode no longer has this item (it may have been deleted or moved).', action: 'Sync again to refresh the library.' }
    case 'plan_no_api':
      return {
        code: 'plan_no_api',
        message: 'Mode says API access is not available on this workspace’s plan; Mode Companion reads the library through the API.',
        action: 'Ask a workspace admin whether your Mode plan includes the API; meanwhile you can explore the sample workspace.',
      }
    case 'rate_limited':
      return {
        code: 'rate_limited',
        message: 'Mode is limiting how fast this token may call its API.',
        action: 'Wait a minute and try again; other tools using the same token share the limit.',
      }
    case 'server_error':
      return { code: 'server_error', message: `Mode had a problem answering${ctx.status ? ` (HTTP ${ctx.status})` : ''}; this is on Mode’s side and usually passes within minutes.`, action: TRY_LATER }
    case 'refused':
      return {
        code: 'server_error',
        message: `Mode refused the request (HTTP ${ctx.status ?? '?'}${ctx.modeId ? `, ${ctx.modeId}` : ''}).`,
        action: 'Try again later; if it persists, this Mode Companion version may not support your token kind.',
      }
    case 'offline':
      return { code: 'offline', message: 'Mode could not be reached: the network may be down.', action: 'Check your internet connection and try again; your library stays available offline.' }
    case 'offline_dns':
      return { code: 'offline', message: 'Mode’s address could not be looked up (no network or DNS failure).', action: 'Check your internet connection and try again; your library stays available offline.' }
    case 'tls':
      return { code: 'tls_or_proxy', message: 'The secure connection to Mode failed: the certificate was not trusted. A company proxy, VPN or security software that inspects traffic is the usual cause.', action: CORPORATE_NETWORK }
    case 'proxy':
      return { code: 'tls_or_proxy', message: 'A proxy between this computer and Mode refused the connection.', action: CORPORATE_NETWORK }
    case 'proxy_auth':
      return { code: 'tls_or_proxy', message: 'A proxy between this computer and Mode asked for credentials.', action: CORPORATE_NETWORK }
    case 'timeout':
      return { code: 'timeout', message: 'Mode did not answer in time; the connection is very slow or was interrupted.', action: 'Check your connection and try again; large workspaces can be slow at busy times.' }
    case 'malformed_response':
      return {
        code: 'malformed_response',
        message: 'Mode sent an answer Mode Companion could not read; a proxy or captive portal may have changed it.',
        action: 'Try again; if it persists, check whether you need to sign in to your network first.',
      }
    case 'cancelled':
      return { code: 'cancelled', message: 'The request to Mode was cancelled.' }
  }
}
