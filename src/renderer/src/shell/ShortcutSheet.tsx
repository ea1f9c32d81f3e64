// The `?` sheet: every keyboard shortcut, grouped by where it works, labelled for this platform.
import { Dialog } from '../components/Dialog.tsx'
import { shortcutGroups } from './shortcut-list.ts'
import { isMac } from './shortcuts.ts'

export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const groups = shortcutGroups(isMac())
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} testId="shortcut-sheet"
      actions={<button type="button" className="btn btn-primary" onClick={onClose}>Close</button>}>
      <div className="shortcut-groups">
        {groups.map((g) => (
          <section key={g.title} className="shortcut-group" aria-label={g.title}>
            <h3>{g.title}</h3>
            <dl>
              {g.items.map((item) => (
                <div key={item.what} className="shortcut-row">
                  <dt>{item.keys.map((k, i) => <span key={k}>{i > 0 && <span className="faint"> / </span>}<kbd>{k}</kbd></span>)}</dt>
                  <dd>{item.what}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  )
}
