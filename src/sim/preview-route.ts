// The storage host behind `web_preview_image` (S3 in Mode's case: fixture URLs point at s3.us-west-2.amazonaws.com),
// served by the simulator on its own origin outside /api: no Basic auth, no rate limit, pre-signed URLs that
// expire after X-Amz-Expires seconds, S3-style XML errors, and the bad inputs a client must refuse.
import type http from 'node:http'
import { amzDate, previewSignature } from './hal.ts'
import { oversizedPng, previewPng } from './preview-image.ts'
import type { WorkspaceState } from './workspace-state.ts'

export interface PreviewRouteContext {
  states: Map<string, WorkspaceState>
  /** `http://127.0.0.1:PORT`: the redirect fault points at the same port under another host name. */
  origin: string
  latencyMs: number
}

const PREFIX = '/mode.production/report-run-previews/web/'

function s3Error(res: http.ServerResponse, status: number, code: string, message: string): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`
  res.writeHead(status, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(body) })
  res.end(body)
}

function send(res: http.ServerResponse, contentType: string, body: Buffer): void {
  res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': body.length })
  res.end(body)
}

export function servePreview(req: http.IncomingMessage, res: http.ServerResponse, url: URL, ctx: PreviewRouteContext): void {
  const reply = (): void => handle(req, res, url, ctx)
  if (ctx.latencyMs > 0) setTimeout(reply, ctx.latencyMs)
  else reply()
}

function handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL, ctx: PreviewRouteContext): void {
  if (res.destroyed) return
  // Where the redirect fault sends a client: another host. A client that followed it gets an image it must not use.
  if (url.pathname.startsWith('/moved/')) return send(res, 'image/png', previewPng(url.pathname))
  if (req.method !== 'GET') return s3Error(res, 405, 'MethodNotAllowed', 'The specified method is not allowed')
  if (!url.pathname.startsWith(PREFIX)) return s3Error(res, 403, 'AccessDenied', 'Access Denied')
  const [slug, reportToken, runToken, imageId, ...rest] = url.pathname.slice(PREFIX.length).split('/')
  const date = url.searchParams.get('X-Amz-Date') ?? ''
  const expires = Number(url.searchParams.get('X-Amz-Expires') ?? '0')
  if (rest.length > 0 || url.searchParams.get('X-Amz-Signature') !== previewSignature(url.pathname, date)) {
    return s3Error(res, 403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.')
  }
  const ws = ctx.states.get(slug ?? '')
  const report = ws?.reports.get(reportToken ?? '')
  if (!ws || !report || !report.preview || report.last_successful_run_token !== runToken || report.preview.image_id !== imageId) {
    return s3Error(res, 403, 'AccessDenied', 'Access Denied')
  }
  const signedAt = parseAmzDate(date)
  if (signedAt === null || ws.clock() > signedAt + expires * 1000) return s3Error(res, 403, 'AccessDenied', 'Request has expired')
  switch (report.preview.fault) {
    case 'redirect': {
      const other = ctx.origin.replace('127.0.0.1', 'localhost')
      res.writeHead(302, { Location: `${other}/moved${url.pathname}?at=${amzDate(ws.clock())}`, 'Content-Length': 0 })
      res.end()
      return
    }
    case 'not_image':
      // Claims to be a PNG; is an HTML page (a captive portal, a proxy's error page).
      return send(res, 'image/png', Buffer.from('<!DOCTYPE html><html><body><h1>Sign in to the network</h1></body></html>'))
    case 'oversized':
      return send(res, 'image/png', oversizedPng())
    default:
      return send(res, 'image/png', previewPng(`${report.token}/${runToken}/${imageId}`))
  }
}

/** `20211211T003520Z` → ms since the epoch. */
function parseAmzDate(text: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text)
  if (!m) return null
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]))
}
