// Runs the Mode simulator in its own process for the sync benchmark, so the simulator's work (rendering pages
// of a 10,000-report workspace) does not count against the event loop the benchmark measures.
// Argument: SimulatorOptions as JSON. Prints one JSON line {url, token, password, workspace}; exits when stdin closes.
import { startSimulator } from '../../src/sim/server.ts'
import type { SimulatorOptions } from '../../src/sim/server.ts'

const options = JSON.parse(process.argv[2] ?? '{}') as SimulatorOptions
const sim = await startSimulator(options)
process.stdout.write(JSON.stringify({ url: sim.url, token: sim.token, password: sim.password, workspace: sim.workspace }) + '\n')
process.stdin.resume()
process.stdin.on('end', () => void sim.close().then(() => process.exit(0)))
