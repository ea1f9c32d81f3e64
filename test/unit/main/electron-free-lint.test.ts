// The lint rule that keeps Electron out of the code the CLI, tests and benchmarks run covers every file under
// src/main/ by folder: only the lifecycle, the window, the protocol and src/main/electron/ may import it.
import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../../..')
const ALLOWED = /^src\/main\/(index|window|protocol)\.ts$|^src\/main\/electron\//

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)))
}

describe('Electron-free by folder', () => {
  it('every file under src/main/, src/cli/ and src/shared/ outside the Electron edge forbids importing electron', async () => {
    const eslint = new ESLint({ cwd: root })
    const files = [...filesUnder('src/main'), ...filesUnder('src/cli'), ...filesUnder('src/shared')]
    expect(files.length).toBeGreaterThan(50)
    const unguarded: string[] = []
    const guardedEdge: string[] = []
    for (const file of files) {
      const config = (await eslint.calculateConfigForFile(file)) as { rules?: Record<string, unknown> }
      const rule = config.rules?.['no-restricted-imports'] as [unknown, { paths?: { name: string }[] }] | undefined
      const forbidsElectron = rule?.[1]?.paths?.some((p) => p.name === 'electron') === true
      if (ALLOWED.test(file)) { if (forbidsElectron) guardedEdge.push(file) } else if (!forbidsElectron) unguarded.push(file)
    }
    expect(unguarded).toEqual([])
    expect(guardedEdge).toEqual([])
  })

  it('a new folder is covered without editing the config', async () => {
    const eslint = new ESLint({ cwd: root })
    const [result] = await eslint.lintText("import { app } from 'electron'\nexport const x = app\n", { filePath: join(root, 'src/main/some-new-folder/thing.ts') })
    expect(result?.messages.map((m) => m.ruleId)).toContain('no-restricted-imports')
  })
})
