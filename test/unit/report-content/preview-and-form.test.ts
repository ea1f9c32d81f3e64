import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sniffImageType } from '../../../src/main/report-content/image-bytes.ts'
import { checkPreviewUrl, previewOrigins } from '../../../src/main/report-content/preview-url.ts'
import { findFormBlocks, parseFormParameters } from '../../../src/shared/form-parameters.ts'

const FIXTURES = join(import.meta.dirname, '../../fixtures/mode')
const fixtureReport = JSON.parse(readFileSync(join(FIXTURES, 'reports_75737b70402e.json'), 'utf8'))._embedded.reports[0]

describe('preview URLs', () => {
  const production = previewOrigins('https://app.mode.com')

  it('accepts the fixture URL and reads the run token from its path', () => {
    const check = checkPreviewUrl(fixtureReport.web_preview_image, production)
    expect(check).toMatchObject({ ok: true, runToken: fixtureReport.last_successful_run_token })
  })

  it('refuses plain HTTP, other hosts, ports and embedded credentials', () => {
    const path = '/mode.production/report-run-previews/web/ws/r/run1/img'
    for (const raw of [`http://s3.us-west-2.amazonaws.com${path}`, `https://evil.example${path}`, `https://s3.us-west-2.amazonaws.com:8443${path}`,
      `https://user:pw@s3.us-west-2.amazonaws.com${path}`, 'javascript:alert(1)', 'not a url']) {
      expect(checkPreviewUrl(raw, production).ok, raw).toBe(false)
    }
  })

  it('allows plain HTTP only for a loopback Mode origin (the simulator)', () => {
    const sim = previewOrigins('http://127.0.0.1:4010')
    expect(checkPreviewUrl('http://127.0.0.1:4010/mode.production/report-run-previews/web/ws/r/run1/img', sim).ok).toBe(true)
    expect(checkPreviewUrl('http://127.0.0.1:4011/x', sim).ok).toBe(false)
    expect(previewOrigins('http://mode.internal').loopbackOrigins).toEqual([])
  })
})

describe('image signatures', () => {
  it('recognises PNG, JPEG and WebP and nothing else', () => {
    expect(sniffImageType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png')
    expect(sniffImageType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg')
    expect(sniffImageType(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp')
    expect(sniffImageType(Buffer.from('<!DOCTYPE html><html>'))).toBeNull()
    expect(sniffImageType(Buffer.from('GIF89a'))).toBeNull()
    expect(sniffImageType(new Uint8Array())).toBeNull()
  })
})

describe('form parameters', () => {
  it('parses the fixture query’s form block', () => {
    const sql = JSON.parse(readFileSync(join(FIXTURES, 'queries.json'), 'utf8'))._embedded.queries[0].raw_query as string
    expect(parseFormParameters(sql)).toEqual([{ name: 'selected_id', type: 'text', default: 'my_id', options: [], dynamicOptions: false, description: null }])
    const [block] = findFormBlocks(sql)
    expect(sql.slice(block!.start, block!.end)).toMatch(/^\{% form %\}[\s\S]*\{% endform %\}$/)
    expect(sql.slice(0, block!.start)).toContain('where selected_id = {{ selected_id }}')
  })

  it('reads inline and listed options, multiselect, dates and dynamic options', () => {
    const sql = `select 1
{% form %}
region:
  type: select
  default: EMEA
  options: [EMEA, "AMER", APAC]

plans:
  type: select
  input_type: multiselect
  options:
    - Free
    - Pro

start_date:
  type: date
  default: 2026-01-01
  description: First day

owner:
  type: select
  options:
    labels: name
    values: id
{% endform %}`
    expect(parseFormParameters(sql)).toEqual([
      { name: 'region', type: 'select', default: 'EMEA', options: ['EMEA', 'AMER', 'APAC'], dynamicOptions: false, description: null },
      { name: 'plans', type: 'multiselect', default: null, options: ['Free', 'Pro'], dynamicOptions: false, description: null },
      { name: 'start_date', type: 'date', default: '2026-01-01', options: [], dynamicOptions: false, description: 'First day' },
      { name: 'owner', type: 'select', default: null, options: [], dynamicOptions: true, description: null },
    ])
  })

  it('finds nothing in SQL without a form', () => {
    expect(parseFormParameters('select {{ x }} from t')).toEqual([])
    expect(findFormBlocks('select 1')).toEqual([])
  })
})
