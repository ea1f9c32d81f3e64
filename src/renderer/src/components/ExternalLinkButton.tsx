// A button that opens a Mode page in the system browser through main (which allows only Mode's hosts).
// A real <a href> would navigate the app window itself, which the window's policy blocks.
import type { ReactNode } from 'react'
import { openExternal } from '../stores/main-reads.ts'
import { Button, type ButtonVariant } from './Button.tsx'
import { Icon } from './Icon.tsx'

export function ExternalLinkButton({ url, children, variant = 'secondary', size = 'md' }: { url: string; children: ReactNode; variant?: ButtonVariant; size?: 'sm' | 'md' }) {
  return (
    <Button variant={variant} size={size} onClick={() => openExternal(url)} title={url}>
      {children}
      <Icon name="external" size={14} />
      <span className="visually-hidden"> (opens in your browser)</span>
    </Button>
  )
}
