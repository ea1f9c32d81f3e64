// connection.* calls: status, storage options, connect (live check), the sample workspace, disconnect.
import type { HandlerMap } from '../ipc.ts'
import type { HandlerContext } from './context.ts'

type ConnectionHandlers = Pick<HandlerMap,
  'connection.getStatus' | 'connection.getStorageOptions' | 'connection.connect' | 'connection.connectSample' | 'connection.disconnect'>

export function connectionHandlers(ctx: HandlerContext): ConnectionHandlers {
  return {
    'connection.getStatus': () => ctx.connection.getStatus(),
    'connection.getStorageOptions': () => ctx.connection.getStorageOptions(),
    'connection.connect': (input) => ctx.connection.connect(input),
    'connection.connectSample': () => ctx.connection.connectSample(),
    'connection.disconnect': async ({ deleteLibrary }) => {
      const workspace = ctx.connection.getStatus().workspace
      const status = await ctx.connection.disconnect(deleteLibrary)
      // Pins, recents and saved searches belong with the library: deleting one forgets the others.
      if (deleteLibrary && workspace !== null) {
        ctx.home.forget(workspace)
        ctx.savedSearches.forget(workspace)
      }
      return status
    },
  }
}
