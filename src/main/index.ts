// Electron main entry: app lifecycle and wiring. The one place that knows Electron and every service;
// everything it can delegate lives in Electron-free modules (app-core.ts and the folders beside it).
import { app, ipcMain, shell, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { join } from 'node:path'
import { CALL_NAMES, callChannel, eventChannel, type EventName, type EventPayload } from '../shared/contract.ts'
import { APP_ID, PRODUCT_NAME } from './app-info.ts'
import { createAppCore } from './app-core.ts'
import { IpcRegistry } from './ipc.ts'
import { handleAppProtocol, registerAppScheme } from './protocol.ts'
import { APP_ORIGIN } from './security-policy.ts'
import { createMainWindow, lockDownSession, preloadPath } from './window.ts'

app.setName(PRODUCT_NAME)
if (process.platform === 'win32') app.setAppUserModelId(APP_ID)

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  registerAppScheme()
  start()
}

function start(): void {
  let mainWindow: BrowserWindow | null = null
  const devServerUrl = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : null

  const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(eventChannel(event), payload)
  }

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault())
  })

  void app.whenReady().then(() => {
    lockDownSession()
    handleAppProtocol(join(import.meta.dirname, '../renderer'))

    const core = createAppCore({
      version: app.getVersion(),
      electronVersion: process.versions.electron ?? null,
      openExternal: (url) => shell.openExternal(url),
      emit,
    })
    const registry = new IpcRegistry({
      allowedOrigins: devServerUrl ? [APP_ORIGIN, new URL(devServerUrl).origin] : [APP_ORIGIN],
      handlers: core.handlers,
      onUnexpectedError: (call, error) => console.error(`[ipc] ${call} failed:`, error instanceof Error ? error.name : 'error'),
    })
    for (const name of CALL_NAMES) {
      ipcMain.handle(callChannel(name), (event: IpcMainInvokeEvent, input: unknown) =>
        registry.dispatch(name, {
          frameUrl: event.senderFrame?.url ?? null,
          isMainFrame: event.senderFrame !== null && event.senderFrame === event.sender.mainFrame,
        }, input),
      )
    }

    mainWindow = createMainWindow({ preloadPath: preloadPath(import.meta.dirname), devServerUrl })
    mainWindow.on('closed', () => { mainWindow = null })

    app.on('activate', () => {
      if (!mainWindow) mainWindow = createMainWindow({ preloadPath: preloadPath(import.meta.dirname), devServerUrl })
    })
    app.on('before-quit', () => { void core.dispose() })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
