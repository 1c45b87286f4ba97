import { useCallback, useEffect, useRef, useState } from 'react'
import { assertNever } from '../../../core/assert-never'
import type { LabBridge } from '../../../core/bridge/contract'
import { saveFile, type SaveOutcome, type SaveRequest } from './save-file'

export type FileSaveState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'choosing'; readonly name: string }
  | { readonly phase: 'saving'; readonly name: string; readonly written: number; readonly total: number | undefined }
  | { readonly phase: 'saved'; readonly name: string; readonly path: string; readonly size: number }
  | { readonly phase: 'canceled'; readonly name: string }
  | { readonly phase: 'failed'; readonly message: string }

/**
 * Saves one large file at a time with progress, for FileSaveProgress to show.
 * Cancel, a new save, or leaving the page aborts the one under way; main then
 * removes what it wrote and the old file stays as it was.
 */
export function useFileSave(lab: LabBridge) {
  const [state, setState] = useState<FileSaveState>({ phase: 'idle' })
  const running = useRef<AbortController | null>(null)
  useEffect(() => () => running.current?.abort(), [])

  const save = useCallback(
    async (request: SaveRequest): Promise<SaveOutcome> => {
      running.current?.abort()
      const controller = new AbortController()
      running.current = controller
      const current = () => running.current === controller
      setState({ phase: 'choosing', name: request.suggestedName })
      const outcome = await saveFile(lab, request, {
        signal: controller.signal,
        onProgress: (progress) => {
          if (current()) setState({ phase: 'saving', ...progress })
        },
      })
      // A newer save, or leaving the page, took over while this one ran.
      if (!current()) return outcome
      running.current = null
      setState(stateAfter(outcome))
      return outcome
    },
    [lab],
  )

  const cancel = useCallback(() => running.current?.abort(), [])

  return { state, save, cancel }
}

function stateAfter(outcome: SaveOutcome): FileSaveState {
  switch (outcome.status) {
    case 'saved':
      return { phase: 'saved', name: outcome.name, path: outcome.path, size: outcome.size }
    case 'not-chosen':
      return { phase: 'idle' }
    case 'canceled':
      return { phase: 'canceled', name: outcome.name }
    case 'failed':
      return { phase: 'failed', message: outcome.message }
    default:
      return assertNever(outcome)
  }
}
