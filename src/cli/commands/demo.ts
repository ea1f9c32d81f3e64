// `demo` (`npm run demo`): the app's whole job in one command, with nothing to set up. It starts the Mode
// simulator with the seeded sample workspace on 127.0.0.1, syncs it into a fresh library with the real sync
// engine, runs a few searches that show the query language, lets a day pass in the workspace and syncs again
// (the change feed and a duplicate), and prints the commands to keep exploring.
import { mkdtemp } from 'node:fs/promises'
import type { DatabaseSync } from 'node:sqlite'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLibrary } from '../../main/library/index.ts'
import { createSearchService } from '../../main/search/search-service.ts'
import { SAMPLE_WORKSPACE } from '../../sim/generator.ts'
import { startSimulator } from '../../sim/server.ts'
import type { ParsedCommand } from '../args.ts'
import { formatCount, formatDuration, type CliIo, type Style } from '../output.ts'
import { describeSummary, performSync } from './sync.ts'
import { describeWhatChanged, simulateADay } from './demo-changes.ts'
import { renderResult } from './search.ts'

/** Generous for a local server, yet slow enough that the progress is visible: a few seconds for 400 reports. */
const SIM_RATE = { requests: 150, perMs: 1000 }
const CLIENT_RATE = { requests: 120, perMs: 1000 }
const SIM_LATENCY_MS = 10
/** The port the "keep exploring" commands use (the demo itself takes any free port). */
const EXPLORE_PORT = 4010

interface Example {
  query: string
  why: string
}

export async function runDemo(_parsed: ParsedCommand, io: CliIo, style: Style): Promise<number> {
  const out = (line = '') => io.stdout.write(line + '\n')
  const step = (title: string) => out(`\n${style.cyan('▸')} ${style.bold(title)}`)
  const width = Math.min(io.stdout.columns || 100, 110)
  const demoStarted = performance.now()

  out(style.bold('Mode Companion — demo'))
  out('Mode Companion keeps an offline copy of a Mode workspace and finds any report, query or table in it')
  out('in milliseconds. This demo runs a simulated Mode workspace on this computer (made-up data, no Mode')
  out('account needed), copies it into a local library with the same sync engine the desktop app uses, and')
  out('then searches that library offline.')

  step('Starting the Mode simulator')
  let t = performance.now()
  const sim = await startSimulator({ port: 0, ...SAMPLE_WORKSPACE, rate: SIM_RATE, latencyMs: SIM_LATENCY_MS })
  try {
    const truth = sim.truth()
    const collections = truth.spaces.filter((s) => s.state === 'active').length
    out(`  ${sim.url} answers like app.mode.com/api, rate limit included`)
    out(`  workspace ${style.bold(sim.workspace)} (${truth.workspace.name}): ${formatCount(truth.reports.length, 'report')} in ${formatCount(collections, 'collection')}, ${formatCount(truth.members.length, 'member')}`)
    out(style.dim(`  ready in ${formatDuration(performance.now() - t)}`))

    const dataDir = await mkdtemp(join(tmpdir(), 'mode-companion-demo-'))
    step('Syncing it into a local library')
    out(style.dim(`  ${dataDir}`))
    t = performance.now()
    const { summary } = await performSync({
      dataDir,
      workspace: sim.workspace,
      apiBase: sim.url,
      full: true,
      token: sim.token,
      password: sim.password,
      signal: io.signal,
      rate: CLIENT_RATE,
      progress: { stream: io.stdout, style, indent: '  ' },
    })
    io.stdout.write(describeSummary(sim.workspace, summary, style, '  '))

    step('Searching the library (offline: the simulator could be gone now)')
    const library = openLibrary({ dataDir, workspace: sim.workspace })
    try {
      const search = createSearchService(library.db)
      for (const example of examples(library.db)) {
        out()
        out(`  ${style.cyan('search')} ${style.bold(example.query)}   ${style.dim(`— ${example.why}`)}`)
        const result = search.search({ query: example.query, limit: 3, facets: false })
        for (const line of renderResult(example.query, result, style, width - 2, '    ')) out(line)
      }
    } finally {
      await library.close()
    }

    step('A day later: edits in Mode, an incremental sync, and what the library learned')
    const { copyName } = simulateADay(sim)
    out('  In the simulated workspace: a query edited, a report renamed, one archived, one deleted, and a copy of')
    out('  the most viewed query saved in another collection.')
    t = performance.now()
    const second = await performSync({
      dataDir,
      workspace: sim.workspace,
      apiBase: sim.url,
      full: false,
      token: sim.token,
      password: sim.password,
      signal: io.signal,
      rate: CLIENT_RATE,
      progress: { stream: io.stdout, style, indent: '  ' },
    })
    io.stdout.write(describeSummary(sim.workspace, second.summary, style, '  '))
    out()
    await describeWhatChanged(dataDir, sim.workspace, copyName, style, out)

    step('Keep exploring')
    const cli = 'npm run cli --'
    out('  Run the simulator yourself (same sample workspace, same made-up credentials):')
    out(`    npm run sim -- --sample --port ${EXPLORE_PORT} --rate ${SIM_RATE.requests}/1`)
    out('  In another terminal, sync it again (incremental: only what changed is fetched):')
    out(`    MODE_TOKEN=${sim.token} MODE_PASSWORD=${sim.password} \\`)
    out(`      ${cli} sync --api-base http://127.0.0.1:${EXPLORE_PORT} --workspace ${sim.workspace} --data-dir ${dataDir} --rate ${CLIENT_RATE.requests}/1`)
    out('  Search, look around, export the SQL (all offline):')
    out(`    ${cli} search 'churn -forecast' --data-dir ${dataDir}`)
    out(`    ${cli} search 'collection:finance updated:>2026-01-01' --data-dir ${dataDir}`)
    out(`    ${cli} status --data-dir ${dataDir}`)
    out(`    ${cli} changes --data-dir ${dataDir}`)
    out(`    ${cli} people --data-dir ${dataDir}`)
    out(`    ${cli} export ./mode-sql --data-dir ${dataDir}`)
    out(`  ${cli} --help lists every command; with a real Mode API token, drop --api-base and --rate.`)
    out()
    out(style.dim(`Demo finished in ${formatDuration(performance.now() - demoStarted)}.`))
    return 0
  } finally {
    await sim.close()
  }
}

/** Searches that show the query language on whatever the sample data holds. */
function examples(db: DatabaseSync): Example[] {
  const list: Example[] = [
    { query: 'net revenue', why: 'words, prefix-matched, ranked by where they match' },
    { query: 'table:analytics.fct_orders', why: 'reports whose SQL reads this table' },
  ]
  // The author with the most archived reports, so the filter example always finds something.
  const row = db
    .prepare(
      `SELECT creator_username AS username FROM reports WHERE archived = 1 AND creator_username IS NOT NULL
        GROUP BY creator_username ORDER BY count(*) DESC, creator_username LIMIT 1`,
    )
    .get() as { username: string } | undefined
  if (row) list.push({ query: `author:${row.username} is:archived`, why: 'filters combine; archived reports only when asked' })
  list.push({ query: 'retension', why: 'a typo still finds "retention"' })
  return list
}
