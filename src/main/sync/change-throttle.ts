// The one throttle between "the sync wrote reports" and the renderer's library.changed event. It runs beside
// the sync (in the worker thread, or on the main thread when the sync falls back there), so the main thread
// relays what arrives as it arrives instead of throttling it a second time.

export interface ChangeThrottle {
  /** Reports were written; `reports` is how many (at least one is counted). */
  push(reports: number): void
  /** Emits what is pending now (call when the sync ends, so its last changes are not held back). */
  flush(): void
  /** Drops what is pending and stops the timer. */
  cancel(): void
}

/** Names arrive page by page: one refresh per quarter second is plenty; more would only churn the UI. */
export const CHANGE_INTERVAL_MS = 250

/** Sums counts and emits at most once per `ms`, always including the last change (trailing edge). */
export function createChangeThrottle(emit: (reports: number) => void, ms: number = CHANGE_INTERVAL_MS): ChangeThrottle {
  let pending = 0
  let timer: ReturnType<typeof setTimeout> | null = null
  const stopTimer = (): void => {
    if (timer) clearTimeout(timer)
    timer = null
  }
  const flush = (): void => {
    stopTimer()
    if (pending === 0) return
    const reports = pending
    pending = 0
    emit(reports)
  }
  return {
    push(reports) {
      pending += Math.max(1, reports)
      if (timer) return
      timer = setTimeout(flush, ms)
      timer.unref?.()
    },
    flush,
    cancel() {
      stopTimer()
      pending = 0
    },
  }
}
