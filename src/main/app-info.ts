// Who the app is: its frozen identity and its version, read from package.json (the one place it is written).
import packageJson from '../../package.json' with { type: 'json' }
import type { AppInfo } from '../shared/model.ts'

/** package.json's version: the app reports `app.getVersion()` (the same number, from the packaged app). */
export const APP_VERSION: string = packageJson.version

export const PRODUCT_NAME = 'Mode Companion'
export const APP_ID = 'com.modecompanion.desktop' // frozen: safeStorage ties stored secrets to the app's identity

export function getAppInfo(version: string, electronVersion: string | null): AppInfo {
  return { name: PRODUCT_NAME, version, platform: process.platform, arch: process.arch, electron: electronVersion }
}
