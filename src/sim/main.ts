// `npm run sim -- --port 4010 --seed 1 --reports 2000 [--rate 40/10|off] [--latency-ms 50]
//   [--pagination bare|links|mixed] [--workspace acme-analytics] [--retry-after yes|no|mixed] [--sample]`
// Prints one line with the URL, workspace and the simulator's own (made-up) credentials, then serves until Ctrl+C.

import { parseArgs } from 'node:util'
import { SAMPLE_WORKSPACE } from './generator.ts'
import { startSimulator, type PaginationStyle, type SimulatorOptions } from './server.ts'

function fail(message: string): never {
  console.error(`sim: ${message}`)
  process.exit(2)
}

function parseRate(text: string): SimulatorOptions['rate'] {
  if (text === 'off' || text === 'none') return null
  const m = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(text)
  if (!m) fail(`--rate must look like 40/10 (requests per seconds) or off, got ${text}`)
  return { requests: Number(m[1]), perMs: Number(m[2]) * 1000 }
}

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    seed: { type: 'string', default: '1' },
    reports: { type: 'string', default: '2000' },
    workspace: { type: 'string' },
    rate: { type: 'string', default: '40/10' },
    'latency-ms': { type: 'string', default: '0' },
    pagination: { type: 'string', default: 'bare' },
    'retry-after': { type: 'string', default: 'no' },
    sample: { type: 'boolean', default: false },
  },
})

const pagination = values.pagination as PaginationStyle
if (!['bare', 'links', 'mixed'].includes(pagination)) fail('--pagination must be bare, links or mixed')
const retryAfter = values['retry-after'] === 'mixed' ? 'mixed' : values['retry-after'] === 'yes'
const numberOf = (name: string, text: string): number => {
  const n = Number(text)
  if (!Number.isFinite(n) || n < 0) fail(`--${name} must be a non-negative number`)
  return n
}

const sim = await startSimulator({
  port: numberOf('port', values.port),
  ...(values.sample ? SAMPLE_WORKSPACE : {
    seed: numberOf('seed', values.seed), reports: numberOf('reports', values.reports), workspace: values.workspace,
  }),
  rate: parseRate(values.rate),
  latencyMs: numberOf('latency-ms', values['latency-ms']),
  paginationStyle: pagination,
  retryAfter,
})

// The one line a developer needs to point the app or curl at it (the credentials are the simulator's own).
console.log(`Mode simulator url=${sim.url} workspace=${sim.workspace} token=${sim.token} password=${sim.password}`)

const stop = (): void => {
  sim.close().then(() => process.exit(0), () => process.exit(1))
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
