/** A backup or restore that stopped, with the words a person reads (main's, or ours naming the file). */
export class BackupError extends Error {
  override readonly name = 'BackupError'
}

/** The problem a backup or restore reports: what happened, in words; `canceled` when the person stopped it. */
export type BackupFailure = { readonly message: string; readonly canceled?: boolean }
