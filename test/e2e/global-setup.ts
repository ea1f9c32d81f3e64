import { existsSync } from 'node:fs'
import { NO_CHROMIUM_MESSAGE, findChromium } from './chromium.ts'

export default function globalSetup(): void {
  if (!findChromium()) throw new Error(NO_CHROMIUM_MESSAGE)
  if (!existsSync('out/renderer/index.html')) throw new Error('out/renderer is missing: run `npm run build` first (npm run test:e2e does).')
}
