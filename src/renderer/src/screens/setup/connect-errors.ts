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
    case 'offline':
      return { title: 'Mode cannot be reached — you seem to be offline', focus: null, offer: 'retry' }
    case 'timeout':
      return { title: 'Mode did not answer in time', focus: null, offer: 'retry' }
    case 'tls_or_proxy':
      return { title: 'A proxy or certificate problem blocked the connection', focus: null, offer: 'retry' }
    case 'server_error':
      return { title: 'Mode is unavailable right now', focus: null, offer: 'retry' }
    case 'rate_limited':
      return { title: 'Mode asked to slow down', focus: null, offer: 'retry' }
    case 'malformed_response':
      return { title: 'Mode sent an answer the app does not understand', focus: null, offer: 'retry' }
    case 'storage_unavailable':
      return { title: 'The credentials cannot be stored securely on this computer', focus: 'storage', offer: null }
    case 'invalid_input':
      return { title: 'Some fields need attention', focus: 'workspace', offer: null }
    default:
      return { title: 'Could not connect', focus: null, offer: 'retry' }
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
