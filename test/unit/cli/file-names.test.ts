import { describe, expect, it } from 'vitest'
import { MAX_NAME_BYTES, safeName, uniqueNames } from '../../../src/cli/export/file-names.ts'

describe('safeName', () => {
  it('removes characters that are reserved on Windows, macOS or Linux', () => {
    expect(safeName('Revenue: Q1/Q2 <draft> "v2" | a\\b? *')).toBe('Revenue Q1 Q2 draft v2 a b')
    expect(safeName('tab\tand\nnewline')).toBe('tab and newline')
  })

  it('never yields a Windows device name, a hidden file, trailing dots or an empty name', () => {
    expect(safeName('CON')).toBe('_CON')
    expect(safeName('nul.txt')).toBe('_nul.txt')
    expect(safeName('com1')).toBe('_com1')
    expect(safeName('Console')).toBe('Console')
    expect(safeName('.hidden')).toBe('hidden')
    expect(safeName('Ends with dots...')).toBe('Ends with dots')
    expect(safeName('  ')).toBe('Untitled')
    expect(safeName(null, 'Untitled report')).toBe('Untitled report')
    expect(safeName('///')).toBe('Untitled')
  })

  it('caps the length in UTF-8 bytes without splitting a character', () => {
    const long = safeName('ü'.repeat(200))
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(MAX_NAME_BYTES)
    expect(long).toBe('ü'.repeat(MAX_NAME_BYTES / 2))
    expect(Buffer.byteLength(safeName('🙂'.repeat(50)))).toBeLessThanOrEqual(MAX_NAME_BYTES)
  })
})

describe('uniqueNames', () => {
  const items = [
    { name: 'Revenue', token: 'aaa' },
    { name: 'revenue', token: 'bbb' },
    { name: 'Churn', token: 'ccc' },
  ]

  it('suffixes every member of a case-insensitive collision with its token and leaves others alone', () => {
    const names = uniqueNames(items, (i) => i.name, (i) => i.token)
    expect([...names.values()]).toEqual(['Revenue [aaa]', 'revenue [bbb]', 'Churn'])
  })

  it('gives the same names whatever the order', () => {
    const forward = uniqueNames(items, (i) => i.name, (i) => i.token)
    const backward = uniqueNames([...items].reverse(), (i) => i.name, (i) => i.token)
    for (const item of items) expect(backward.get(item)).toBe(forward.get(item))
  })

  it('reserves the Windows console devices CONIN$ and CONOUT$ too, and drops invisible characters', () => {
    expect(safeName('CONIN$')).toBe('_CONIN$')
    expect(safeName('conout$.sql')).toBe('_conout$.sql')
    expect(safeName('CON\u200B')).toBe('_CON')
    expect(safeName('a\u202Eb\u2067c\u00ADd\u0085e')).toBe('abcd e')
  })
})

