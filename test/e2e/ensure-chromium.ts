// Runs before the e2e specs: makes sure a Chromium is there. On a Debian/Ubuntu machine where we are root
// (CI, fresh dev boxes of this project's kind) it installs Debian's chromium; anywhere else it stops with
// the command to run.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { NO_CHROMIUM_MESSAGE, findChromium } from './chromium.ts'

if (!findChromium()) {
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && process.env.MC_NO_AUTO_INSTALL !== '1'
  if (!canInstall) {
    console.error(NO_CHROMIUM_MESSAGE)
    process.exit(1)
  }
  console.log('[e2e] Chromium not found: installing Debian chromium (apt-get install -y chromium)…')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env })
  if (!findChromium()) {
    console.error(NO_CHROMIUM_MESSAGE)
    process.exit(1)
  }
}
