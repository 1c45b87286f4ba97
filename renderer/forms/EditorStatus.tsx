import type { useAutosave } from './use-autosave'
import { SaveStatusLine } from './SaveStatusLine'

/** The save line of an editor built on useAutosave, with its restore notice. */
type EditorForm = Pick<ReturnType<typeof useAutosave<unknown>>, 'status' | 'revealErrors' | 'retry' | 'discard'>

export function EditorStatus({ form, restoredAt }: { form: EditorForm; restoredAt?: string | undefined }) {
  return (
    <SaveStatusLine
      status={form.status}
      onShowProblems={form.revealErrors}
      onRetry={form.retry}
      restoredAt={restoredAt}
      onDiscard={() => void form.discard()}
    />
  )
}
