// Shared by the knowledge specs: another sync after the simulator changed, and screenshots in light and dark at
// the default window (1280×820) and at a small one (880×560), where badges, reasons and diff columns have the
// least room.
import type { Locator } from '@playwright/test'
import { expect } from './fixtures.ts'
import type { AppHarness } from './fixtures.ts'
import { screenshotBothThemes } from './setup-steps.ts'

export async function syncAgain(app: AppHarness): Promise<void> {
  const before = (await app.core.handlers['sync.history']({ limit: 1 }))[0]?.id ?? 0
  await app.core.handlers['sync.start']({ full: false })
  await expect.poll(async () => {
    await app.core.scheduler.idle()
    const last = (await app.core.handlers['sync.history']({ limit: 1 }))[0]
    return last !== undefined && last.id > before && last.outcome === 'success'
  }, { timeout: 180_000 }).toBe(true)
}

/** `focus`: the part of the screen the shots are about, scrolled into view again at the small size. */
export async function screenshotBothSizes(app: AppHarness, name: string, focus?: Locator): Promise<void> {
  const size = app.page.viewportSize() ?? { width: 1280, height: 820 }
  await focus?.scrollIntoViewIfNeeded()
  await screenshotBothThemes(app, name)
  await app.page.setViewportSize({ width: 880, height: 560 })
  try {
    await focus?.scrollIntoViewIfNeeded()
    await screenshotBothThemes(app, `${name}-880x560`)
  } finally {
    await app.page.setViewportSize(size)
  }
}
