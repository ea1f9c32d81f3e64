// The CLI as a function: parse, dispatch, map every outcome to an exit code (0 ok, 1 failure, 2 usage).
// main.ts calls it with the real process streams; nothing here calls process.exit.
import { terminalSafeStream } from './terminal-safe.ts'
import { APP_VERSION } from '../main/app-info.ts'
import { parseCommandLine, UsageError, type CommandName, type ParsedCommand } from './args.ts'
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, formatError } from './errors.ts'
import { styleFor, type CliIo, type Style } from './output.ts'
import { commandUsage, generalUsage } from './usage.ts'

type CommandFn = (parsed: ParsedCommand, io: CliIo, style: Style) => Promise<number>

// Loaded on demand so `search` never pays for the simulator and `demo` never for the export writer.
const COMMAND_MODULES: Record<CommandName, () => Promise<CommandFn>> = {
  sync: async () => (await import('./commands/sync.ts')).runSync,
  search: async () => (await import('./commands/search.ts')).runSearch,
  status: async () => (await import('./commands/status.ts')).runStatus,
  changes: async () => (await import('./commands/changes.ts')).runChanges,
  export: async () => (await import('./commands/export.ts')).runExport,
  people: async () => (await import('./commands/people.ts')).runPeople,
  demo: async () => (await import('./commands/demo.ts')).runDemo,
}


export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  // One sanitiser for everything printed: no command writes to the raw streams.
  const styled = (stream: CliIo['stdout']) => styleFor(stream, rawIo.env).bold('x') !== 'x'
  const io: CliIo = { ...rawIo, stdout: terminalSafeStream(rawIo.stdout, styled(rawIo.stdout)), stderr: terminalSafeStream(rawIo.stderr, styled(rawIo.stderr)) }
  const out = styleFor(io.stdout, io.env)
  const err = styleFor(io.stderr, io.env)
  let parsed
  try {
    parsed = parseCommandLine(argv)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    io.stderr.write(`${err.red('Error:')} ${error.message}\n\n${error.command ? commandUsage(error.command) : generalUsage()}\n`)
    return EXIT_USAGE
  }
  if ('version' in parsed) {
    io.stdout.write(`mode-companion ${APP_VERSION}\n`)
    return EXIT_OK
  }
  if ('help' in parsed) {
    io.stdout.write((parsed.command ? commandUsage(parsed.command) : generalUsage()) + '\n')
    return EXIT_OK
  }
  const verbose = parsed.flags.verbose === true
  try {
    const command = await COMMAND_MODULES[parsed.command]()
    return await command(parsed, io, out)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${err.red('Error:')} ${error.message}\n\n${commandUsage(parsed.command)}\n`)
      return EXIT_USAGE
    }
    io.stderr.write(formatError(error, verbose, err) + '\n')
    return EXIT_FAILURE
  }
}
