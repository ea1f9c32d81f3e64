// An effect for what must follow a change and not the first render: focus moving to a new step's or screen's
// heading (on the first render the page's own focus stays where it is).
import { useEffect, useRef, type DependencyList, type EffectCallback } from 'react'

export function useEffectOnChange(effect: EffectCallback, deps: DependencyList): void {
  const rendered = useRef(false)
  useEffect(() => {
    if (!rendered.current) {
      rendered.current = true
      return
    }
    return effect()
    // The caller's deps say when it runs (as for useEffect itself); `effect` is a fresh closure each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)
}
