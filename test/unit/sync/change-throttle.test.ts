// The one throttle between the sync's writes and library.changed: counts add up, at most one event per
// interval, the last change is never lost, and a cancelled throttle emits nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createChangeThrottle } from '../../../src/main/sync/change-throttle.ts'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('createChangeThrottle', () => {
  it('sums changes into one event per interval and always delivers the trailing change', () => {
    const events: number[] = []
    const changes = createChangeThrottle((n) => events.push(n), 250)
    changes.push(30)
    changes.push(0) // a write that changed nothing countable still counts as one
    vi.advanceTimersByTime(249)
    expect(events).toEqual([])
    vi.advanceTimersByTime(1)
    expect(events).toEqual([31])
    changes.push(5)
    changes.flush()
    expect(events).toEqual([31, 5])
    vi.advanceTimersByTime(1000)
    expect(events).toEqual([31, 5])
  })

  it('drops what is pending when cancelled', () => {
    const events: number[] = []
    const changes = createChangeThrottle((n) => events.push(n), 250)
    changes.push(3)
    changes.cancel()
    vi.advanceTimersByTime(1000)
    changes.flush()
    expect(events).toEqual([])
  })
})
