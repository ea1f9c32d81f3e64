#!/usr/bin/env node
// The `mode-companion` command: runs the TypeScript CLI directly on Node >= 24 (type stripping).
import '../src/cli/main.ts'
