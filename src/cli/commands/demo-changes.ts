// The demo's second act: a day passes in the simulated workspace — one query edited, a report renamed, one
// archived, one deleted, and a copy of a popular query saved elsewhere under another name — then a second,
// incremental sync, and what the library now knows: the change feed, the SQL diff and the duplicate.
import { listChanges } from '../../main/knowledge/change-feed.ts'
import { listDuplicateGroups } from '../../main/knowledge/duplicate-reads.ts'
import { openLibrary } from '../../main/library/index.ts'
import type { Simulator } from '../../sim/server.ts'
import type { Truth, TruthReport } from '../../sim/truth.ts'
import { terminalSafe, type Style } from '../output.ts'
import { changeRows } from './changes.ts'

/** The edits a day in the sample workspace brings; tokens of the reports touched, for the printout. */
export function simulateADay(sim: Simulator): { edited: TruthReport; copyName: string } {
  const truth: Truth = sim.truth()
  const live = truth.reports.filter((r) => !r.archived && r.queries.length > 0 && r.name)
  // The most viewed live report gets its query edited and a copy: the likeliest to be copied in a real workspace.
  const byViews = [...live].sort((a, b) => b.view_count - a.view_count || a.token.localeCompare(b.token))
  const [edited, renamed, archived, deleted] = byViews
  if (!edited || !renamed || !archived || !deleted) throw new Error('The sample workspace has too few reports for the demo.')
  const query = edited.queries[0]!
  const otherSpace = truth.spaces.find((s) => s.state === 'active' && s.token !== edited.space_token && s.space_type !== 'private') ?? truth.spaces[0]!
  const copyName = `${edited.name} (copy for the board)`
  const newSql = `-- Excludes test accounts from now on\n${query.raw_query.replace(/\bLIMIT\s+\d+/i, 'LIMIT 500')}`
  // The copy re-indents the SQL and changes its literal values: still the same query. (Column positions in
  // GROUP BY / ORDER BY are no values: changed, they would make it another query.)
  const copySql = newSql.split('\n').map((line) => `  ${line}`).join('\n')
    .replace(/\b\d+\b/g, (n: string, at: number, all: string) => (/\bBY\s+[\d,\s]*$/i.test(all.slice(Math.max(0, at - 40), at)) ? n : String(Number(n) + 1)))
  sim.mutate([
    { kind: 'editQuery', report_token: edited.token, query_token: query.token, raw_query: newSql },
    { kind: 'editReport', token: renamed.token, name: `${renamed.name} (old)` },
    { kind: 'archiveReport', token: archived.token },
    { kind: 'deleteReport', token: deleted.token },
    { kind: 'createReport', space_token: otherSpace.token, name: copyName, creator_username: edited.creator_username, queries: [{ name: query.name, raw_query: copySql }] },
  ])
  return { edited, copyName }
}

/** What the second sync taught the library, as the `changes` command and the Duplicates view show it. */
export async function describeWhatChanged(dataDir: string, workspace: string, copyName: string, style: Style, out: (line?: string) => void): Promise<void> {
  const library = openLibrary({ dataDir, workspace })
  try {
    const feed = listChanges(library, { now: new Date(), limit: 50 })
    out(`  ${style.cyan('changes')}   ${style.dim('— what the last sync changed (the Changes screen shows the same)')}`)
    for (const line of changeRows(feed.lastSyncChanges, style)) out(`  ${line}`)
    const groups = listDuplicateGroups(library, { limit: 200 }).groups
    const group = groups.find((g) => g.members.some((m) => m.reportName === copyName))
    out()
    out(`  ${style.cyan('duplicates')}   ${style.dim('— the copy is found although its SQL was re-indented and its numbers changed')}`)
    if (!group) {
      out(style.dim('    (no duplicate group for the copy)'))
      return
    }
    for (const m of group.members) {
      const label = m.kind === 'original' ? style.green('likely original') : `${m.kind} copy, ${Math.round(m.similarity * 100)}% alike`
      out(`    ${terminalSafe(m.reportName)}  ${style.dim(`${terminalSafe(m.collection ?? 'no collection')} · ${m.viewCount.toLocaleString()} views`)} · ${label}`)
    }
  } finally {
    await library.close()
  }
}
