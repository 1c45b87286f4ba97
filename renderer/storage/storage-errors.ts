/** Says in plain words why a change could not be stored, and that nothing on screen was lost. */
export function describeStorageError(error: unknown): string {
  const name = errorName(error)
  if (name === 'QuotaExceededError') {
    return 'The disk is full, so the change could not be stored. Free some space, then choose Try again; your changes are still on screen.'
  }
  if (name === 'DatabaseClosedError' || name === 'InvalidStateError') {
    return 'The database was closed (another copy of WWA Lab may have upgraded it). Restart WWA Lab; your changes are still on screen until you leave this page.'
  }
  const detail = error instanceof Error ? error.message : String(error)
  return `The change could not be stored (${detail}). Your changes are still on screen; choose Try again.`
}

function errorName(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined
  // Dexie wraps the browser's error; the cause names what happened.
  const inner = (error as { inner?: unknown }).inner
  return inner instanceof Error && inner.name ? inner.name : error.name
}
