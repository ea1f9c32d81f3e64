// Benchmark: N requests (default 1,000) through the Mode client against the simulator at Mode's default limit
// (40 requests per 10 s per user, leaky bucket). Targets: zero 429s, and an achieved rate of at least 90% of
// the limit. At 4 requests/s, 1,000 requests take about 250 s.
//
//   npm run bench:client [-- --requests 1000 --latency-ms 50 --callers 8]
import { parseArgs } from 'node:util'
import { createModeClient } from '../../src/main/mode/client.ts'
import { RateLimiter } from '../../src/main/mode/rate-limiter.ts'
import { startSimulator } from '../../src/sim/server.ts'

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '1000' },
    'latency-ms': { type: 'string', default: '50' },
    callers: { type: 'string', default: '8' },
  },
})
const total = Number(values.requests)
const latencyMs = Number(values['latency-ms'])
const callers = Number(values.callers)
const LIMIT = { requests: 40, perMs: 10_000 }
const limitPerSecond = (LIMIT.requests * 1000) / LIMIT.perMs

const sim = await startSimulator({ seed: 1, reports: total, rate: LIMIT, latencyMs })
const reports = sim.truth().reports.map((r) => r.token)
let waitingSince: number | null = null
const limiter = new RateLimiter({ ...LIMIT, onWaitingChange: (w) => (waitingSince = w ? performance.now() : null) })
const client = createModeClient({ baseUrl: sim.url, token: sim.token, password: sim.password, workspace: sim.workspace, limiter })

console.log(`client-rate: ${total} requests, simulator limit ${LIMIT.requests}/${LIMIT.perMs / 1000} s, latency ${latencyMs} ms, ${callers} callers, limiter concurrency ${limiter.concurrency}, bucket ${limiter.capacity}`)
const started = performance.now()
let next = 0
let failures = 0
const progress = setInterval(() => {
  const s = client.stats()
  console.log(`  … ${next}/${total} started, ${s.requests} requests, ${s.rateLimited} × 429, ${((performance.now() - started) / 1000).toFixed(0)} s${waitingSince !== null ? ', waiting for the rate limit' : ''}`)
}, 30_000)

await Promise.all(
  Array.from({ length: callers }, async () => {
    while (next < total) {
      const token = reports[next++ % reports.length]!
      try {
        await client.listQueries(token)
      } catch (error) {
        failures++
        console.error(`  request failed: ${(error as Error).message}`)
      }
    }
  }),
)
const elapsedS = (performance.now() - started) / 1000
clearInterval(progress)

const stats = client.stats()
const server = sim.stats()
await sim.close()
const rate = stats.requests / elapsedS
const ratio = rate / limitPerSecond
console.log(`requests:        ${stats.requests} (${failures} failed, ${stats.retries} retries)`)
console.log(`429s:            ${server.rate_limited} served by the simulator (target 0)`)
console.log(`elapsed:         ${elapsedS.toFixed(1)} s`)
console.log(`achieved rate:   ${rate.toFixed(3)} requests/s (limit ${limitPerSecond}/s)`)
console.log(`ratio to limit:  ${(ratio * 100).toFixed(1)}% (target ≥ 90%)`)
console.log(`max in flight:   ${server.max_in_flight}`)
const pass = server.rate_limited === 0 && ratio >= 0.9 && failures === 0
console.log(pass ? 'PASS' : 'FAIL')
process.exitCode = pass ? 0 : 1
