#!/usr/bin/env node
// The `mode-companion` command: runs the TypeScript CLI directly on Node >= 24 (type stripping, node:sqlite).
// On an older Node, say so in one line instead of failing with an unknown-extension error.
const [major] = process.versions.node.split('.').map(Number)
if (major < 24 || !process.features.typescript) {
  console.error(
    `mode-companion needs Node 24 or newer (this is Node ${process.versions.node}). ` +
      'Inside the project, "npm run cli -- <command>" uses the project\'s own Node 24.',
  )
  process.exit(1)
}
await import('../src/cli/main.ts')
