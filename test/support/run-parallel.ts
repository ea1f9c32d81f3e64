// Runs npm scripts side by side and fails if any fails: `npm test` runs typecheck and lint this way, since each
// is one single-threaded process and a 2-core machine would otherwise leave a core idle for both. Each script's
// output is held back and printed whole when it ends (in the order named), so the log reads as if they had run
// one after the other. Usage: node test/support/run-parallel.ts <script> <script>…
import { spawn } from 'node:child_process'

const scripts = process.argv.slice(2)
if (scripts.length === 0) {
  console.error('usage: node test/support/run-parallel.ts <npm script>…')
  process.exit(2)
}

const npm = process.env.npm_execpath
const runs = scripts.map((script) => new Promise<{ script: string; code: number; output: string; seconds: number }>((resolve) => {
  const started = performance.now()
  // The npm that runs `npm test` (npm_execpath) when there is one, so the same node and PATH are used.
  const child = npm
    ? spawn(process.execPath, [npm, 'run', script], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn('npm', ['run', script], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const done = (code: number) => resolve({ script, code, output, seconds: (performance.now() - started) / 1000 })
  child.on('error', (error) => {
    output += `${error.message}\n`
    done(1)
  })
  child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0)))
}))

let failed = 0
// Printed in the order named, each as soon as it and the ones before it have ended.
for (const run of runs) {
  const { script, code, output, seconds } = await run
  process.stdout.write(`\n> ${script} (${seconds.toFixed(1)} s, side by side with ${scripts.filter((s) => s !== script).join(', ')})\n`)
  process.stdout.write(output.endsWith('\n') || output === '' ? output : `${output}\n`)
  if (code !== 0) {
    failed++
    process.stdout.write(`✗ ${script} failed (exit code ${code})\n`)
  }
}
process.exitCode = failed > 0 ? 1 : 0
