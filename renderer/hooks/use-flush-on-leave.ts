import { useEffect } from 'react'

/** Runs `flush` when the window hides and when the component goes away: a change waiting for its timer is never dropped. */
export function useFlushOnLeave(flush: () => Promise<unknown>): void {
  useEffect(() => {
    const onHide = () => void flush()
    window.addEventListener('pagehide', onHide)
    return () => {
      window.removeEventListener('pagehide', onHide)
      void flush()
    }
  }, [flush])
}
