import { useEffect, useRef } from 'react'
import type { Verdict } from '../../../../core/model/result'
import { nextUndecidedKey, verdictKeys } from './shortcuts'

type Handlers = {
  readonly move: (delta: number) => void
  readonly nextUndecided: () => void
  readonly setVerdict: (verdict: Verdict) => void
  readonly openNotes: () => void
  readonly attachEvidence: () => void
  readonly focusFilter: () => void
  readonly toggleHelp: () => void
  readonly leaveField: () => void
}

const undecidedKey = nextUndecidedKey.toLowerCase()
const byKey = new Map(verdictKeys.map((k) => [k.key.toLowerCase(), k.verdict]))

// A checkbox takes no text: the runner's keys work while it has the focus.
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    ['TEXTAREA', 'SELECT'].includes(target.tagName) ||
    (target instanceof HTMLInputElement && target.type !== 'checkbox'))

/** The runner's keyboard: one listener for the whole window, quiet while the tester types in a field. */
export function useRunnerKeys(handlers: Handlers, enabled: boolean): void {
  const current = useRef(handlers)
  useEffect(() => {
    current.current = handlers
  })
  useEffect(() => {
    if (!enabled) return undefined
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return
      const h = current.current
      if (isTyping(event.target)) {
        if (event.key === 'Escape') {
          event.preventDefault()
          h.leaveField()
        }
        return
      }
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key
      // A held key repeats: moving may, a verdict or a dialog must not.
      const verdict = event.repeat ? undefined : byKey.get(key)
      const action =
        verdict !== undefined
          ? () => h.setVerdict(verdict)
          : key === 'ArrowDown' || key === 'j'
            ? () => h.move(1)
            : key === 'ArrowUp' || key === 'k'
              ? () => h.move(-1)
              : key === undecidedKey
                ? h.nextUndecided
                : key === 'Enter'
                  ? h.openNotes
                  : key === 'e' && !event.repeat
                    ? h.attachEvidence
                    : key === '/'
                      ? h.focusFilter
                      : key === '?'
                        ? h.toggleHelp
                        : undefined
      if (!action) return
      // Enter on a button or link keeps its usual meaning.
      if (
        key === 'Enter' &&
        event.target instanceof HTMLElement &&
        ['BUTTON', 'A', 'SUMMARY'].includes(event.target.tagName)
      )
        return
      event.preventDefault()
      action()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [enabled])
}
