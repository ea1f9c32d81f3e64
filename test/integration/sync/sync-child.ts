// Child process of the kill test: runs one sync of a library against the simulator, so the parent can kill it
// with SIGKILL at any instant. Prints "syncing" the moment the sync starts. Arguments: one JSON object.
import { openLibrary } from '../../../src/main/library/open-library.ts'
import { syncWorkspace } from '../../../src/main/sync/sync-workspace.ts'
import { fastClient } from './sync-harness.ts'

const args = JSON.parse(process.argv[2] ?? '{}') as { dataDir: string; url: string; token: string; password: string; workspace: string; kind: 'full' | 'incremental' }
const library = openLibrary({ dataDir: args.dataDir, workspace: args.workspace })
const client = fastClient(args)
process.stdout.write('syncing\n')
const result = await syncWorkspace({ library, client, kind: args.kind, trigger: 'kill-test' })
await library.close()
process.stdout.write(`done ${result.run.outcome}\n`)
