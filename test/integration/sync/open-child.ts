// Child process of the open kill test: opens a library (which may migrate it, or move a damaged file aside) and
// closes it, so the parent can kill it with SIGKILL at any instant. Prints "opening" first. Arguments: JSON.
import { openLibrary } from '../../../src/main/library/open-library.ts'

const args = JSON.parse(process.argv[2] ?? '{}') as { dataDir: string; workspace: string }
process.stdout.write('opening\n')
const library = openLibrary({ dataDir: args.dataDir, workspace: args.workspace })
await library.close()
process.stdout.write('opened\n')
