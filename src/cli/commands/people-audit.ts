// `people --audit`: the access review the app's Access review screen shows, from the local library — the parts
// this token could not read (and what token they need), then each section's findings with the activity figure
// and its source, and the Mode page to act on. Names come from Mode and are untrusted: each is made one safe
// line here, and runCli's sanitiser guards everything printed.
import { accessReview } from '../../main/access/index.ts'
import type { Library } from '../../main/library/index.ts'
import { DEFAULT_INACTIVE_DAYS, FINDING_KINDS, MAX_INACTIVE_DAYS, type AccessFinding } from '../../shared/access-model.ts'
import { FINDING_SECTION_TITLES } from '../../shared/access-csv.ts'
import { boolFlag, intFlag, type ParsedCommand } from '../args.ts'
import { columns, formatCount, printJson, terminalSafe, type CliIo, type Style } from '../output.ts'

const PART_TITLES = { groups: 'Groups and their members', permissions: 'Who can see each collection', activity: 'Member activity' } as const

export function printAccessAudit(library: Library, parsed: ParsedCommand, io: CliIo, style: Style, now = new Date()): void {
  const inactiveDays = intFlag(parsed, 'inactive-days', DEFAULT_INACTIVE_DAYS, MAX_INACTIVE_DAYS)
  const review = accessReview(library, { now, inactiveDays })
  if (boolFlag(parsed, 'json')) {
    printJson(io, review)
    return
  }
  const out: string[] = [style.bold(`Access review of ${terminalSafe(review.workspace ?? 'the library')}`) + style.dim(` — inactive means ${inactiveDays} days or more; read-only`)]
  const limited = review.parts.filter((p) => p.status !== 'ok')
  if (limited.length > 0) {
    out.push('', style.yellow('Not read with this token (everything else is complete):'))
    for (const p of limited) out.push(`  ${PART_TITLES[p.part]}: ${terminalSafe(p.note)}`)
  }
  for (const kind of FINDING_KINDS) {
    const findings = review.findings.filter((f) => f.kind === kind)
    out.push('', style.bold(`${FINDING_SECTION_TITLES[kind]} (${findings.length})`))
    if (findings.length === 0) out.push(style.dim('  none'))
    out.push(...columns(findings.map((f) => row(f, style))).map((line) => `  ${line}`))
  }
  out.push('', style.dim(`${formatCount(review.findings.length, 'finding')}. Activity figures name their source (Discovery API or library); none is estimated.`))
  io.stdout.write(out.join('\n') + '\n')
}

function row(f: AccessFinding, style: Style): string[] {
  const subject = f.subject.type === 'person' && f.subject.label !== f.subject.key ? `${f.subject.label} (${f.subject.key})` : f.subject.label
  return [terminalSafe(subject), terminalSafe(f.detail), style.dim(terminalSafe(f.activity ?? (f.subject.type === 'person' ? 'no activity on record' : ''))), style.dim(f.modeUrl ?? '')]
}
