// A centred message for screens with nothing to show yet: what happened and what to do about it.
import type { ReactNode } from 'react'

export function EmptyState({ icon, title, children, actions, headingLevel = 2 }: {
  icon?: ReactNode
  title: string
  children?: ReactNode
  actions?: ReactNode
  headingLevel?: 2 | 3
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <div className="empty-state">
      {icon && <div className="empty-state-icon" aria-hidden="true">{icon}</div>}
      <Heading>{title}</Heading>
      {children && <div className="empty-state-body">{children}</div>}
      {actions && <div className="btn-row">{actions}</div>}
    </div>
  )
}
