// Pins belong to the app's pins-and-recents store, not to the action panel. The panel reaches it through this small
// interface; until a store is registered the panel offers no Pin action at all, rather than a pin nobody keeps.
export interface PinStore {
  isPinned: (reportToken: string) => boolean
  setPinned: (reportToken: string, pinned: boolean) => Promise<void>
}

let registered: PinStore | null = null

export function registerPinStore(store: PinStore | null): void {
  registered = store
}

export function pinStore(): PinStore | null {
  return registered
}
