// How the wizard presents a failed "Connect": main's error (its sentence and next step, written once in
// src/shared/error-text.ts) under a headline for this moment, with the field to put the cursor in and the
// extra button that helps (try again, open Mode, the sample workspace).
import type { AppError } from '../../../../shared/errors.ts'
import type { FieldName } from './credentials-form.ts'

export interface ConnectErrorView {
  code: AppError['code']
  title: string
  explanation: string
  action: string
  focus: FieldName | null
  offer: 'retry' | 'open-mode' | 'sample' | null
}

type Presentation = Pick<ConnectErrorView, 'title' | 'focus' | 'offer'>

/** A moment the user can retry as it is: Mode or the network, not what was typed. */
const retry = (title: string): Presentation => ({ title, focus: null, offer: 'retry' })

function presentation(code: AppError['code'], ws: string): Presentation {
  switch (code) {
    case 'bad_credentials':
      return { title: 'Mode did not accept this token and password', focus: 'token', offer: 'open-mode' }
    case 'not_found':
      return { title: `Workspace ${ws} was not found`, focus: 'workspace', offer: null }
    case 'no_access':
      return { title: `This token cannot read workspace ${ws}`, focus: 'workspace', offer: null }
    case 'plan_no_api':
      return { title: "This workspace's Mode plan has no API access", focus: null, offer: 'sample' }
    case 'offline': return retry('Mode cannot be reached — you seem to be offline')
    case 'timeout': return retry('Mode did not answer in time')
    case 'tls_or_proxy': return retry('A proxy or certificate problem blocked the connection')
    case 'server_error': return retry('Mode is unavailable right now')
    case 'rate_limited': return retry('Mode asked to slow down')
    case 'malformed_response': return retry('Mode sent an answer the app does not understand')
    case 'storage_unavailable':
      return { title: 'The credentials cannot be stored securely on this computer', focus: 'storage', offer: null }
    case 'invalid_input':
      return { title: 'Some fields need attention', focus: 'workspace', offer: null }
    default:
      return retry('Could not connect')
  }
}

export function describeConnectError(error: AppError, workspace: string): ConnectErrorView {
  const view = presentation(error.code, workspace ? `“${workspace}”` : 'this workspace')
  const retry = view.offer === 'retry' ? ' What you typed is kept.' : ''
  return {
    ...view,
    code: error.code,
    explanation: error.message,
    action: (error.action ?? 'Check the workspace, token and password, then connect again.') + retry,
  }
}
