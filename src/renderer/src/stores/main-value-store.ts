// A store for one value main answers without input (the collections, the people): null until loaded, the
// message of the last failed load, and load() to read it (again). `key` names the value in the store.
import { create } from 'zustand'
import type { CallInput, CallName, CallOutput } from '../../../shared/contract.ts'
import { call } from '../bridge.ts'

/** The calls that take no input. */
type InputFreeCall = { [C in CallName]: undefined extends CallInput<C> ? C : never }[CallName]

export type MainValueStore<K extends string, T> = { [P in K]: T | null } & {
  error: string | null
  load: () => Promise<void>
}

export function createMainValueStore<K extends string, C extends InputFreeCall>(key: K, callName: C) {
  const read = call as (name: C) => Promise<CallOutput<C>>
  return create<MainValueStore<K, CallOutput<C>>>((set) => ({
    [key]: null,
    error: null,
    load: async () => {
      try {
        set({ [key]: await read(callName), error: null } as Partial<MainValueStore<K, CallOutput<C>>>)
      } catch (e) {
        set({ error: e instanceof Error ? e.message : String(e) } as Partial<MainValueStore<K, CallOutput<C>>>)
      }
    },
  }) as MainValueStore<K, CallOutput<C>>)
}
