// Electron main entry: app lifecycle and wiring. The one place that knows Electron and every service;
// everything it can delegate lives in Electron-free modules (app-core.ts and the folders beside it).
import { app, BrowserWindow, dialog, ipcMain, Menu, net, powerMonitor, session, shell, type IpcMainInvokeEvent, type MenuItemConstructorOptions } from 'electron'
import { join } from 'node:path'
import { CALL_NAMES, callChannel, eventChannel, type EventName, type EventPayload } from '../shared/contract.ts'
import { APP_ID, PRODUCT_NAME } from './app-info.ts'
import { createAppCore, type AppCore } from './app-core.ts'
import { appMenuTemplate } from './app-menu.ts'
import { launchOrExplain } from './launch-failure.ts'
import { IpcRegistry } from './ipc.ts'
import { electronSafeStorage } from './electron/safe-storage.ts'
import { createElectronSettingsStore } from './electron/settings-store.ts'
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

  let core: AppCore | null = null
  let disposed = false
  app.on('before-quit', (event) => {
    // Let the running sync stop cleanly and the databases close before the process exits.
    if (!core || disposed) return
    event.preventDefault()
    disposed = true
    void core.dispose().finally(() => app.quit())
  })

  const openWindow = (): BrowserWindow => {
    const window = createMainWindow({ preloadPath: preloadPath(import.meta.dirname), devServerUrl, devTools: !app.isPackaged })
    window.on('closed', () => { if (mainWindow === window) mainWindow = null })
    return window
  }

  void app.whenReady().then(async () => {
    lockDownSession()
    handleAppProtocol(join(import.meta.dirname, '../renderer'))
    Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ appName: PRODUCT_NAME, platform: process.platform, isPackaged: app.isPackaged }) as MenuItemConstructorOptions[]))

    const dataDir = app.getPath('userData')
    // A full or read-only disk at first launch (settings, libraries) must end in a message, not in no window.
    const launched = await launchOrExplain({
      dataDir,
      prepare: () => prepare(dataDir),
      openWindow: () => { mainWindow = openWindow() },
      showError: (title, message) => dialog.showErrorBox(title, message),
      quit: () => app.quit(),
      log: (message) => console.error(message),
    })
    if (!launched) return
    app.on('activate', () => {
      if (!mainWindow) mainWindow = openWindow()
    })
  })

  async function prepare(dataDir: string): Promise<void> {
    // safeStorage only after ready: before it, macOS may name the keychain item wrongly
    // (https://github.com/electron/electron/issues/45328).
    const appCore = createAppCore({
      version: app.getVersion(),
      electronVersion: process.versions.electron ?? null,
      openExternal: (url) => shell.openExternal(url),
      emit,
      dataDir,
      safeStorage: electronSafeStorage(),
      settingsStore: createElectronSettingsStore({ cwd: dataDir }),
      revealInFolder: (path) => shell.showItemInFolder(path),
      chooseSaveFile: async (suggestedName) => {
        const options = { defaultPath: join(app.getPath('documents'), suggestedName), filters: [{ name: 'SQL', extensions: ['sql'] }] }
        const owner = BrowserWindow.getFocusedWindow()
        const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options)
        return result.canceled || !result.filePath ? null : result.filePath
      },
      isOnline: () => net.isOnline(),
      // Chromium's network stack: honours the system proxy (and its authentication) and the OS certificate
      // store, which corporate networks need; Node's own fetch ignores both.
      fetch: ((input: string | URL | Request, init?: RequestInit) => net.fetch(input instanceof URL ? input.toString() : input, init)) as typeof fetch,
      // Where Chromium would go to these URLs without a proxy (no system proxy, PAC or WPAD answer for them), the
      // sync worker makes its requests itself and the main thread stays free of them (sync/worker-fetch.ts).
      reachedDirectly: async (urls) => (await Promise.all(urls.map((url) => session.defaultSession.resolveProxy(url)))).every((proxy) => proxy.trim() === 'DIRECT'),
      // Development only: point the app at a local simulator (`npm run sim`) instead of app.mode.com.
      modeBaseUrl: !app.isPackaged && process.env.MODE_COMPANION_API_BASE ? () => process.env.MODE_COMPANION_API_BASE as string : undefined,
      log: (level, message) => console[level](message),
    })
    core = appCore
    const registry = new IpcRegistry({
      allowedOrigins: devServerUrl ? [APP_ORIGIN, new URL(devServerUrl).origin] : [APP_ORIGIN],
      handlers: appCore.handlers,
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
    powerMonitor.on('resume', () => appCore.onResume())

    // Restore the stored connection before the first screen asks for it (a sync may then run in the background).
    await appCore.start().catch((error: unknown) => console.error('[app] restoring the connection failed:', error instanceof Error ? error.name : 'error'))
  }

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
