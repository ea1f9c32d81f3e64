// The packaged app must not be a general-purpose Node runtime signed with the app's identity: these fuses,
// flipped by electron-builder from electron-builder.yml, keep other local processes from running code in (or
// attaching a debugger to) the process that holds the Mode credentials.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

function fuses(): Record<string, string> {
  const yml = readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8')
  const block = /^electronFuses:\n((?: {2}\S.*\n)+)/m.exec(yml)?.[1] ?? ''
  return Object.fromEntries(block.split('\n').filter(Boolean).map((line) => line.trim().split(/:\s*/) as [string, string]))
}

describe('electron fuses in the packaged app', () => {
  it('turn off run-as-node, NODE_OPTIONS, the inspector and file:// privileges', () => {
    expect(fuses()).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      grantFileProtocolExtraPrivileges: 'false',
      onlyLoadAppFromAsar: 'true',
    })
  })

  it('check the ASAR archive against the integrity hash embedded at build time', () => {
    expect(fuses()).toMatchObject({ onlyLoadAppFromAsar: 'true', enableEmbeddedAsarIntegrityValidation: 'true' })
  })
})
