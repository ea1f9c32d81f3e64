// `people`: the workspace's members (admins first) and its groups, from the local library; `people --audit` the
// access review (people-audit.ts).
import { listPeople } from '../../main/library/index.ts'
import { boolFlag, UsageError, type ParsedCommand } from '../args.ts'
import { openExistingLibrary } from '../context.ts'
import { printAccessAudit } from './people-audit.ts'
import { reportCountText } from '../../shared/report-counts.ts'
import { columns, formatCount, printJson, type CliIo, type Style } from '../output.ts'

export async function runPeople(parsed: ParsedCommand, io: CliIo, style: Style): Promise<number> {
  if (parsed.flags['inactive-days'] !== undefined && !boolFlag(parsed, 'audit')) throw new UsageError('--inactive-days goes with --audit.', parsed.command)
  const library = openExistingLibrary(parsed, io)
  try {
    if (boolFlag(parsed, 'audit')) {
      printAccessAudit(library, parsed, io, style)
      return 0
    }
    const people = listPeople(library)
    if (boolFlag(parsed, 'json')) {
      printJson(io, people)
      return 0
    }
    const out: string[] = [style.bold(`Members (${people.members.length})`) + style.dim(' — admins first')]
    const rows = people.members.map((m) => [
      m.username,
      m.name ?? '',
      m.isAdmin ? style.yellow('admin') : '',
      m.state && m.state !== 'active' ? m.state : '',
      style.dim(reportCountText(m.reportCount, m.archivedReportCount, 'en-US')),
    ])
    out.push(...columns(rows).map((l) => `  ${l}`))
    out.push('', style.bold(`Groups (${people.groups.length})`))
    for (const g of people.groups) {
      const names = g.members.map((m) => m.name ?? m.username)
      out.push(`  ${g.name} ${style.dim(`(${formatCount(g.members.length, 'member')})`)}${names.length ? `: ${names.join(', ')}` : ''}`)
    }
    io.stdout.write(out.join('\n') + '\n')
    return 0
  } finally {
    await library.close()
  }
}
