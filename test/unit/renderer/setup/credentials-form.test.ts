import { describe, expect, it } from 'vitest'
import { cleanSecret, describeWorkspace, EMPTY_FORM, validateCredentials } from '../../../../src/renderer/src/screens/setup/credentials-form.ts'
import { describeConnectError } from '../../../../src/renderer/src/screens/setup/connect-errors.ts'
import type { ErrorCode } from '../../../../src/shared/model.ts'

describe('the workspace field', () => {
  it('reads the name from a bare name and from pasted Mode addresses', () => {
    expect(describeWorkspace('acme')).toEqual({ kind: 'name', name: 'acme', fromUrl: false })
    expect(describeWorkspace('  acme \n')).toEqual({ kind: 'name', name: 'acme', fromUrl: false })
    expect(describeWorkspace('https://app.mode.com/organizations/mycompany')).toMatchObject({ kind: 'name', name: 'mycompany', fromUrl: true })
    expect(describeWorkspace('https://app.mode.com/mycompany/reports/8f2c1a9b/details')).toMatchObject({ kind: 'name', name: 'mycompany' })
    expect(describeWorkspace('app.mode.com/data_team/spaces/abc')).toMatchObject({ kind: 'name', name: 'data_team' })
  })

  it('says when the input names no workspace', () => {
    expect(describeWorkspace('')).toEqual({ kind: 'empty' })
    expect(describeWorkspace('   ')).toEqual({ kind: 'empty' })
    expect(describeWorkspace('https://example.com/acme')).toEqual({ kind: 'invalid' })
    expect(describeWorkspace('https://app.mode.com/signin')).toEqual({ kind: 'invalid' })
    expect(describeWorkspace('acme corp')).toEqual({ kind: 'invalid' })
  })
})

describe('validating step 2', () => {
  const filled = { ...EMPTY_FORM, workspace: 'https://app.mode.com/acme/reports/x', token: ' tok123 ', password: 'sec\n456' }

  it('trims pasted whitespace from the token and password', () => {
    expect(cleanSecret('  abc\t def\n')).toBe('abcdef')
  })

  it('sends the extracted workspace name, cleaned secrets and keychain storage when protection is strong', () => {
    const result = validateCredentials(filled, 'strong')
    expect(result.errors).toBeNull()
    expect(result.input).toEqual({ workspace: 'acme', token: 'tok123', password: 'sec456', storage: 'keychain' })
  })

  it('names every missing field', () => {
    const result = validateCredentials(EMPTY_FORM, 'strong')
    expect(result.input).toBeNull()
    expect(Object.keys(result.errors ?? {}).sort()).toEqual(['password', 'token', 'workspace'])
  })

  it('refuses an address that names no workspace', () => {
    const result = validateCredentials({ ...filled, workspace: 'https://google.com' }, 'strong')
    expect(result.errors?.workspace).toMatch(/app\.mode\.com/)
  })

  it('requires an explicit storage choice when protection is weak, and the acknowledgement for "store anyway"', () => {
    expect(validateCredentials(filled, 'weak').errors?.storage).toMatch(/Choose/)
    expect(validateCredentials({ ...filled, storageChoice: 'weak' }, 'weak').errors?.storage).toMatch(/confirm/)
    expect(validateCredentials({ ...filled, storageChoice: 'weak', weakAcknowledged: true }, 'weak').input?.storage).toBe('weak')
    expect(validateCredentials({ ...filled, storageChoice: 'session-only' }, 'weak').input?.storage).toBe('session-only')
  })

  it('keeps credentials for the session only when nothing can encrypt them', () => {
    expect(validateCredentials(filled, 'unavailable').input?.storage).toBe('session-only')
  })
})

describe('connect failures', () => {
  it('gives each failure the user can act on its own headline', () => {
    const codes: ErrorCode[] = ['bad_credentials', 'not_found', 'no_access', 'plan_no_api', 'offline', 'tls_or_proxy', 'server_error']
    const titles = codes.map((code) => describeConnectError({ code, message: 'x' }, 'acme').title)
    expect(new Set(titles).size).toBe(codes.length)
  })

  it('points at the field to fix and offers the step that helps', () => {
    expect(describeConnectError({ code: 'bad_credentials', message: '' }, 'acme')).toMatchObject({ focus: 'token', offer: 'open-mode' })
    expect(describeConnectError({ code: 'not_found', message: '' }, 'acme')).toMatchObject({ focus: 'workspace', title: 'Workspace “acme” was not found' })
    expect(describeConnectError({ code: 'plan_no_api', message: '' }, 'acme').offer).toBe('sample')
    expect(describeConnectError({ code: 'offline', message: '' }, 'acme').offer).toBe('retry')
    expect(describeConnectError({ code: 'server_error', message: '' }, 'acme').offer).toBe('retry')
  })
})
