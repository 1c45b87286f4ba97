import { useCallback, useEffect, useRef, useState } from 'react'
import type { BackupWritten } from '../../storage/backup/write-backup'
import type { BackupActions, BackupStep } from './backup-actions'

export type BackUpNowState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'choosing' }
  | { readonly phase: 'working'; readonly progress: BackupStep }
  | { readonly phase: 'saved'; readonly written: BackupWritten }
  | { readonly phase: 'canceled'; readonly message: string }
  | { readonly phase: 'failed'; readonly message: string }

/** "Back up now": the save dialog, the backup written to the chosen file with progress, and Cancel (which keeps no file). */
export function useBackUpNow(actions: BackupActions, suggestedName: () => string, onDone?: () => void) {
  const [state, setState] = useState<BackUpNowState>({ phase: 'idle' })
  const control = useRef<AbortController | null>(null)
  useEffect(() => () => control.current?.abort(), [])

  const start = useCallback(async () => {
    if (control.current !== null) return
    const abort = new AbortController()
    control.current = abort
    setState({ phase: 'choosing' })
    try {
      const written = await actions.backUp(
        { target: 'file', suggestedName: suggestedName() },
        { signal: abort.signal, onProgress: (progress) => setState({ phase: 'working', progress }) },
      )
      if (!written.ok)
        setState({ phase: written.problem.canceled ? 'canceled' : 'failed', message: written.problem.message })
      else setState(written.value === null ? { phase: 'idle' } : { phase: 'saved', written: written.value })
      onDone?.()
    } finally {
      control.current = null
    }
  }, [actions, suggestedName, onDone])

  return { state, start, cancel: () => control.current?.abort() }
}
