// What the wizard says for each way "Connect" can fail: a headline, why it happened, what to do next, which
// field to put the cursor in, and which extra button helps (try again, open Mode, the sample workspace).
import type { AppError } from '../../../../shared/model.ts'
import type { FieldName } from './credentials-form.ts'

export interface ConnectErrorView {
  code: AppError['code']
  title: string
  explanation: string
  action: string
  /** Main's own message, shown where the wizard's words are generic (unexpected failures, invalid input). */
  detail: string | null
  focus: FieldName | null
  offer: 'retry' | 'open-mode' | 'sample' | null
}

export function describeConnectError(error: AppError, workspace: string): ConnectErrorView {
  const ws = workspace ? `“${workspace}”` : 'this workspace'
  // The known causes get the wizard's own words (written for this moment, with the field to fix); main's
  // message would repeat them. Generic ones keep main's message as the detail.
  const base = (view: Omit<ConnectErrorView, 'code' | 'detail'>, withDetail = false): ConnectErrorView => ({
    ...view,
    code: error.code,
    detail: withDetail && error.message && error.message !== view.explanation ? error.message : null,
  })
  switch (error.code) {
    case 'bad_credentials':
      return base({
        title: 'Mode did not accept this token and password',
        explanation: 'The token or its password is wrong, or the API key was deleted in Mode. Both values must come from the same API key.',
        action: 'Copy the token and password again from Mode, or create a new API key and use its values.',
        focus: 'token',
        offer: 'open-mode',
      })
    case 'not_found':
      return base({
        title: `Workspace ${ws} was not found`,
        explanation: 'Mode has no workspace with this name, or the API key belongs to a different workspace.',
        action: 'Check the name right after app.mode.com/ in any address of your workspace, or paste such an address.',
        focus: 'workspace',
        offer: null,
      })
    case 'no_access':
      return base({
        title: `This token cannot read workspace ${ws}`,
        explanation: 'The credentials are valid, but their account is not a member of this workspace or is not allowed to use its API.',
        action: 'Use an API key created in this workspace, or ask a workspace admin to give the account access.',
        focus: 'workspace',
        offer: null,
      })
    case 'plan_no_api':
      return base({
        title: "This workspace's Mode plan has no API access",
        explanation: 'Mode offers its API on paid plans only, and Mode Companion reads the library through it.',
        action: 'Ask your Mode admin about API access. Meanwhile, you can explore the sample workspace.',
        focus: null,
        offer: 'sample',
      })
    case 'offline':
    case 'timeout':
      return base({
        title: error.code === 'timeout' ? 'Mode did not answer in time' : 'Mode cannot be reached — you seem to be offline',
        explanation: error.code === 'timeout'
          ? 'The connection to app.mode.com is very slow or was interrupted.'
          : 'This computer could not reach app.mode.com. The network may be down or the name could not be looked up.',
        action: 'Check your internet connection, then try again. What you typed is kept.',
        focus: null,
        offer: 'retry',
      })
    case 'tls_or_proxy':
      return base({
        title: 'A proxy or certificate problem blocked the connection',
        explanation: "The secure connection to app.mode.com could not be verified. A company proxy, VPN or security software that inspects traffic is the usual cause.",
        action: 'Check your proxy settings or ask your IT team to allow app.mode.com, then try again.',
        focus: null,
        offer: 'retry',
      })
    case 'server_error':
      return base({
        title: 'Mode is unavailable right now',
        explanation: 'Mode answered with a server error. This is on Mode’s side and usually passes within minutes.',
        action: 'Try again in a few minutes. What you typed is kept.',
        focus: null,
        offer: 'retry',
      })
    case 'rate_limited':
      return base({
        title: 'Mode asked to slow down',
        explanation: 'Too many requests reached Mode from this account in a short time.',
        action: 'Wait a minute, then try again.',
        focus: null,
        offer: 'retry',
      })
    case 'malformed_response':
      return base({
        title: 'Mode sent an answer the app does not understand',
        explanation: 'Something between this computer and Mode (a proxy or captive portal) may have changed the response.',
        action: 'Try again; if it persists, check whether you need to sign in to your network first.',
        focus: null,
        offer: 'retry',
      })
    case 'storage_unavailable':
      return base({
        title: 'The credentials cannot be stored securely on this computer',
        explanation: 'The operating system’s keychain is not available to Mode Companion.',
        action: 'Keep the credentials for this session only, or unlock your keychain and try again.',
        focus: 'storage',
        offer: null,
      })
    case 'invalid_input':
      return base({
        title: 'Some fields need attention',
        explanation: 'The app could not use what was entered.',
        action: 'Check the workspace, token and password, then connect again.',
        focus: 'workspace',
        offer: null,
      }, true)
    default:
      return base({
        title: 'Could not connect',
        explanation: 'Something unexpected went wrong while checking the credentials.',
        action: error.action ?? 'Try again. If it keeps failing, restart the app.',
        focus: null,
        offer: 'retry',
      }, true)
  }
}
