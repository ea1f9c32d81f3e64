// mode-companion CLI entry. The commands arrive with the CLI issue; until then only the placeholder demo.
const [command] = process.argv.slice(2)
if (command === 'demo') {
  console.log('Mode Companion: the headless demo arrives with the CLI (sync, search, export).')
  process.exit(0)
}
console.error('usage: mode-companion demo')
process.exit(2)
