import { describe, expect, it, vi } from 'vitest'
import { isAllowedExternalUrl, openExternalIfAllowed } from '../../../src/main/external-links.ts'

describe('external links', () => {
  it('allows only https links to Mode', () => {
    expect(isAllowedExternalUrl('https://app.mode.com/acme/reports/abc123')).toBe(true)
    expect(isAllowedExternalUrl('https://mode.com/help/articles/api-reference')).toBe(true)
    expect(isAllowedExternalUrl('http://app.mode.com/acme')).toBe(false)
    expect(isAllowedExternalUrl('https://app.mode.com.evil.example/')).toBe(false)
    expect(isAllowedExternalUrl('https://user:pw@app.mode.com/')).toBe(false)
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false)
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false)
  })
  it('opens allowed links and refuses the rest', async () => {
    const open = vi.fn(async () => {})
    expect(await openExternalIfAllowed('https://app.mode.com/x', open)).toBe(true)
    expect(await openExternalIfAllowed('https://example.com/', open)).toBe(false)
    expect(open).toHaveBeenCalledTimes(1)
  })
  it('opens exactly the URL it checked, never the raw text another parser could read differently', async () => {
    const opened: string[] = []
    const open = async (url: string): Promise<void> => { opened.push(url) }
    expect(await openExternalIfAllowed('https://app.mode.com\\@evil.example/', open)).toBe(true)
    expect(await openExternalIfAllowed('https://app.mo\nde.com/acme\t/x', open)).toBe(true)
    expect(await openExternalIfAllowed('HTTPS://APP.MODE.COM/acme', open)).toBe(true)
    expect(opened).toEqual(['https://app.mode.com/@evil.example/', 'https://app.mode.com/acme/x', 'https://app.mode.com/acme'])
    expect(await openExternalIfAllowed('https://app.mode.com:8443/acme', open)).toBe(false)
  })
})
