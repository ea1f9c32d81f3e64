// The CLI as a child process on Node 24, without the developer's MODE_* variables or colours.
import { spawn } from 'node:child_process'
import { join } from 'node:path'

export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

const CLI = join(import.meta.dirname, '../../../src/cli/main.ts')

export function cli(args: string[], env: Record<string, string | undefined> = {}, timeoutMs = 45_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    // No MODE_* from the developer's shell, no colours: the output is compared as text.
    // Nor the shell's proxy settings: a test that needs a proxy passes its own.
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MODE_') && k !== 'FORCE_COLOR' && !/^(https?|no)_proxy$/i.test(k)))
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...base, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`CLI timed out: ${args.join(' ')}\n${stdout}\n${stderr}`))
    }, timeoutMs)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}
