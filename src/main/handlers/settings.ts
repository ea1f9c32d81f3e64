// settings.* calls. A new nightly time re-arms the scheduler at once.
import { AppFailure } from '../../shared/errors.ts'
import type { HandlerMap } from '../ipc.ts'
import type { HandlerContext } from './context.ts'

type SettingsHandlers = Pick<HandlerMap,
  'settings.get' | 'settings.update' | 'settings.revealDataDir'>

export function settingsHandlers(ctx: HandlerContext): SettingsHandlers {
  const view = () => ({ ...ctx.settings.get(), dataDir: ctx.dataDir })
  return {
    'settings.get': view,
    'settings.update': (patch) => {
      const before = ctx.settings.get()
      let after
      try {
        after = ctx.settings.update(patch)
      } catch {
        throw new AppFailure('invalid_input', 'That setting value is not valid.')
      }
      if (after.nightlySyncTime !== before.nightlySyncTime) ctx.scheduler.reschedule()
      return view()
    },
    'settings.revealDataDir': async () => {
      try {
        await ctx.revealInFolder(ctx.dataDir)
        return true
      } catch {
        return false
      }
    },
  }
}
