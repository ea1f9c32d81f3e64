// Help text, generated from the command table in args.ts so flags and help never drift apart.
import { COMMANDS, type CommandName, type CommandSpec } from './args.ts'

const BIN = 'mode-companion'

export function generalUsage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length))
  const lines = [
    `Usage: ${BIN} <command> [options]`,
    '',
    'Mode Companion keeps an offline copy of a Mode workspace and searches it.',
    '',
    'Commands:',
    ...Object.values(COMMANDS).map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    `Run "${BIN} <command> --help" for a command's options.`,
    'Exit codes: 0 success, 1 failure, 2 usage error.',
  ]
  return lines.join('\n')
}

export function commandUsage(name: CommandName): string {
  const spec: CommandSpec = COMMANDS[name]
  const synopsis = [BIN, spec.name, ...spec.positionals.map((p) => (p.endsWith('?') ? `[${p.slice(0, -1)}]` : p)), '[options]'].join(' ')
  const rows = Object.entries(spec.flags).map(([flag, f]) => {
    const left = `${f.short ? `-${f.short}, ` : '    '}--${flag}${f.value ? ` ${f.value}` : ''}`
    return [left, f.help] as const
  })
  const width = Math.max(...rows.map(([left]) => left.length))
  const lines = [`Usage: ${synopsis}`, '', `${spec.summary.charAt(0).toUpperCase()}${spec.summary.slice(1)}.`, '', 'Options:']
  for (const [left, help] of rows) lines.push(`  ${left.padEnd(width)}  ${help}`)
  if (spec.details) lines.push('', spec.details)
  return lines.join('\n')
}
