import type { AppInfo } from '../shared/model.ts'

export const PRODUCT_NAME = 'Mode Companion'
export const APP_ID = 'com.modecompanion.desktop' // frozen: safeStorage ties stored secrets to the app's identity

export function getAppInfo(version: string, electronVersion: string | null): AppInfo {
  return { name: PRODUCT_NAME, version, platform: process.platform, arch: process.arch, electron: electronVersion }
}
