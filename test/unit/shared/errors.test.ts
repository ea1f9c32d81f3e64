import { describe, expect, it } from 'vitest'
import { AppFailure, errorCode, toAppError } from '../../../src/shared/errors.ts'
import { errorFromStatus } from '../../../src/main/mode/errors.ts'

const ctx = { method: 'GET', path: '/acme', workspace: 'acme', workspaceLevel: true }

describe('the one error model', () => {
  it('keeps the code, sentence and action of our own failures, also after a structured clone (worker, IPC)', () => {
    const failure = new AppFailure('sync_in_progress', 'A sync is already running.', 'Wait for it.', { detail: 'lock held by pid 42' })
    expect(failure.message).toBe('lock held by pid 42')
    expect(toAppError(failure)).toEqual({ code: 'sync_in_progress', message: 'A sync is already running.', action: 'Wait for it.' })
    expect(toAppError(structuredClone({ ...failure, code: failure.code }))).toEqual(toAppError(failure))
  })

  it('turns a Node error (code ENOENT), a bug or a thrown string into the generic internal error, with no stray text', () => {
    const enoent = Object.assign(new Error('ENOENT: no such file, open /home/me/secret.json'), { code: 'ENOENT', userMessage: 'leak' })
    for (const thrown of [enoent, new TypeError('x is undefined'), 'boom', null]) {
      const app = toAppError(thrown)
      expect(app.code).toBe('internal')
      expect(app.message).not.toMatch(/ENOENT|secret|undefined|boom|leak/)
    }
    expect(errorCode(enoent)).toBeNull()
  })

  it('the Mode client’s errors carry the shared sentence for their kind, the technical detail stays in message', () => {
    const error = errorFromStatus(404, { id: 'not_found', message: 'Workspace not found' }, ctx)
    expect(error.message).toBe('GET /acme → 404 not_found: Workspace not found')
    expect(toAppError(error)).toEqual({
      code: 'not_found',
      message: 'Mode has no workspace "acme", or this token’s account is not a member of it.',
      action: expect.stringContaining('app.mode.com/'),
    })
    const refusedApiKeys = errorFromStatus(400, { id: 'bad_request', message: 'unsupported for use with Api Keys' }, { ...ctx, workspaceLevel: false })
    expect(refusedApiKeys.code).toBe('no_access')
  })
})
