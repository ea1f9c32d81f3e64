// The CLI on a real network edge: it refuses to send credentials over plain http to another machine unless
// told to, goes through the proxy named in HTTP(S)_PROXY (and around it for NO_PROXY hosts), and says that a
// proxy wants a login (407) instead of calling the network "offline". The proxy is a tiny CONNECT proxy on
// 127.0.0.1 that tunnels every request to the simulator, whatever host was asked for.
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../../src/sim/server.ts'
import { cli } from './cli-process.ts'

interface Proxy {
  url: string
  /** `host:port` of every CONNECT it received. */
  connects: string[]
  mode: 'tunnel' | 'auth-required'
  server: Server
}

async function startProxy(simPort: number): Promise<Proxy> {
  const sockets = new Set<Socket>()
  const proxy: Proxy = { url: '', connects: [], mode: 'tunnel', server: createServer((_req, res) => { res.writeHead(405); res.end() }) }
  proxy.server.on('connect', (req, client: Socket) => {
    sockets.add(client)
    client.on('close', () => sockets.delete(client))
    proxy.connects.push(req.url ?? '')
    if (proxy.mode === 'auth-required') {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\nContent-Length: 0\r\n\r\n')
      return
    }
    const upstream = connect(simPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.pipe(client)
      client.pipe(upstream)
    })
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  proxy.server.on('close', () => { for (const s of sockets) s.destroy() })
  await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', () => resolve()))
  const address = proxy.server.address()
  proxy.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  return proxy
}

let sim: Simulator
let proxy: Proxy
let dataDir: string
let creds: Record<string, string>

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 21, reports: 10, rate: null, latencyMs: 0 })
  proxy = await startProxy(Number(new URL(sim.url).port))
  dataDir = await mkdtemp(join(tmpdir(), 'mc-cli-net-'))
  creds = { MODE_TOKEN: sim.token, MODE_PASSWORD: sim.password }
})
afterAll(async () => {
  await new Promise((resolve) => proxy?.server.close(resolve))
  await sim?.close()
  await rm(dataDir, { recursive: true, force: true })
})

// A host name that is not this machine: reachable here only through the proxy.
const REMOTE = 'http://mode-api.example.test'
const syncVia = (apiBase: string, extra: string[] = []) =>
  ['sync', '--api-base', apiBase, '--workspace', sim.workspace, '--data-dir', dataDir, '--rate', '1000/1', ...extra]

describe('the CLI at the network edge', () => {
  it('refuses plain http to another machine unless --allow-insecure-http is given', async () => {
    const refused = await cli(syncVia(REMOTE), creds)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/Refusing --api-base http:\/\/mode-api\.example\.test: plain http .* unencrypted/)
    expect(proxy.connects).toEqual([])
  })

  it('goes through HTTP_PROXY, and around it for a NO_PROXY host', async () => {
    proxy.mode = 'tunnel'
    proxy.connects.length = 0
    const viaProxy = await cli(syncVia(REMOTE, ['--allow-insecure-http', '--json']), { ...creds, HTTP_PROXY: proxy.url })
    expect(viaProxy.code, viaProxy.stderr).toBe(0)
    const summary = JSON.parse(viaProxy.stdout) as { outcome: string; reports: number }
    expect(summary.outcome).toBe('success')
    // Every report arrived (the library's count also holds the workspace's datasets).
    expect(summary.reports).toBeGreaterThanOrEqual(sim.truth().reports.length)
    expect(proxy.connects.length).toBeGreaterThan(0)
    expect(new Set(proxy.connects)).toEqual(new Set(['mode-api.example.test:80']))

    proxy.connects.length = 0
    const bypass = await cli(syncVia(REMOTE, ['--allow-insecure-http']), { ...creds, HTTP_PROXY: proxy.url, NO_PROXY: '.example.test' })
    // Without the proxy the made-up host cannot be looked up: offline, and the proxy saw nothing.
    expect(bypass.code).toBe(1)
    expect(bypass.stderr).toMatch(/could not be looked up|could not be reached/)
    expect(proxy.connects).toEqual([])
  })

  it('a proxy that answers 407 is reported as needing authentication, not offline', async () => {
    proxy.mode = 'auth-required'
    proxy.connects.length = 0
    const run = await cli(syncVia('https://mode-api.example.test'), { ...creds, HTTPS_PROXY: proxy.url })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/proxy between this computer and Mode needs authentication \(HTTP 407\)/)
    expect(run.stderr).not.toMatch(/could not be reached|offline/i)
    expect(proxy.connects[0]).toBe('mode-api.example.test:443')
    // Not retried five times over: a login the proxy wants does not appear by asking again.
    expect(proxy.connects.length).toBeLessThanOrEqual(2)
  })

  it('requests to this machine never go through the proxy (the simulator, demo)', async () => {
    proxy.mode = 'tunnel'
    proxy.connects.length = 0
    const run = await cli(syncVia(sim.url), { ...creds, HTTP_PROXY: proxy.url })
    expect(run.code, run.stderr).toBe(0)
    expect(proxy.connects).toEqual([])
  })
})
