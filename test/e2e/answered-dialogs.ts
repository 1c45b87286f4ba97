import { isAbsolute } from 'node:path'
import type { Dialogs } from '../../main/services/files/dialogs'

/** What a test does in place of the person at the native file dialogs. */
export type DialogAnswers = {
  /** The next open dialog picks these files; an empty list cancels it. */
  answerOpen(paths: readonly string[]): void
  /** The next save dialog picks this path; undefined cancels it. */
  answerSave(path: string | undefined): void
}

type Queued<T> = { readonly answer: T }

/**
 * Dialogs answered from queues the test fills, first in first out. A dialog the
 * test did not expect rejects (the service replies with an error) and is
 * reported, so a test never hangs on a dialog nobody will close.
 */
export function createAnsweredDialogs(
  onUnexpected: (message: string) => void,
): DialogAnswers & { readonly dialogs: Dialogs } {
  const opens: Queued<readonly string[]>[] = []
  const saves: Queued<string | undefined>[] = []

  const unexpected = (kind: string, title: string | undefined, fix: string): Error => {
    const message = `Unexpected ${kind} dialog${title ? ` "${title}"` : ''}: the test queued no answer. Call ${fix} before the step that opens it.`
    onUnexpected(message)
    return new Error(message)
  }
  const requireAbsolute = (path: string) => {
    // Native dialogs return absolute paths; a relative one would resolve against the test runner's folder.
    if (!isAbsolute(path)) throw new Error(`Dialog answers must be absolute paths; got "${path}".`)
  }

  return {
    answerOpen(paths) {
      paths.forEach(requireAbsolute)
      opens.push({ answer: [...paths] })
    },
    answerSave(path) {
      if (path !== undefined) requireAbsolute(path)
      saves.push({ answer: path })
    },
    dialogs: {
      async pickFilesToOpen(options) {
        const next = opens.shift()
        if (!next) throw unexpected('open-file', options.title, 'app.dialogs.answerOpen([...paths])')
        return next.answer
      },
      async pickSavePath(options) {
        const next = saves.shift()
        if (!next) throw unexpected('save-file', options.title ?? options.suggestedName, 'app.dialogs.answerSave(path)')
        return next.answer
      },
    },
  }
}
