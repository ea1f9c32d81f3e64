// Serves the built renderer from app://renderer/… instead of file://, so the page has a real, fixed origin
// (checked by the IPC registry) and every response carries our CSP header.
import { net, protocol } from 'electron'
import { pathToFileURL } from 'node:url'
import { resolveRendererFile } from './renderer-files.ts'
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security-policy.ts'

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ])
}

export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 })
    // Only regular files inside the renderer folder (renderer-files.ts says what is refused and why).
    const filePath = await resolveRendererFile(rendererDir, url.pathname)
    if (filePath === null) return new Response('Not found', { status: 404 })
    const response = await net.fetch(pathToFileURL(filePath).toString())
    const headers = new Headers(response.headers)
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    headers.set('X-Content-Type-Options', 'nosniff')
    return new Response(response.body, { status: response.status, headers })
  })
}
