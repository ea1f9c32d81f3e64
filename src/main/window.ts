// The main window and its security policy: sandboxed, context-isolated, no Node in the page, no navigation,
// no new windows, no permissions; links to Mode open in the system browser through one allow-listed helper.
import { BrowserWindow, nativeTheme, session, shell } from 'electron'
import { join } from 'node:path'
import { openExternalIfAllowed } from './external-links.ts'
import { APP_ORIGIN } from './security-policy.ts'

export function lockDownSession(): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.on('will-download', (event) => event.preventDefault())
}

/** `devTools`: false in packaged builds, so no shortcut or menu can open a console in the page. */
export function createMainWindow(options: { preloadPath: string; devServerUrl: string | null; devTools: boolean }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 880,
    minHeight: 560,
    show: false,
    title: 'Mode Companion',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16181d' : '#ffffff',
    webPreferences: {
      preload: options.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      devTools: options.devTools,
    },
  })
  const contents = window.webContents
  // The app is a single page: no navigation at all. A link to Mode goes to the system browser instead.
  contents.on('will-navigate', (event, url) => {
    event.preventDefault()
    void openExternalIfAllowed(url, (u) => shell.openExternal(u))
  })
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalIfAllowed(url, (u) => shell.openExternal(u))
    return { action: 'deny' }
  })
  window.once('ready-to-show', () => window.show())

  if (options.devServerUrl) void window.loadURL(options.devServerUrl)
  else void window.loadURL(`${APP_ORIGIN}/index.html`)
  return window
}

export function preloadPath(mainDir: string): string {
  return join(mainDir, '../preload/index.cjs')
}
