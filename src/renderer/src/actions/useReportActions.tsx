// The actions on the report in front of the user: Ctrl/Cmd+. opens the panel, each action's own shortcut runs it
// directly, and what it did is announced in a small status line. The report page gives its report and the query
// being read; the library gives the selected result, loaded when asked.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import { useTransientMessage } from '../components/useTransientMessage.ts'
import { isMac, isTyping } from '../shell/shortcuts.ts'
import { ActionPanel } from './ActionPanel.tsx'
import { ACTION_DEFS, ACTION_PANEL_COMBO, type ActionId } from './action-list.ts'
import { matchesCombo } from './key-combos.ts'
import { reportActions, type ActionContext } from './report-actions.ts'

/** Loads the context when an action is asked for (null: no report selected). */
export type ContextSource = () => Promise<ActionContext | null>

export function useReportActions(source: ContextSource): ReactNode {
  const [panel, setPanel] = useState<{ ctx: ActionContext; open?: ActionId } | null>(null)
  const [message, setMessage] = useTransientMessage(2500)
  const sourceRef = useRef(source)
  useEffect(() => { sourceRef.current = source })
  const done = useCallback((text: string | null) => setMessage(text), [setMessage])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return
      const mac = isMac()
      // Inside a dialog (another panel, a sheet) its own keys win; in the search box the shortcuts still work.
      const target = e.target instanceof HTMLElement ? e.target : null
      if (target?.closest('[role="dialog"]') || (isTyping(target) && !(target instanceof HTMLInputElement))) return
      if (matchesCombo(e, ACTION_PANEL_COMBO, mac)) {
        e.preventDefault()
        void sourceRef.current().then((ctx) => { if (ctx) setPanel({ ctx }) })
        return
      }
      const def = ACTION_DEFS.find((a) => matchesCombo(e, a.combo, mac))
      if (!def) return
      e.preventDefault()
      void sourceRef.current().then(async (ctx) => {
        if (!ctx) return
        const action = reportActions(ctx).find((a) => a.id === def.id)
        if (!action) return
        if (action.unavailable) { setMessage(action.unavailable); return }
        if (action.choices) { setPanel({ ctx, open: action.id }); return }
        setMessage(await action.run())
      }).catch((err: unknown) => setMessage(err instanceof Error ? err.message : String(err)))
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [setMessage])

  return (
    <>
      {panel && <ActionPanel title={panel.ctx.report.name} actions={reportActions(panel.ctx)} initial={panel.open} onClose={() => setPanel(null)} onDone={done} />}
      <div className="action-status" role="status" aria-live="polite" data-testid="action-status">{message}</div>
    </>
  )
}
