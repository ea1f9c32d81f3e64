import { describe, expect, it } from 'vitest'
import { intFlag, parseCommandLine, UsageError, type ParsedCommand } from '../../../src/cli/args.ts'
import { commandUsage, generalUsage } from '../../../src/cli/usage.ts'

const parse = (...argv: string[]) => parseCommandLine(argv)
const usageMessage = (argv: string[]): string => {
  try {
    parseCommandLine(argv)
  } catch (error) {
    if (error instanceof UsageError) return error.message
    throw error
  }
  throw new Error('expected a usage error')
}

describe('parseCommandLine', () => {
  it('reads a command, its flags and its positionals', () => {
    expect(parse('sync', '--workspace', 'acme', '--full', '--json', '--data-dir', '/tmp/x')).toEqual({
      command: 'sync',
      positionals: [],
      flags: expect.objectContaining({ workspace: 'acme', full: true, json: true, 'data-dir': '/tmp/x' }),
    })
    expect(parse('export', 'out')).toMatchObject({ command: 'export', positionals: ['out'] })
  })

  it('joins an unquoted multi-word search query', () => {
    expect(parse('search', 'net', 'revenue', '-n', '5')).toMatchObject({ positionals: ['net revenue'], flags: { limit: '5' } })
    expect(parse('search', '--workspace=acme', 'table:analytics.fct_orders')).toMatchObject({ positionals: ['table:analytics.fct_orders'] })
  })

  it('treats no command, --help and help as a request for help', () => {
    expect(parse()).toEqual({ help: true, command: null })
    expect(parse('--help')).toEqual({ help: true, command: null })
    expect(parse('help', 'search')).toEqual({ help: true, command: 'search' })
    expect(parse('search', '--help')).toEqual({ help: true, command: 'search' })
    expect(parse('demo', '-h')).toEqual({ help: true, command: 'demo' })
  })

  it('rejects unknown commands, unknown flags, missing values and arguments', () => {
    expect(usageMessage(['frobnicate'])).toBe('Unknown command "frobnicate".')
    expect(usageMessage(['--json'])).toBe('Expected a command before "--json".')
    expect(usageMessage(['sync', '--fulll'])).toBe('Unknown option "--fulll".')
    expect(usageMessage(['status', '--full'])).toBe('Unknown option "--full".')
    expect(usageMessage(['sync', '--workspace'])).toMatch(/--workspace.*needs a value/)
    expect(usageMessage(['search'])).toBe('Missing QUERY.')
    expect(usageMessage(['export'])).toBe('Missing DIR.')
    expect(usageMessage(['export', 'a', 'b'])).toBe('Unexpected argument "b".')
    expect(usageMessage(['status', 'extra'])).toBe('Unexpected argument "extra".')
  })

  it('validates numeric flags', () => {
    const parsed = parse('search', 'x', '--limit', '0') as ParsedCommand
    expect(() => intFlag(parsed, 'limit', 10, 500)).toThrow(UsageError)
    expect(intFlag(parse('search', 'x', '--limit', '25') as ParsedCommand, 'limit', 10, 500)).toBe(25)
    expect(intFlag(parse('search', 'x') as ParsedCommand, 'limit', 10, 500)).toBe(10)
    expect(() => intFlag(parse('search', 'x', '--limit', '5x') as ParsedCommand, 'limit', 10, 500)).toThrow(/whole number/)
  })
})

describe('usage', () => {
  it('lists every command and each command lists its flags', () => {
    const all = generalUsage()
    for (const name of ['sync', 'search', 'status', 'export', 'people', 'demo']) expect(all).toContain(`  ${name} `)
    const sync = commandUsage('sync')
    for (const flag of ['--workspace NAME', '--api-base URL', '--data-dir DIR', '--full', '--json', '--help', '--verbose']) expect(sync).toContain(flag)
    expect(sync).toContain('MODE_TOKEN')
    expect(commandUsage('search')).toContain('Usage: mode-companion search QUERY [options]')
  })
})
