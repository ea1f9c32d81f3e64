// Runs a child script (sync-child.ts, open-child.ts) and kills it with SIGKILL `killAfterMs` after it prints
// `startMarker` (null: let it finish). The kill tests draw those instants at random across the child's work.
import { spawn } from 'node:child_process'
import { tempDataDir } from './sync-harness.ts'

/** Node's on-disk compile cache, shared by every child: each start then skips most of the module compile work. */
const COMPILE_CACHE = tempDataDir()

export function runKillable(script: string, args: object, startMarker: string, killAfterMs: number | null): Promise<{ killed: boolean; workMs: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, JSON.stringify(args)], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_COMPILE_CACHE: COMPILE_CACHE } })
    let output = ''
    let startedAt = 0
    let killTimer: NodeJS.Timeout | undefined
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (!startedAt && output.includes(startMarker)) {
        startedAt = performance.now()
        if (killAfterMs !== null) killTimer = setTimeout(() => child.kill('SIGKILL'), killAfterMs)
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (_code, signal) => {
      clearTimeout(guard)
      clearTimeout(killTimer)
      resolve({ killed: signal === 'SIGKILL', workMs: startedAt ? performance.now() - startedAt : 0, output })
    })
  })
}
