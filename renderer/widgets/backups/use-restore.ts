import { useCallback, useEffect, useRef, useState } from 'react'
import type { BackupActions, BackupSource, BackupStep, OpenedBackup } from './backup-actions'

export type RestoreState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'opening' }
  /** The current data has something the backup lacks: nothing happens until the person says so. */
  | { readonly phase: 'asking'; readonly opened: OpenedBackup; readonly newerData: string }
  | { readonly phase: 'working'; readonly progress: BackupStep }
  /** Restored and made the lab's; the window starts again on it. */
  | { readonly phase: 'restored'; readonly database: string }
  | { readonly phase: 'canceled'; readonly message: string }
  | { readonly phase: 'failed'; readonly message: string }

const nothingRestored = 'Nothing was restored; the lab’s data is unchanged.'

/**
 * A restore from a picked file or a stored backup: open and check it, ask
 * first when the current data is newer (Cancel does nothing), then restore
 * with progress and Cancel. One restore at a time.
 */
export function useRestore(actions: BackupActions) {
  const [state, setState] = useState<RestoreState>({ phase: 'idle' })
  const busy = useRef(false)
  const control = useRef<AbortController | null>(null)
  useEffect(() => () => control.current?.abort(), [])

  const run = useCallback(
    async (opened: OpenedBackup) => {
      const abort = new AbortController()
      control.current = abort
      setState({
        phase: 'working',
        progress: { step: actions.hasCurrentData ? 'backing-up' : 'restoring', done: 0, total: 0 },
      })
      try {
        const restored = await actions.restore(opened, {
          signal: abort.signal,
          onProgress: (progress) => setState({ phase: 'working', progress }),
        })
        if (restored.ok) setState({ phase: 'restored', database: restored.value.database })
        else setState({ phase: restored.problem.canceled ? 'canceled' : 'failed', message: restored.problem.message })
      } finally {
        control.current = null
        busy.current = false
      }
    },
    [actions],
  )

  const start = useCallback(
    async (source: BackupSource) => {
      if (busy.current) return
      busy.current = true
      setState({ phase: 'opening' })
      const opened = await actions.open(source)
      if (!opened.ok || opened.value === null) {
        busy.current = false
        setState(opened.ok ? { phase: 'idle' } : { phase: 'failed', message: opened.problem.message })
        return
      }
      const { newerData } = opened.value
      if (newerData !== null) setState({ phase: 'asking', opened: opened.value, newerData })
      else await run(opened.value)
    },
    [actions, run],
  )

  const answer = useCallback(
    async (restoreAnyway: boolean) => {
      if (state.phase !== 'asking') return
      if (restoreAnyway) return run(state.opened)
      busy.current = false
      setState({ phase: 'canceled', message: `The restore was cancelled. ${nothingRestored}` })
      await state.opened.close()
    },
    [state, run],
  )

  return { state, start, answer, cancel: () => control.current?.abort() }
}
