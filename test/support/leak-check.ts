// Fails a test that leaves a thread, timer, server or open database behind (the way VS Code's suites check for
// leaked disposables). Loaded by vitest.config.ts as a setup file, so it runs in every test file's process.
//
// What is tracked, from its creation by project code (test/ or src/, not a dependency) until it is gone:
// - worker threads and ref'ed timers, through async_hooks;
// - listening servers (net, http, https), by wrapping Server.prototype.listen;
// - node:sqlite connections, by wrapping DatabaseSync before any test module imports it.
// Something created inside a test must be gone by the end of that test; something created in a file's
// beforeAll or at its top level must be gone by the end of the file. A leak fails the test (or the file) with
// what was left and where it was created.
import { createHook } from 'node:async_hooks'
import { createRequire, syncBuiltinESMExports } from 'node:module'
import type { Server } from 'node:net'
import type { DatabaseSync } from 'node:sqlite'
import { afterAll, afterEach, beforeEach } from 'vitest'

type Scope = 'file' | 'test'

interface Tracked {
  kind: string
  scope: Scope
  stack: string
  /** Still holding something: a timer that is pending and ref'ed, a database that is open. */
  alive: () => boolean
}

// The project root (Vitest runs from it); import.meta.url is not a file: URL under the jsdom environment.
const root = process.cwd() + '/'
const tracked = new Map<object | number, Tracked>()
let scope: Scope = 'file'

/** The creation stack, if project code (outside node_modules and this file) created the resource. */
function projectStack(): string | null {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 40
  const stack = new Error().stack ?? ''
  Error.stackTraceLimit = limit
  const frames = stack.split('\n').slice(1)
  const own = frames.filter((f) => f.includes(root) && !f.includes('node_modules') && !f.includes('leak-check.ts'))
  return own.length > 0 ? own.slice(0, 6).join('\n') : null
}

const HANDLE_KINDS: Record<string, string> = {
  WORKER: 'worker thread',
  Timeout: 'timer',
}

createHook({
  init(asyncId, type, _trigger, resource) {
    const kind = HANDLE_KINDS[type]
    if (!kind) return
    const stack = projectStack()
    if (!stack) return
    const timer = type === 'Timeout' ? (resource as { hasRef(): boolean }) : null
    tracked.set(asyncId, { kind, scope, stack, alive: () => (timer ? timer.hasRef() : true) })
  },
  destroy(asyncId) {
    tracked.delete(asyncId)
  },
}).enable()

// node:sqlite connections: the builtin's export is replaced by a subclass that records each instance, and
// syncBuiltinESMExports makes `import { DatabaseSync } from 'node:sqlite'` in the modules under test see it.
const require = createRequire(import.meta.url)
const sqlite = require('node:sqlite') as { DatabaseSync: typeof DatabaseSync }
const Original = sqlite.DatabaseSync
class TrackedDatabaseSync extends Original {
  constructor(...args: ConstructorParameters<typeof Original>) {
    super(...args)
    const stack = projectStack()
    if (stack) tracked.set(this, { kind: `database ${String(args[0])}`, scope, stack, alive: () => this.isOpen })
  }
}
sqlite.DatabaseSync = TrackedDatabaseSync
syncBuiltinESMExports()

// Servers: a server binds asynchronously (after project code has returned), so the stack is taken at listen().
const net = require('node:net') as { Server: typeof Server }
const listen = net.Server.prototype.listen
net.Server.prototype.listen = function trackedListen(this: Server, ...args: unknown[]) {
  const stack = projectStack()
  if (stack) tracked.set(this, { kind: 'listening server', scope, stack, alive: () => this.listening })
  return (listen as (...a: unknown[]) => Server).apply(this, args)
} as typeof listen

/** Destroy hooks run a little after a handle closes: wait a few turns of the event loop before judging. */
async function settle(of: Scope | 'all'): Promise<void> {
  for (let i = 0; i < 20; i++) {
    if (leftOver(of).length === 0) return
    await new Promise((resolve) => setTimeout(resolve, 5).unref())
  }
}

function leftOver(of: Scope | 'all'): Tracked[] {
  return [...tracked.values()].filter((t) => (of === 'all' || t.scope === of) && t.alive())
}

function report(leaks: Tracked[], where: string): Error {
  const lines = leaks.map((t) => `- a ${t.kind}, created at\n${t.stack.replace(/^/gm, '    ')}`)
  return new Error(`${where} left ${leaks.length} resource(s) behind:\n${lines.join('\n')}`)
}

function forget(of: Scope | 'all'): void {
  for (const [key, t] of tracked) if (of === 'all' || t.scope === of) tracked.delete(key)
}

beforeEach(() => {
  scope = 'test'
})

afterEach(async () => {
  await settle('test')
  const leaks = leftOver('test')
  forget('test')
  scope = 'file'
  if (leaks.length > 0) throw report(leaks, 'This test')
})

afterAll(async () => {
  scope = 'file'
  await settle('all')
  const leaks = leftOver('all')
  forget('all')
  if (leaks.length > 0) throw report(leaks, 'This test file')
})
