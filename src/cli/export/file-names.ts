// File and folder names that are safe on macOS, Windows and Linux alike: no reserved or invisible characters
// (path separators, controls, bidi overrides, zero-width), no Windows device names (CON, NUL, COM1, CONIN$…),
// no trailing dots or spaces, no leading dot (hidden files), a length cap in
// UTF-8 bytes, and names that differ only by case treated as the same (macOS and Windows folders are
// case-insensitive by default).

/** Per path component, in UTF-8 bytes: well under the 255-byte limit of common file systems, and short
 * enough that collection/report paths stay inside Windows' classic 260-character path limit. */
export const MAX_NAME_BYTES = 80

// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const RESERVED_CHARS = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f\u2028\u2029]/g
// Invisible characters a hostile name can use to make one file look like another ("report\u202Elqs.exe" shows
// as "reportexe.sql"), or two names look identical: bidi controls, zero-width characters, the BOM.
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i

function cutToBytes(s: string, maxBytes: number): string {
  let out = ''
  let bytes = 0
  for (const ch of s) {
    const b = Buffer.byteLength(ch, 'utf8')
    if (bytes + b > maxBytes) break
    out += ch
    bytes += b
  }
  return out
}

/** A readable, portable file-name stem (no extension) for any text; `fallback` when nothing is left. */
export function safeName(text: string | null | undefined, fallback = 'Untitled', maxBytes = MAX_NAME_BYTES): string {
  let s = (text ?? '').normalize('NFC').replace(INVISIBLE, '').replace(RESERVED_CHARS, ' ').replace(/\s+/g, ' ').trim()
  s = s.replace(/^[.\s]+/, '') // a leading dot hides the file on Unix
  s = cutToBytes(s, maxBytes)
  s = s.replace(/[.\s]+$/, '') // Windows drops trailing dots and spaces, which would merge names
  if (!s) s = fallback
  if (WINDOWS_DEVICE.test(s)) s = `_${s}`
  return s
}

/** The key under which two names collide on a case-insensitive file system. */
export function collisionKey(name: string): string {
  return name.normalize('NFC').toLowerCase()
}

/**
 * Gives each item a unique name: `base` when no other item shares it (ignoring case), otherwise
 * `base [suffix]` for every item of the colliding group. Suffixing the whole group (rather than "second one
 * wins") makes the result independent of order, so a re-export never renames a file just because another
 * item was added before it.
 */
export function uniqueNames<T>(items: T[], base: (item: T) => string, suffix: (item: T) => string, maxBytes = MAX_NAME_BYTES): Map<T, string> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const key = collisionKey(base(item))
    const group = groups.get(key)
    if (group) group.push(item)
    else groups.set(key, [item])
  }
  const names = new Map<T, string>()
  for (const group of groups.values()) {
    for (const item of group) {
      if (group.length === 1) names.set(item, base(item))
      else {
        const tag = ` [${safeName(suffix(item), 'x', 40)}]`
        names.set(item, `${cutToBytes(base(item), maxBytes - Buffer.byteLength(tag)).replace(/[.\s]+$/, '')}${tag}`)
      }
    }
  }
  return names
}
