// Which file under the built renderer folder an app://renderer/… path names, or null when it names none.
// Kept apart from protocol.ts (which needs Electron) so the rules are tested in plain Node: the page may ask
// only for regular files inside the folder — no `..` or `.` segments however encoded, no backslashes (a
// separator on Windows), no NUL, no directories, and malformed percent-encoding is refused, not thrown.
import { stat } from 'node:fs/promises'
import { isAbsolute, join, relative } from 'node:path'

export async function resolveRendererFile(rendererDir: string, pathname: string): Promise<string | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\\') || decoded.includes('\0')) return null
  const segments = decoded.split('/').filter((s) => s !== '')
  if (segments.some((s) => s === '..' || s === '.' || /^[A-Za-z]:/.test(s))) return null
  const filePath = join(rendererDir, ...(segments.length === 0 ? ['index.html'] : segments))
  const rel = relative(rendererDir, filePath)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null
  try {
    return (await stat(filePath)).isFile() ? filePath : null
  } catch {
    return null
  }
}
