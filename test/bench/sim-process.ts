// Starts the Mode simulator in a child process (sync-sim-process.ts) for a benchmark, so the simulator's work
// does not count against the process being measured, and reads its address from the child's first line.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { setPriority } from 'node:os'
import { join } from 'node:path'
import type { SimulatorOptions } from '../../src/sim/server.ts'

export interface SimProcess {
  url: string
  token: string
  password: string
  workspace: string
  child: ChildProcess
  /** Closes the child's stdin: the simulator closes and the child exits. */
  stop: () => void
}

/**
 * `lowPriority`: the simulator stands in for Mode's servers, which do not share this machine's CPUs; run it at
 * the lowest priority (where the OS lets us) so it does not take the CPU from the event loop being measured.
 */
export async function startSimProcess(options: SimulatorOptions, { lowPriority = false } = {}): Promise<SimProcess> {
  const child = spawn(process.execPath, [join(import.meta.dirname, 'sync-sim-process.ts'), JSON.stringify(options)], { stdio: ['pipe', 'pipe', 'inherit'] })
  if (lowPriority) {
    try {
      setPriority(child.pid!, 19)
    } catch {
      // not permitted here: figures then include the simulator's competition for the CPU
    }
  }
  const line = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const nl = out.indexOf('\n')
      if (nl >= 0) resolve(out.slice(0, nl))
    })
    child.on('exit', (code) => reject(new Error(`simulator exited (${code})`)))
  })
  const address = JSON.parse(line) as Pick<SimProcess, 'url' | 'token' | 'password' | 'workspace'>
  return { ...address, child, stop: () => child.stdin!.end() }
}
