// Start-up that cannot finish (the disk is full or read-only at first launch, the profile folder is not
// writable) used to end with no window and no word. The launch steps run through `launchOrExplain`, which
// turns such a failure into one message box that says what happened and what to do, then quits.

export interface LaunchFailureMessage {
  title: string
  message: string
}

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT'])
const NOT_WRITABLE = new Set(['EROFS', 'EACCES', 'EPERM'])

/** The system error code anywhere in the cause chain (SQLite and electron-store wrap fs errors). */
function systemCode(error: unknown): string | null {
  let e: unknown = error
  for (let depth = 0; depth < 6 && typeof e === 'object' && e !== null; depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code
    const message = (e as { message?: unknown }).message
    // node:sqlite reports a full disk as SQLITE_FULL in its message, without a system code.
    if (typeof message === 'string' && /SQLITE_FULL|database or disk is full/i.test(message)) return 'ENOSPC'
    e = (e as { cause?: unknown }).cause
  }
  return null
}

export function describeLaunchFailure(error: unknown, dataDir: string): LaunchFailureMessage {
  const code = systemCode(error)
  if (code && DISK_FULL.has(code)) {
    return {
      title: 'The disk is full',
      message: `Mode Companion could not start because there is no space left for its data in ${dataDir}.\n\nFree some disk space, then open Mode Companion again.`,
    }
  }
  if (code && NOT_WRITABLE.has(code)) {
    return {
      title: 'Mode Companion cannot write its data',
      message: `Mode Companion could not start because it may not write to ${dataDir} (${code}).\n\nCheck that the folder exists and that your account may write to it, then open Mode Companion again.`,
    }
  }
  return {
    title: 'Mode Companion could not start',
    message: `Something went wrong while starting (${code ?? (error instanceof Error ? error.name : 'error')}).\n\nOpen Mode Companion again; if this keeps happening, reinstall it.`,
  }
}

export interface LaunchSteps {
  dataDir: string
  /** Everything before the window: data folder, settings, services, the stored connection. */
  prepare: () => Promise<void>
  openWindow: () => void
  /** Electron: dialog.showErrorBox, usable before any window exists. */
  showError: (title: string, message: string) => void
  quit: () => void
  log?: (message: string) => void
}

/** Runs the launch; a failure is shown to the user (never silently windowless) and the app quits. */
export async function launchOrExplain(steps: LaunchSteps): Promise<boolean> {
  try {
    await steps.prepare()
    steps.openWindow()
    return true
  } catch (error) {
    const { title, message } = describeLaunchFailure(error, steps.dataDir)
    steps.log?.(`[app] start-up failed: ${systemCode(error) ?? (error instanceof Error ? error.name : 'error')}`)
    steps.showError(title, message)
    steps.quit()
    return false
  }
}
