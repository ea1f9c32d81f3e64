// The leak check itself: a fixture file whose tests each leave one kind of resource behind is run in a child
// Vitest with the same setup file; every leaky test must fail naming what it left and where, the clean one pass.
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../../', import.meta.url))

interface JsonReport {
  testResults: Array<{ assertionResults: Array<{ title: string; status: string; failureMessages: string[] }> }>
}

function runFixture(): Promise<JsonReport> {
  const dir = mkdtempSync(join(tmpdir(), 'mc-leaks-'))
  const output = join(dir, 'report.json')
  return new Promise<JsonReport>((resolve, reject) => {
    const args = ['node_modules/vitest/vitest.mjs', 'run', '--config', 'test/fixtures/leaks/vitest.config.ts', '--reporter=json', `--outputFile=${output}`]
    // The fixture's tests fail on purpose, so the child exits non-zero: the report is what counts.
    execFile(process.execPath, args, { cwd: root, timeout: 90_000 }, (error) => {
      try {
        resolve(JSON.parse(readFileSync(output, 'utf8')) as JsonReport)
      } catch {
        reject(error ?? new Error('the child Vitest wrote no report'))
      }
    })
  }).finally(() => rmSync(dir, { recursive: true, force: true }))
}

describe('the leak check', () => {
  it('fails a test that leaves a database, worker thread, timer or server behind, and passes one that cleans up', async () => {
    const report = await runFixture()
    const results = new Map(report.testResults.flatMap((f) => f.assertionResults).map((r) => [r.title, r]))
    const expectLeak = (title: string, kind: string): void => {
      const result = results.get(title)
      expect(result?.status, title).toBe('failed')
      expect(result?.failureMessages.join('\n')).toMatch(new RegExp(`left 1 resource\\(s\\) behind:\\n- a ${kind}[^\\n]*, created at\\n.*leaky\\.fixture\\.ts:\\d+`))
    }
    expectLeak('leaves a database open', 'database :memory:')
    expectLeak('leaves a worker thread running', 'worker thread')
    expectLeak('leaves a timer pending', 'timer')
    expectLeak('leaves a server listening', 'listening server')
    expect(results.get('cleans up after itself')?.status).toBe('passed')
  })
})
