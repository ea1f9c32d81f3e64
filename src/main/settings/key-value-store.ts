// The small storage interface the settings logic is written against. In the app it is electron-store
// (src/main/electron/settings-store.ts); the CLI uses the in-memory version here, tests a JSON file
// (test/support/json-file-key-value-store.ts).

export interface KeyValueStore {
  get(key: string): unknown
  set(key: string, value: unknown): void
  delete(key: string): void
}

export class MemoryKeyValueStore implements KeyValueStore {
  private readonly data = new Map<string, unknown>()
  constructor(initial: Record<string, unknown> = {}) {
    for (const [k, v] of Object.entries(initial)) this.data.set(k, structuredClone(v))
  }
  get(key: string): unknown {
    return structuredClone(this.data.get(key))
  }
  set(key: string, value: unknown): void {
    this.data.set(key, structuredClone(value))
  }
  delete(key: string): void {
    this.data.delete(key)
  }
}
