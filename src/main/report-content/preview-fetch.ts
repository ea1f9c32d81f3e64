// Downloads one preview image from its pre-signed URL: no credentials (the URL carries its own signature; Mode's
// Basic auth must never reach a storage host), HTTPS on allowed hosts only, redirects followed only within the
// same origin, at most `maxBytes` read (the download stops there), and the bytes must be a PNG, JPEG or WebP.
// Every refusal is a sentence for the report page, never an exception.
import { sniffImageType, type PreviewMime } from './image-bytes.ts'
import { isAllowedPreviewUrl, type PreviewOrigins } from './preview-url.ts'

export const MAX_PREVIEW_BYTES = 5 * 1024 * 1024
const MAX_REDIRECTS = 3

export interface PreviewFetchOptions {
  fetch: typeof globalThis.fetch
  origins: PreviewOrigins
  maxBytes?: number
  timeoutMs?: number
  signal?: AbortSignal
}

export type PreviewFetchResult = { ok: true; bytes: Uint8Array; mime: PreviewMime } | { ok: false; note: string; expired?: boolean }

export async function fetchPreviewImage(start: URL, options: PreviewFetchOptions): Promise<PreviewFetchResult> {
  const maxBytes = options.maxBytes ?? MAX_PREVIEW_BYTES
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 30_000)
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout
  let url = start
  try {
    for (let hop = 0; ; hop++) {
      // `credentials: 'omit'` and no Authorization header: nothing but the URL's own signature is sent.
      const response = await options.fetch(url.href, { method: 'GET', redirect: 'manual', credentials: 'omit', signal, headers: { Accept: 'image/png, image/jpeg, image/webp' } })
      // Some fetch implementations hide a manual redirect's target (an opaque redirect, status 0): refuse it.
      if (response.type === 'opaqueredirect' || response.status === 0) {
        return { ok: false, note: 'Preview not downloaded: the storage host redirected elsewhere.' }
      }
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel()
        const location = response.headers.get('location')
        const next = location ? safeUrl(location, url) : null
        if (!next || next.origin !== url.origin || !isAllowedPreviewUrl(next, options.origins)) {
          return { ok: false, note: `Preview not downloaded: the storage host redirected to ${next ? next.host : 'an invalid address'}, which is not the same host.` }
        }
        if (hop >= MAX_REDIRECTS) return { ok: false, note: 'Preview not downloaded: too many redirects.' }
        url = next
        continue
      }
      if (response.status === 403 || response.status === 400) {
        await response.body?.cancel()
        // S3 answers 403 "Request has expired" for a pre-signed URL past X-Amz-Expires (about two minutes).
        return { ok: false, expired: true, note: 'Preview not downloaded: its signed address had expired or was refused (it is retried on the next sync).' }
      }
      if (!response.ok) {
        await response.body?.cancel()
        return { ok: false, note: `Preview not downloaded: the storage host answered HTTP ${response.status}.` }
      }
      const declared = Number(response.headers.get('content-length') ?? '')
      if (Number.isFinite(declared) && declared > maxBytes) {
        await response.body?.cancel()
        return { ok: false, note: `Preview not kept: it is ${formatMb(declared)}, over the ${formatMb(maxBytes)} limit.` }
      }
      const bytes = await readAtMost(response, maxBytes)
      if (bytes === null) return { ok: false, note: `Preview not kept: it is over the ${formatMb(maxBytes)} limit.` }
      const mime = sniffImageType(bytes)
      if (!mime) return { ok: false, note: 'Preview not kept: the download is not a PNG, JPEG or WebP image.' }
      return { ok: true, bytes, mime }
    }
  } catch (error) {
    if (options.signal?.aborted) throw error
    return { ok: false, note: timeout.aborted ? 'Preview not downloaded: the storage host did not answer in time.' : 'Preview not downloaded: the storage host could not be reached.' }
  }
}

/** The body, or null as soon as it passes `maxBytes` (the rest is never downloaded). */
async function readAtMost(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array(0)
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength
    if (size > maxBytes) {
      await response.body.cancel().catch(() => {})
      return null
    }
    chunks.push(chunk)
  }
  const out = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.byteLength
  }
  return out
}

function safeUrl(location: string, base: URL): URL | null {
  try {
    return new URL(location, base)
  } catch {
    return null
  }
}

function formatMb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}
