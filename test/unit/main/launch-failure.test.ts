// A first launch that cannot write its data (a full disk is the common case) must end in a message that says
// so, never in a process without a window. Uses a real ENOSPC: writes to /dev/full fail with it on Linux.
import { writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { describeLaunchFailure, launchOrExplain } from '../../../src/main/launch-failure.ts'

const hasDevFull = process.platform === 'linux'

function run(prepare: () => Promise<void>) {
  const shown: { title: string; message: string }[] = []
  let windows = 0
  let quits = 0
  const launched = launchOrExplain({
    dataDir: '/home/ana/.config/Mode Companion',
    prepare,
    openWindow: () => void windows++,
    showError: (title, message) => void shown.push({ title, message }),
    quit: () => void quits++,
  })
  return { launched, shown, counts: () => ({ windows, quits }) }
}

describe('first launch on a disk that cannot take the data', () => {
  it.runIf(hasDevFull)('a full disk shows one clear message and quits instead of opening nothing', async () => {
    const r = run(async () => writeFileSync('/dev/full', JSON.stringify({ settings: true })))
    expect(await r.launched).toBe(false)
    expect(r.counts()).toEqual({ windows: 0, quits: 1 })
    expect(r.shown).toHaveLength(1)
    expect(r.shown[0]!.title).toBe('The disk is full')
    expect(r.shown[0]!.message).toContain('/home/ana/.config/Mode Companion')
    expect(r.shown[0]!.message).toMatch(/Free some disk space/)
  })

  it('a healthy start opens the window and shows nothing', async () => {
    const r = run(async () => {})
    expect(await r.launched).toBe(true)
    expect(r.counts()).toEqual({ windows: 1, quits: 0 })
    expect(r.shown).toEqual([])
  })

  it('recognises SQLite’s full disk, a read-only folder, and says something for anything else', () => {
    expect(describeLaunchFailure(new Error('database or disk is full'), '/d').title).toBe('The disk is full')
    const wrapped = new Error('settings could not be saved', { cause: Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' }) })
    expect(describeLaunchFailure(wrapped, '/d')).toMatchObject({ title: 'Mode Companion cannot write its data' })
    expect(describeLaunchFailure(new TypeError('x is undefined'), '/d').message).toMatch(/TypeError/)
  })
})
