// Plain-fetch helpers for the simulator's integration tests (deliberately not the app's Mode client).
import type { Simulator } from '../../../src/sim/server.ts'

export interface ApiResponse {
  status: number
  headers: Headers
  text: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any
}

export function authHeader(token: string, password: string): string {
  return `Basic ${Buffer.from(`${token}:${password}`).toString('base64')}`
}

export async function apiGet(sim: Simulator, path: string, init: { auth?: string | null; signal?: AbortSignal } = {}): Promise<ApiResponse> {
  const auth = init.auth === undefined ? authHeader(sim.token, sim.password) : init.auth
  const res = await fetch(`${sim.apiBase}${path}`, {
    headers: { Accept: 'application/hal+json', ...(auth ? { Authorization: auth } : {}) },
    signal: init.signal,
  })
  const text = await res.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: res.status, headers: res.headers, text, json }
}

export async function adminPost(sim: Simulator, path: string, body: unknown): Promise<ApiResponse> {
  const res = await fetch(`${sim.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
  const text = await res.text()
  return { status: res.status, headers: res.headers, text, json: text ? JSON.parse(text) : undefined }
}

/** Walks a collection's report pages until a page is empty or adds no new token (bounded). */
export async function walkSpaceReports(sim: Simulator, spaceToken: string, query = ''): Promise<{ tokens: string[]; pages: number }> {
  const seen = new Set<string>()
  const tokens: string[] = []
  let pages = 0
  for (let page = 1; page <= 500; page++) {
    const res = await apiGet(sim, `/${sim.workspace}/spaces/${spaceToken}/reports?page=${page}${query}`)
    if (res.status !== 200) throw new Error(`page ${page}: HTTP ${res.status}`)
    pages++
    const items: { token: string }[] = res.json._embedded.reports
    const fresh = items.filter((r) => !seen.has(r.token))
    if (fresh.length === 0) break
    for (const r of fresh) {
      seen.add(r.token)
      tokens.push(r.token)
    }
  }
  return { tokens, pages }
}
