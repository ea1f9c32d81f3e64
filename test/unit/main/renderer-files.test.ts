import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveRendererFile } from '../../../src/main/renderer-files.ts'

let root: string
let rendererDir: string

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'mc-renderer-files-'))
  rendererDir = join(root, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>')
  writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'export {}')
  writeFileSync(join(root, 'secret.txt'), 'outside the renderer')
})

afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('app://renderer paths', () => {
  it('serves the page and its assets', async () => {
    expect(await resolveRendererFile(rendererDir, '/index.html')).toBe(join(rendererDir, 'index.html'))
    expect(await resolveRendererFile(rendererDir, '/')).toBe(join(rendererDir, 'index.html'))
    expect(await resolveRendererFile(rendererDir, '/assets/index-abc.js')).toBe(join(rendererDir, 'assets', 'index-abc.js'))
    expect(await resolveRendererFile(rendererDir, '/assets//index-abc.js')).toBe(join(rendererDir, 'assets', 'index-abc.js'))
  })

  it('refuses anything outside the folder, however it is spelled', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets\\..\\..\\secret.txt',
      `/${encodeURIComponent(join(root, 'secret.txt'))}`,
      '//' + join(root, 'secret.txt'),
      '/C:/Windows/win.ini',
      '/%2e/index.html',
    ]) {
      expect(await resolveRendererFile(rendererDir, path), path).toBeNull()
    }
  })

  it('refuses directories, NUL and malformed percent-encoding without throwing', async () => {
    for (const path of ['/assets', '/assets/', '/index.html%00.js', '/%E0%A4%A', '/%', '/missing.js']) {
      expect(await resolveRendererFile(rendererDir, path), path).toBeNull()
    }
  })
})
