// A Mode client pointed at a running simulator, fast by default (no rate to wait for, tiny backoff) so the
// integration tests spend their time on behaviour, not on sleeping.
import { createModeClient, type ModeClientOptions } from '../../../src/main/mode/client.ts'
import { RateLimiter } from '../../../src/main/mode/rate-limiter.ts'
import type { Simulator } from '../../../src/sim/server.ts'

export function clientFor(sim: Pick<Simulator, 'url' | 'token' | 'password' | 'workspace'>, options: Partial<ModeClientOptions> = {}) {
  return createModeClient({
    baseUrl: sim.url,
    token: sim.token,
    password: sim.password,
    workspace: sim.workspace,
    limiter: new RateLimiter({ requests: 10_000, perMs: 1_000, concurrency: 8 }),
    baseBackoffMs: 5,
    maxBackoffMs: 50,
    timeoutMs: 10_000,
    ...options,
  })
}
