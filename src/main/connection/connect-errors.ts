// What "Connect" answers when the live check fails: one precise AppError per cause, each with the next step.
// The Mode client already turns HTTP and network failures into coded errors with fixed-text messages; here
// they are reworded for the moment of connecting (e.g. a 404 during connect means the workspace name is wrong
// or the token's user is not a member). No message is built from user input other than the workspace name.
import { isModeApiError } from '../mode/errors.ts'
import { toAppError } from '../app-error.ts'
import type { AppError } from '../../shared/model.ts'

export function connectError(error: unknown, workspace: string): AppError {
  if (!isModeApiError(error)) return toAppError(error)
  switch (error.code) {
    case 'bad_credentials':
      return {
        code: 'bad_credentials',
        message: 'Mode did not accept this API token and password.',
        action: 'Copy the token and its password again from Mode (Settings → API keys); the password is shown only once, so create a new token if you no longer have it.',
      }
    case 'not_found':
      return {
        code: 'not_found',
        message: `The workspace "${workspace}" was not found, or this token’s account is not a member of it.`,
        action: 'Check the workspace name: it is the part after app.mode.com/ in your browser’s address bar when you are in Mode.',
      }
    case 'no_access':
      return {
        code: 'no_access',
        message: `This token’s account is not a member of the workspace "${workspace}", or may not use its API.`,
        action: 'Use a token created by a member of this workspace, or ask a workspace admin to add the account.',
      }
    case 'plan_no_api':
      return {
        code: 'plan_no_api',
        message: 'This Mode workspace’s plan does not include API access.',
        action: 'Ask a workspace admin about API access; meanwhile you can explore the sample workspace.',
      }
    case 'offline':
      return {
        code: 'offline',
        message: 'Mode could not be reached: this computer seems to be offline.',
        action: 'Check your internet connection and try again.',
      }
    case 'tls_or_proxy':
      return {
        code: 'tls_or_proxy',
        message: 'The connection to Mode was blocked by a proxy or an untrusted certificate.',
        action: 'If your company inspects web traffic, ask IT to allow app.mode.com or to install its certificate, then try again.',
      }
    case 'server_error':
    case 'timeout':
      return {
        code: error.code,
        message: error.code === 'timeout' ? 'Mode did not answer in time; it may be unavailable right now.' : 'Mode is unavailable right now (it answered with a server error).',
        action: 'Try again in a few minutes; status.mode.com shows whether Mode has an incident.',
      }
    case 'rate_limited':
      return {
        code: 'rate_limited',
        message: 'Mode is limiting requests from this token right now.',
        action: 'Wait a minute and try again; other tools using the same token share the limit.',
      }
    default:
      return toAppError(error)
  }
}
