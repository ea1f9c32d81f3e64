// app.* calls: version information and allow-listed external links.
import { getAppInfo } from '../app-info.ts'
import { openExternalIfAllowed } from '../external-links.ts'
import type { HandlerMap } from '../ipc.ts'

type AppHandlers = Pick<HandlerMap, 'app.getInfo' | 'app.openExternal'>

export function appHandlers(opts: { version: string; electronVersion: string | null; openExternal: (url: string) => Promise<void> }): AppHandlers {
  return {
    'app.getInfo': () => getAppInfo(opts.version, opts.electronVersion),
    'app.openExternal': ({ url }) => openExternalIfAllowed(url, opts.openExternal),
  }
}
