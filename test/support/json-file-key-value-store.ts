// A KeyValueStore kept in one JSON file, standing in for electron-store where Electron cannot run (the e2e
// harness, the connection tests, the sync benchmark): settings survive a simulated restart like the app's.
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { KeyValueStore } from '../../src/main/settings/key-value-store.ts'

/** One JSON object in one file, rewritten atomically on each change (settings change rarely). */
export class JsonFileKeyValueStore implements KeyValueStore {
  readonly path: string
  private data: Record<string, unknown>
  constructor(path: string, log?: (message: string) => void) {
    this.path = path
    this.data = {}
    try {
      const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'))
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) this.data = parsed as Record<string, unknown>
      else log?.(`[settings] ${path} did not hold an object; starting from defaults`)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log?.(`[settings] ${path} could not be read; starting from defaults`)
    }
  }
  get(key: string): unknown {
    return structuredClone(this.data[key])
  }
  set(key: string, value: unknown): void {
    this.data[key] = structuredClone(value)
    this.flush()
  }
  delete(key: string): void {
    delete this.data[key]
    this.flush()
  }
  private flush(): void {
    mkdirSync(dirname(this.path), { recursive: true })
    const temp = `${this.path}.${randomBytes(6).toString('hex')}.tmp`
    try {
      writeFileSync(temp, JSON.stringify(this.data, null, 2))
      renameSync(temp, this.path)
    } catch (error) {
      rmSync(temp, { force: true })
      throw error
    }
  }
}
