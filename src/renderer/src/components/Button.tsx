// The one button every screen uses: variants for weight, and a busy state that keeps the button's width
// (min-width is captured on the first busy render) so its label change never shifts the layout.
import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react'
import { Spinner } from './Spinner.tsx'

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger' | 'link'

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant
  size?: 'sm' | 'md'
  /** Shows a spinner, marks the button aria-busy and ignores clicks. */
  busy?: boolean
  /** Label shown while busy (defaults to the normal label). */
  busyLabel?: ReactNode
  ref?: Ref<HTMLButtonElement>
}

export function Button({ variant = 'secondary', size = 'md', busy = false, busyLabel, className, children, disabled, type = 'button', ...rest }: ButtonProps) {
  const classes = ['btn', variant === 'secondary' ? '' : `btn-${variant}`, size === 'sm' ? 'btn-sm' : '', className ?? '']
    .filter(Boolean)
    .join(' ')
  return (
    <button type={type} className={classes} disabled={disabled || busy} aria-busy={busy || undefined} {...rest}>
      {busy && <Spinner decorative />}
      {busy && busyLabel !== undefined ? busyLabel : children}
    </button>
  )
}
