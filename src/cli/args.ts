// Command-line parsing for every command: one table of commands and their flags, parsed strictly with
// node:util's parseArgs so a misspelt flag is a usage error (exit 2) rather than silently ignored.
import { parseArgs } from 'node:util'

export type CommandName = 'sync' | 'search' | 'status' | 'changes' | 'export' | 'people' | 'demo'

type FlagSpec = { type: 'string' | 'boolean'; short?: string; value?: string; help: string }

const COMMON: Record<string, FlagSpec> = {
  help: { type: 'boolean', short: 'h', help: 'show this help' },
  verbose: { type: 'boolean', help: 'on failure, print details (HTTP status, Mode error id, stack)' },
}
const LIBRARY: Record<string, FlagSpec> = {
  workspace: { type: 'string', value: 'NAME', help: 'workspace (default: $MODE_WORKSPACE, or the only library in the data dir)' },
  'data-dir': { type: 'string', value: 'DIR', help: "where libraries live (default: the desktop app's data folder)" },
}
const JSON_FLAG: Record<string, FlagSpec> = { json: { type: 'boolean', help: 'print JSON instead of text' } }

export interface CommandSpec {
  name: CommandName
  summary: string
  /** Positional arguments, e.g. `QUERY`; a trailing `?` marks an optional one. */
  positionals: string[]
  flags: Record<string, FlagSpec>
  details?: string
}

export const COMMANDS: Record<CommandName, CommandSpec> = {
  sync: {
    name: 'sync',
    summary: 'copy the workspace from Mode into the local library (incremental unless --full)',
    positionals: [],
    flags: {
      ...LIBRARY,
      'api-base': { type: 'string', value: 'URL', help: 'Mode API base URL (default: https://app.mode.com)' },
      'allow-insecure-http': { type: 'boolean', help: 'accept a plain http:// --api-base on another machine (sends the credentials unencrypted)' },
      full: { type: 'boolean', help: 'fetch everything again instead of only what changed' },
      rate: { type: 'string', value: 'N/SECONDS', help: "request rate (default 40/10, Mode's limit; raise only for a local simulator)" },
      ...JSON_FLAG,
      ...COMMON,
    },
    details:
      'Credentials come from $MODE_TOKEN and $MODE_PASSWORD, or are asked for (without echo) on a terminal.\n' +
      'They are used for this run only and never written to disk. Ctrl+C stops the sync cleanly.',
  },
  search: {
    name: 'search',
    summary: 'search the local library (works offline)',
    positionals: ['QUERY'],
    flags: { limit: { type: 'string', short: 'n', value: 'N', help: 'number of hits (default 10)' }, ...LIBRARY, ...JSON_FLAG, ...COMMON },
    details:
      'Query language: words (prefix-matched), "exact phrases", -exclude, collection:NAME, author:NAME,\n' +
      'table:schema.table, source:NAME, is:archived, is:duplicate, is:deleted, is:dataset,\n' +
      'updated:>2025-01-01, updated:<2025-06-30.',
  },
  status: {
    name: 'status',
    summary: 'show the library: counts, last sync and its outcome, next nightly sync',
    positionals: [],
    flags: { ...LIBRARY, ...JSON_FLAG, ...COMMON },
  },
  changes: {
    name: 'changes',
    summary: 'what the syncs changed: new, SQL edited, renamed, moved, archived and deleted reports',
    positionals: [],
    flags: {
      since: { type: 'string', value: 'DATE', help: 'changes since this date or time (default: the last 7 days)' },
      ...LIBRARY,
      ...JSON_FLAG,
      ...COMMON,
    },
    details: 'DATE is 2025-06-30 or a full ISO time (2025-06-30T09:00:00Z). Without --since, the last sync is shown first.',
  },
  export: {
    name: 'export',
    summary: "write every report's queries as .sql files, one folder per collection, plus manifest.json",
    positionals: ['DIR'],
    flags: {
      results: { type: 'boolean', help: "also write each query's cached last results as a .csv beside its .sql" },
      ...LIBRARY,
      ...JSON_FLAG,
      ...COMMON,
    },
    details:
      'Results are those the syncs kept (Settings → "Keep last results for"), at most 2,000 rows per query.\n' +
      'Re-exporting into the same DIR updates files in place and removes only files an earlier export wrote\n' +
      'for reports that no longer exist, so the folder can live under git.',
  },
  people: {
    name: 'people',
    summary: 'list the workspace members (admins first) and groups, or with --audit the access review',
    positionals: [],
    flags: {
      audit: { type: 'boolean', help: 'print the access review: admins, inactive members, deactivated members with reports or groups, groups and collections to check' },
      'inactive-days': { type: 'string', value: 'N', help: 'with --audit: members inactive for N days or more count as inactive (default 90)' },
      ...LIBRARY,
      ...JSON_FLAG,
      ...COMMON,
    },
    details:
      'The review is read-only and offline, from the library the last sync wrote. Each activity figure names its source\n' +
      "(Mode's Discovery API or the library); parts this token could not read are named, with the kind of token they need.",
  },
  demo: {
    name: 'demo',
    summary: 'run a sample Mode workspace locally, sync it, search it, and show how to keep exploring',
    positionals: [],
    flags: { ...COMMON },
  },
}

export class UsageError extends Error {
  readonly command: CommandName | null
  constructor(message: string, command: CommandName | null) {
    super(message)
    this.name = 'UsageError'
    this.command = command
  }
}

export interface ParsedCommand {
  command: CommandName
  positionals: string[]
  flags: Record<string, string | boolean | undefined>
}

export type Parsed = ParsedCommand | { help: true; command: CommandName | null } | { version: true }

export function isCommandName(value: string): value is CommandName {
  return Object.hasOwn(COMMANDS, value)
}

/** Parses `argv` (without node and the script). Throws UsageError for anything it cannot make sense of. */
export function parseCommandLine(argv: string[]): Parsed {
  const [first, ...rest] = argv
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined
    return { help: true, command: topic && isCommandName(topic) ? topic : null }
  }
  if (first === '--version' || first === '-v') return { version: true }
  if (first.startsWith('-')) throw new UsageError(`Expected a command before "${first}".`, null)
  if (!isCommandName(first)) throw new UsageError(`Unknown command "${first}".`, null)
  const spec = COMMANDS[first]
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {}
  for (const [name, flag] of Object.entries(spec.flags)) options[name] = flag.short ? { type: flag.type, short: flag.short } : { type: flag.type }
  let values: Record<string, string | boolean | undefined>
  let positionals: string[]
  try {
    const parsed = parseArgs({ args: rest, options, strict: true, allowPositionals: true, allowNegative: false })
    values = parsed.values as Record<string, string | boolean | undefined>
    positionals = parsed.positionals
  } catch (error) {
    throw new UsageError(cleanParseError(error), first)
  }
  if (values.help) return { help: true, command: first }
  const required = spec.positionals.filter((p) => !p.endsWith('?'))
  if (positionals.length < required.length) throw new UsageError(`Missing ${required[positionals.length]}.`, first)
  // A search query may be given unquoted as several words; everything else takes exactly what it declares.
  if (first === 'search') positionals = [positionals.join(' ')]
  else if (positionals.length > spec.positionals.length) throw new UsageError(`Unexpected argument "${positionals[spec.positionals.length]}".`, first)
  return { command: first, positionals, flags: values }
}

function cleanParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  // parseArgs messages end with advice about `--` that does not fit here; keep the first sentence.
  const unknown = /Unknown option '([^']+)'/.exec(message)
  if (unknown) return `Unknown option "${unknown[1]}".`
  const missing = /Option '([^']+)' argument missing/.exec(message)
  if (missing) return `Option "${(missing[1] ?? '').replace(/^-\w, /, '')}" needs a value.`
  return (message.split('. ')[0] ?? message).replace(/\.$/, '') + '.'
}

/** A positive integer flag, or the default; anything else is a usage error. */
export function intFlag(parsed: ParsedCommand, name: string, fallback: number, max: number): number {
  const raw = parsed.flags[name]
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || value < 1 || value > max) {
    throw new UsageError(`--${name} must be a whole number from 1 to ${max}.`, parsed.command)
  }
  return value
}

export function stringFlag(parsed: ParsedCommand, name: string): string | undefined {
  const raw = parsed.flags[name]
  return typeof raw === 'string' ? raw : undefined
}

export function boolFlag(parsed: ParsedCommand, name: string): boolean {
  return parsed.flags[name] === true
}

/** `--rate 40/10` → 40 requests per 10 000 ms. */
export function rateFlag(parsed: ParsedCommand): { requests: number; perMs: number } | undefined {
  const raw = stringFlag(parsed, 'rate')
  if (raw === undefined) return undefined
  const m = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(raw.trim())
  const requests = Number(m?.[1])
  const seconds = Number(m?.[2])
  if (!m || !(requests >= 1) || !(seconds > 0) || requests > 100_000) {
    throw new UsageError(`--rate must look like 40/10 (requests per seconds), not "${raw}".`, parsed.command)
  }
  return { requests, perMs: seconds * 1000 }
}
