// `changes [--since DATE] [--json]`: the "What changed" feed from the local library — what the last sync
// changed, then everything since DATE (default: the last 7 days), newest first.
import { listChanges } from '../../main/knowledge/change-feed.ts'
import type { ReportChange } from '../../shared/knowledge-model.ts'
import { boolFlag, stringFlag, UsageError, type ParsedCommand } from '../args.ts'
import { openExistingLibrary } from '../context.ts'
import { columns, formatLocalTime, printJson, terminalSafe, type CliIo, type Style } from '../output.ts'

/** `2025-06-30` (midnight UTC) or a full ISO time; anything else is a usage error. */
export function parseSince(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined
  const text = raw.trim()
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : NaN
  if (!Number.isFinite(ms)) throw new UsageError(`--since must be a date like 2025-06-30 or an ISO time, not "${raw}".`, 'changes')
  return new Date(ms).toISOString()
}

export async function runChanges(parsed: ParsedCommand, io: CliIo, style: Style): Promise<number> {
  const since = parseSince(stringFlag(parsed, 'since'))
  const library = openExistingLibrary(parsed, io)
  try {
    const feed = listChanges(library, { since, now: new Date(), limit: 2000 })
    if (boolFlag(parsed, 'json')) {
      printJson(io, since === undefined ? feed : { since: feed.since, changes: feed.changes, counts: feed.counts })
      return 0
    }
    const out: string[] = []
    if (since === undefined) {
      const when = feed.lastSync?.endedAt ? formatLocalTime(feed.lastSync.endedAt) : null
      out.push(style.bold(when ? `Last sync (${when})` : 'Last sync'))
      out.push(...(feed.lastSyncChanges.length > 0 ? changeRows(feed.lastSyncChanges, style) : [style.dim(feed.lastSync ? '  Nothing changed.' : '  No sync yet.')]), '')
    }
    out.push(style.bold(`Since ${formatLocalTime(feed.since)} (${feed.changes.length})`))
    out.push(...(feed.changes.length > 0 ? changeRows(feed.changes, style) : [style.dim('  Nothing changed.')]))
    io.stdout.write(out.join('\n') + '\n')
    return 0
  } finally {
    await library.close()
  }
}

const LABELS: Record<ReportChange['kind'], string> = {
  new: 'new', sql_edited: 'SQL edited', renamed: 'renamed', moved: 'moved', archived: 'archived', unarchived: 'unarchived', deleted: 'deleted',
}

/** One aligned line per change (two-space indent): time, kind, report, detail and token. */
export function changeRows(changes: ReportChange[], style: Style): string[] {
  const color = (c: ReportChange): string => (c.kind === 'deleted' ? style.red(LABELS[c.kind]) : c.kind === 'new' ? style.green(LABELS[c.kind]) : style.yellow(LABELS[c.kind]))
  const detail = (c: ReportChange): string => (c.summary.toLowerCase() === LABELS[c.kind].toLowerCase() || c.kind === 'new' ? '' : `${terminalSafe(c.summary)} · `)
  return columns(changes.map((c) => [style.dim(formatLocalTime(c.at)), color(c), terminalSafe(c.reportName), style.dim(`${detail(c)}${c.reportToken}`)])).map((l) => `  ${l}`)
}
