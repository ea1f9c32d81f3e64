// The page's CSP arrives twice: as the app:// protocol's header (security-policy.ts) and as the <meta> in
// index.html (which also covers the dev server). They must say the same thing, or the weaker one is the one
// in force wherever the other is missing.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../src/main/security-policy.ts'

function directives(policy: string): Map<string, string> {
  return new Map(policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...values] = d.split(/\s+/)
    return [name!, values.join(' ')]
  }))
}

describe('content security policy', () => {
  const header = directives(CONTENT_SECURITY_POLICY)
  const html = readFileSync(new URL('../../../src/renderer/index.html', import.meta.url), 'utf8')
  const meta = directives(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '')

  it('the index.html meta policy equals the header (except frame-ancestors, which a meta cannot carry)', () => {
    const expected = new Map(header)
    expected.delete('frame-ancestors')
    expect(meta).toEqual(expected)
  })

  it('allows no inline or eval script, no network beyond the own origin, no plugins, no base or form targets', () => {
    expect(header.get('script-src')).toBe("'self'")
    expect(header.get('default-src')).toBe("'self'")
    expect(header.get('connect-src')).toBe("'self'")
    expect(header.get('object-src')).toBe("'none'")
    expect(header.get('base-uri')).toBe("'none'")
    expect(header.get('form-action')).toBe("'none'")
    expect(header.get('frame-ancestors')).toBe("'none'")
  })
})
