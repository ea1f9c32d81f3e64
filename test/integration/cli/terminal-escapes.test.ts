// Mode names are server data: the CLI must print them without letting a terminal obey what they carry —
// OSC 52 (write the clipboard), OSC 8 (a link whose text lies), CSI (clear the screen, move the cursor), a
// bare carriage return (overwrite the line) or bidi overrides. Run as a user runs it, a child process.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../../src/sim/server.ts'
import { terminalSafe } from '../../../src/cli/terminal-safe.ts'
import { cli } from './cli-process.ts'

const HOSTILE_NAME = 'Quarterly revenue \x1b]52;c;cm0gLXJmIH4=\x07\x1b]8;;https://evil.example/\x07safe link\x1b]8;;\x07\x1b[2J\x1b[H\rfake line\u202Etxt.exe\x9b31m done'
const HOSTILE_COLLECTION = 'Finance \x1b[8mhidden\x1b[0m\x1bP+q\x1b\\'

let sim: Simulator
let dataDir: string
beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 5, reports: 4, rate: { requests: 2000, perMs: 1000 }, latencyMs: 0 })
  const [space] = sim.mutate([{ kind: 'createCollection', name: HOSTILE_COLLECTION }])
  sim.mutate([{ kind: 'createReport', space_token: space!.token!, name: HOSTILE_NAME, queries: [{ name: 'Main \x1b]52;c;eA==\x07', raw_query: 'select 1 as zebrafish' }] }])
  dataDir = await mkdtemp(join(tmpdir(), 'mc-cli-escapes-'))
  const sync = await cli(['sync', '--api-base', sim.url, '--workspace', sim.workspace, '--data-dir', dataDir, '--rate', '1000/1'], { MODE_TOKEN: sim.token, MODE_PASSWORD: sim.password })
  expect(sync.code).toBe(0)
})
afterAll(async () => {
  await sim?.close()
  await rm(dataDir, { recursive: true, force: true })
})

// eslint-disable-next-line no-control-regex -- the point is to find control characters
const FOREIGN = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/

describe('the CLI prints server data without terminal escapes', () => {
  it('search: the hostile name is shown as plain text, no escape, control or bidi character anywhere', async () => {
    const run = await cli(['search', 'zebrafish', '--data-dir', dataDir])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Quarterly revenue')
    expect(run.stdout).toContain('safe link')
    expect(run.stdout).not.toMatch(FOREIGN)
    expect(run.stderr).not.toMatch(FOREIGN)
  })

  it('search --json keeps the characters, escaped so a terminal shows them instead of obeying them', async () => {
    const run = await cli(['search', 'zebrafish', '--data-dir', dataDir, '--json'])
    expect(run.code).toBe(0)
    expect(run.stdout).not.toMatch(FOREIGN)
    const names = JSON.stringify(JSON.parse(run.stdout))
    expect(names).toContain('\\u001b]52;c;')
    expect(JSON.stringify(JSON.parse(run.stdout))).toContain(JSON.stringify(HOSTILE_NAME).slice(1, -1))
  })

  it('status and people print the collection and workspace data clean too', async () => {
    for (const args of [['status'], ['people']]) {
      const run = await cli([...args, '--data-dir', dataDir])
      expect(run.stdout + run.stderr).not.toMatch(FOREIGN)
    }
  })
})

describe('terminalSafe', () => {
  it('keeps the CLI’s own colours and progress line, drops everything else', () => {
    expect(terminalSafe('\x1b[1mbold\x1b[22m \x1b[31mred\x1b[39m')).toBe('\x1b[1mbold\x1b[22m \x1b[31mred\x1b[39m')
    expect(terminalSafe('\r\x1b[2KFetching SQL: 3/9')).toBe('\r\x1b[2KFetching SQL: 3/9')
    expect(terminalSafe('a\x1b[8mb\x1b[2Jc\x1b]52;c;eA==\x1b\\d\re\u202Ef\u2066g\x00h\x9b2Ji')).toBe('abcdefghi')
    expect(terminalSafe('unterminated \x1b]8;;https://x')).toBe('unterminated ')
    expect(terminalSafe('tab\tand\nnewline')).toBe('tab\tand\nnewline')
    // Without colour (a pipe, NO_COLOR) nothing that looks like a sequence survives, ours included.
    expect(terminalSafe('\x1b[1mbold\x1b[22m\r\x1b[2Kline', false)).toBe('bold\nline')
  })
})
