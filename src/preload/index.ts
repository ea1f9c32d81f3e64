// The preload: exposes one global, `window.modeCompanion`, with a named function per contract call and an
// `on(event, listener)` that passes only the payload. No ipcRenderer, no event objects, nothing else.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { BRIDGE_GLOBAL, CALL_NAMES, EVENT_NAMES, callChannel, eventChannel, type CallName, type EventName } from '../shared/call-names.ts'
import { buildBridgeApi } from '../shared/bridge.ts'

const api = buildBridgeApi(
  CALL_NAMES,
  EVENT_NAMES,
  (call, input) => ipcRenderer.invoke(callChannel(call as CallName), input),
  (event, listener) => {
    const channel = eventChannel(event as EventName)
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload)
    ipcRenderer.on(channel, wrapped)
    return () => { ipcRenderer.removeListener(channel, wrapped) }
  },
)

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, api)
