// sync.* calls: the scheduler's state, sync now, cancel, and the run history from the library.
import { AppFailure } from '../../shared/errors.ts'
import { listSyncRuns } from '../library/index.ts'
import type { HandlerMap } from '../ipc.ts'
import type { HandlerContext } from './context.ts'

type SyncHandlers = Pick<HandlerMap, 'sync.getState' | 'sync.start' | 'sync.cancel' | 'sync.history'>

export function syncHandlers(ctx: HandlerContext): SyncHandlers {
  return {
    'sync.getState': () => ctx.scheduler.getState(),
    'sync.start': ({ full }) => {
      if (!ctx.connection.getSession()) {
        throw new AppFailure('not_connected', 'Not connected to Mode, so the library cannot sync.', 'Connect the workspace again to sync.')
      }
      return ctx.scheduler.syncNow({ full, trigger: 'manual' })
    },
    'sync.cancel': () => ctx.scheduler.cancel(),
    'sync.history': ({ limit }) => {
      const lib = ctx.connection.getLibrary()
      return lib ? listSyncRuns(lib, limit) : []
    },
  }
}
