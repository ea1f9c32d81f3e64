// Where libraries live. The app (Electron's userData for productName "Mode Companion") and the CLI must agree
// on this folder without importing Electron, so the per-platform rule Electron uses is repeated here.
import { homedir } from 'node:os'
import { join } from 'node:path'

export const PRODUCT_NAME = 'Mode Companion'

/** Electron's `app.getPath('userData')` for this app, computed without Electron. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME)
  if (platform === 'win32') return join(env.APPDATA || join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME)
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), PRODUCT_NAME)
}

/** A workspace slug made safe as a file name (Mode slugs are already [a-z0-9_-]; this guards odd input). */
export function libraryFileName(workspace: string): string {
  const safe = workspace.trim().toLowerCase().replace(/[^a-z0-9_.-]/g, '_').replace(/^\.+/, '_')
  if (!safe) throw new Error('A workspace name is required to open its library')
  return `${safe}.sqlite`
}

export function libraryPath(dataDir: string, workspace: string): string {
  return join(dataDir, 'libraries', libraryFileName(workspace))
}
