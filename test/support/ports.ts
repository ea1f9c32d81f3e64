// A port nothing listens on (bound on 127.0.0.1, then released): for "Mode is unreachable" cases.
import { createServer } from 'node:net'

export async function unusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}
