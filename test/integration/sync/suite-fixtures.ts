// A simulator, or a simulator and a library for its workspace, started before a describe block's tests and
// closed after them (the library before the simulator).
// Call inside describe(); read `.sim` and `.library` inside the tests and hooks, once the suite has started.
import { afterAll, beforeAll } from 'vitest'
import { openLibrary, type Library } from '../../../src/main/library/open-library.ts'
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../src/sim/server.ts'
import { tempDataDir } from './sync-harness.ts'

export interface SuiteSimulator {
  readonly sim: Simulator
}

export interface SuiteLibrary extends SuiteSimulator {
  readonly library: Library
}

/** Options may be a function, for a truth the suite builds before the simulator starts. */
type Options = SimulatorOptions | (() => SimulatorOptions | Promise<SimulatorOptions>)

/** A simulator with no rate limit and no latency unless the options say otherwise. */
export function suiteSimulator(options: Options): SuiteSimulator {
  let sim: Simulator | undefined
  beforeAll(async () => {
    sim = await startSimulator({ rate: null, latencyMs: 0, ...(typeof options === 'function' ? await options() : options) })
  })
  afterAll(async () => {
    await sim?.close()
  })
  return {
    get sim() {
      if (!sim) throw new Error('the suite’s simulator is not running (read .sim inside a test or hook)')
      return sim
    },
  }
}

/** A simulator and an empty library for its workspace in a fresh data folder. */
export function suiteLibrary(options: Options): SuiteLibrary {
  const simulator = suiteSimulator(options)
  let library: Library | undefined
  // After the simulator's hooks: opens once it runs, and (after-hooks run in reverse) closes before it stops.
  beforeAll(() => {
    library = openLibrary({ dataDir: tempDataDir(), workspace: simulator.sim.workspace })
  })
  afterAll(async () => {
    await library?.close()
  })
  return {
    get sim() {
      return simulator.sim
    },
    get library() {
      if (!library) throw new Error('the suite’s library is not open (read .library inside a test or hook)')
      return library
    },
  }
}
