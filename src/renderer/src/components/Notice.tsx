// An inline message box (info, warning, error, success). Errors are announced (role="alert").
import { useId, type ReactNode } from 'react'

export function Notice({ tone = 'info', title, children, actions, id, testId }: {
  tone?: 'info' | 'warning' | 'error' | 'success'
  title?: ReactNode
  children?: ReactNode
  actions?: ReactNode
  id?: string
  testId?: string
}) {
  // Named by its title, so the alert or status is announced, and can be found, by what it is about.
  const titleId = useId()
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'} id={id} data-testid={testId} aria-labelledby={title ? titleId : undefined}>
      <div className="notice-body">
        {title && <div className="notice-title" id={titleId}>{title}</div>}
        {children && <div>{children}</div>}
        {actions && <div className="btn-row" style={{ marginTop: 'var(--space-2)' }}>{actions}</div>}
      </div>
    </div>
  )
}
