// "Explore a sample workspace": the built-in Mode simulator on 127.0.0.1 serving the seeded sample, with
// fresh random credentials each time (kept in memory only) and a rate limit high enough that the first sync
// of the sample's few hundred reports takes seconds — it is local, so Mode's 4 requests/s need not apply.
import { randomBytes } from 'node:crypto'
import { startSimulator } from '../../sim/server.ts'
import { SAMPLE_WORKSPACE } from '../../sim/generator.ts'
import type { SampleServer } from './workspace-session.ts'

export const SAMPLE_REQUESTS_PER_SECOND = 150

export async function startSampleWorkspace(options: { requestsPerSecond?: number; latencyMs?: number } = {}): Promise<SampleServer> {
  const token = randomBytes(12).toString('hex')
  const password = randomBytes(18).toString('base64url')
  const requestsPerSecond = options.requestsPerSecond ?? SAMPLE_REQUESTS_PER_SECOND
  const sim = await startSimulator({
    port: 0,
    seed: SAMPLE_WORKSPACE.seed,
    reports: SAMPLE_WORKSPACE.reports,
    workspace: SAMPLE_WORKSPACE.workspace,
    token,
    password,
    // Headroom over the client's pace, so the sample never answers 429 (which would halve the pace for a while).
    rate: { requests: Math.ceil(requestsPerSecond * 1.5), perMs: 1_000 },
    latencyMs: options.latencyMs ?? 0,
    // Nothing in the app uses the simulator's admin routes, and they need no credentials: keep them shut.
    admin: false,
  })
  return { baseUrl: sim.url, workspace: sim.workspace, token, password, requestsPerSecond, stop: () => sim.close() }
}
