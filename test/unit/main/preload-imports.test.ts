// The preload runs in every window before the page: it builds the bridge from the call names alone, so its
// bundle stays small (it carried every zod schema, 185 kB, when it imported the contract).
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../../..')

function importGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string): void => {
    if (files.has(file) || files.size > 100) return
    files.add(file)
    const source = readFileSync(file, 'utf8')
    for (const match of source.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)) {
      const specifier = match[1]!
      if (/^import\s+type\b/.test(match[0].trim()) || /^export\s+type\b/.test(match[0].trim())) continue
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier))
      else packages.add(specifier)
    }
  }
  visit(join(root, entry))
  return { files: [...files].map((f) => f.slice(root.length + 1)), packages: [...packages] }
}

describe('the preload', () => {
  it('imports only electron and the schema-free call names, never zod or the contract', () => {
    const graph = importGraph('src/preload/index.ts')
    expect(graph.packages).toEqual(['electron'])
    expect(graph.files).not.toContain('src/shared/contract.ts')
    expect(graph.files).not.toContain('src/shared/model.ts')
  })
})
