/** Why a write failed, in a few plain words: "the disk is full". */
export function storageCause(error: unknown): string {
  const name = errorName(error)
  if (name === 'QuotaExceededError') return 'the disk is full'
  if (name === 'DatabaseClosedError' || name === 'InvalidStateError') return 'the database was closed (another copy of WWA Lab may have upgraded it; restart WWA Lab)'
  return error instanceof Error ? error.message : String(error)
}

/** Says in plain words why a change could not be stored, and that nothing on screen was lost. */
export function describeStorageError(error: unknown): string {
  if (errorName(error) === 'QuotaExceededError') {
    return 'The disk is full, so the change could not be stored. Free some space, then choose Try again; your changes are still on screen.'
  }
  return `The change could not be stored: ${storageCause(error)}. Your changes are still on screen; choose Try again.`
}

function errorName(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined
  // Dexie wraps the browser's error; the cause names what happened.
  const inner = (error as { inner?: unknown }).inner
  return inner instanceof Error && inner.name ? inner.name : error.name
}
