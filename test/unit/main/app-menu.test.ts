// Packaged builds must not offer a console into the renderer: no Toggle Developer Tools (nor Reload, which
// would re-run the page) anywhere in the application menu; development builds keep them.
import { describe, expect, it } from 'vitest'
import { appMenuTemplate, type MenuItemConstructorOptions } from '../../../src/main/app-menu.ts'

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ])
}

describe('application menu', () => {
  it.each(['darwin', 'win32', 'linux'] as const)('packaged on %s: no developer tools or reload, copy and paste still there', (platform) => {
    const all = roles(appMenuTemplate({ appName: 'Mode Companion', platform, isPackaged: true }))
    for (const role of ['toggleDevTools', 'reload', 'forceReload']) expect(all).not.toContain(role)
    for (const role of ['copy', 'paste', 'selectAll', 'zoomIn']) expect(all).toContain(role)
  })

  it('development builds keep the developer tools', () => {
    expect(roles(appMenuTemplate({ appName: 'Mode Companion', platform: 'linux', isPackaged: false }))).toContain('toggleDevTools')
  })

  it('the packaged window itself has devTools off (no shortcut opens them either)', async () => {
    const { readFile } = await import('node:fs/promises')
    const index = await readFile(new URL('../../../src/main/index.ts', import.meta.url), 'utf8')
    const window = await readFile(new URL('../../../src/main/window.ts', import.meta.url), 'utf8')
    expect(index).toMatch(/devTools: !app\.isPackaged/)
    expect(window).toMatch(/devTools: options\.devTools/)
    expect(index).toMatch(/Menu\.setApplicationMenu\(Menu\.buildFromTemplate\(appMenuTemplate\(/)
  })
})
