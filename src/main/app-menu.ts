// The application menu, as a template built from plain data so it can be checked without Electron. Electron's
// default menu has View → Toggle Developer Tools (and Reload) in every build: in a packaged app that hands
// anyone at the keyboard a console in the renderer, so those items exist only in development builds.

/** The subset of Electron's MenuItemConstructorOptions used here (this file stays Electron-free). */
export interface MenuItemConstructorOptions {
  label?: string
  role?: string
  type?: 'separator'
  submenu?: MenuItemConstructorOptions[]
}

export interface AppMenuOptions {
  appName: string
  platform: NodeJS.Platform
  isPackaged: boolean
}

export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin'
  const developer: MenuItemConstructorOptions[] = options.isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
  const template: MenuItemConstructorOptions[] = []
  if (mac) {
    template.push({
      label: options.appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    })
  }
  template.push(
    { label: 'File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    // Copy and paste (the API token into the wizard) need the Edit roles on macOS.
    {
      label: 'Edit',
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    {
      label: 'View',
      submenu: [...developer, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { label: 'Window', submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }] },
  )
  return template
}
