// The real Electron app, launched by Playwright. Runs wherever an Electron binary exists; on machines where
// Electron cannot be downloaded it reports itself skipped, with the reason.
import { _electron as electron, expect, test } from '@playwright/test'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

function electronBinary(): string | null {
  try {
    const require = createRequire(import.meta.url)
    const dir = dirname(require.resolve('electron/package.json'))
    const pathFile = join(dir, 'path.txt')
    if (!existsSync(pathFile)) return null
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
    return existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

const binary = electronBinary()

test.describe('the real Electron app', () => {
  test.skip(binary === null, 'SKIPPED: no Electron binary on this machine (it cannot be downloaded here); the Chromium specs cover the renderer.')

  test('opens a sandboxed window that talks to main over the preload bridge', async () => {
    const app = await electron.launch({ executablePath: binary!, args: ['.'] })
    const window = await app.firstWindow()
    // The first screen (setup wizard or library) is up once the root says so.
    await expect(window.locator('[data-app-state="ready"]')).toBeVisible()
    const hasNode = await window.evaluate(() => typeof (globalThis as { require?: unknown }).require !== 'undefined')
    expect(hasNode).toBe(false)
    await window.screenshot({ path: 'test-results/screenshots/electron-first-screen.png' })
    await app.close()
  })
})
