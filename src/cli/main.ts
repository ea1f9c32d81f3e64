// The `mode-companion` command (also `npm run cli -- …` and `npm run demo`): wires the real process streams
// and Ctrl+C into runCli and exits with its code.
import { useProxyFromEnv } from './proxy.ts'
import { runCli } from './run.ts'

useProxyFromEnv(process.env)

const controller = new AbortController()
let interrupts = 0
process.on('SIGINT', () => {
  interrupts++
  // First Ctrl+C: cancel cleanly (a sync stops between transactions). Second: the user means it.
  if (interrupts === 1) {
    process.stderr.write('\nStopping… (press Ctrl+C again to quit at once)\n')
    controller.abort()
  } else process.exit(130)
})

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  signal: controller.signal,
})
process.exitCode = code
// Let stdout drain (piped output is asynchronous), then leave even if a stray handle (stdin) is open.
process.stdout.write('', () => process.exit(code))
