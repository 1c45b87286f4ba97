import { useEffect } from 'react'

// The forms on screen, each ending its burst of typing when a field is left. A set
// rather than a React context: the shared fields sit in editors that provide no
// context, and a form with no burst open has nothing to do when told.
const forms = new Set<() => void>()

/** Tells every form on screen that a field was left: a burst of typing in it ends, and its record is saved. */
export function fieldLeft(): void {
  for (const end of [...forms]) end()
}

/** Runs `flush` whenever a shared field (renderer/ui/Field.tsx) loses the cursor, while the form is on screen. */
export function useOnFieldLeave(flush: () => Promise<unknown>): void {
  useEffect(() => {
    const end = () => void flush()
    forms.add(end)
    return () => {
      forms.delete(end)
    }
  }, [flush])
}

/** True while the cursor is in a control a person types into: a change made there is part of a burst of typing. */
export function typingInProgress(): boolean {
  const active = globalThis.document?.activeElement
  if (active instanceof HTMLTextAreaElement) return true
  if (active instanceof HTMLInputElement) return !notTyped.has(active.type)
  return active instanceof HTMLElement && active.isContentEditable
}

const notTyped = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'color', 'range', 'image'])
