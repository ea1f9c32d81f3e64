// An on/off control: a native checkbox with role="switch", so keyboard and screen readers work as usual.
import type { InputHTMLAttributes } from 'react'

export function Switch({ checked, onChange, ...rest }: Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'onChange' | 'checked'> & {
  checked: boolean
  onChange: (checked: boolean) => void
}) {
  return (
    <input
      {...rest}
      type="checkbox"
      role="switch"
      className="switch"
      checked={checked}
      aria-checked={checked}
      onChange={(e) => onChange(e.currentTarget.checked)}
    />
  )
}
