// Small helpers for component tests in jsdom without a testing library: render into a container under
// React's act(), type into inputs the way React notices, click, and wait for a condition (bounded).
import { act } from 'react'
import type { ReactNode } from 'react'
import { createRoot, type Root } from 'react-dom/client'

;(globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT: boolean }).IS_REACT_ACT_ENVIRONMENT = true

export interface Rendered {
  container: HTMLElement
  unmount: () => void
}

export async function render(node: ReactNode): Promise<Rendered> {
  const container = document.createElement('div')
  document.body.appendChild(container)
  let root: Root | null = null
  await act(async () => {
    root = createRoot(container)
    root.render(node)
  })
  return {
    container,
    unmount: () => {
      act(() => root?.unmount())
      container.remove()
    },
  }
}

/** Sets an input's value through the native setter so React's onChange fires. */
export async function typeInto(input: HTMLInputElement, value: string): Promise<void> {
  await act(async () => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
    setter.call(input, value)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

export async function click(element: Element): Promise<void> {
  await act(async () => {
    ;(element as HTMLElement).click()
  })
}

/** Settles pending promises and effects. */
export async function flush(times = 3): Promise<void> {
  for (let i = 0; i < times; i++) await act(async () => { await new Promise((r) => setTimeout(r, 0)) })
}

/** Waits until `find` returns something, flushing React between tries (at most `tries` rounds). */
export async function waitFor<T>(find: () => T | null | undefined | false, what: string, tries = 50): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const found = find()
    if (found) return found
    await flush(1)
  }
  throw new Error(`Timed out waiting for ${what}. Page text: ${document.body.textContent?.slice(0, 600)}`)
}

export function byLabel(label: string | RegExp): HTMLInputElement {
  const labels = Array.from(document.querySelectorAll('label'))
  const match = labels.find((l) => (typeof label === 'string' ? l.textContent?.trim() === label : label.test(l.textContent ?? '')))
  if (!match) throw new Error(`No label ${String(label)}`)
  const input = match.htmlFor ? document.getElementById(match.htmlFor) : match.querySelector('input')
  if (!input) throw new Error(`Label ${String(label)} has no control`)
  return input as HTMLInputElement
}

export function buttonNamed(name: string | RegExp): HTMLButtonElement {
  const buttons = Array.from(document.querySelectorAll('button'))
  const match = buttons.find((b) => {
    const text = (b.getAttribute('aria-label') ?? b.textContent ?? '').trim()
    return typeof name === 'string' ? text === name : name.test(text)
  })
  if (!match) throw new Error(`No button ${String(name)}; buttons: ${buttons.map((b) => b.textContent).join(' | ')}`)
  return match
}
