/** A "Spreadsheets: xlsx, csv" entry of a file dialog; extensions without dots, "*" for any. */
export type DialogFileFilter = { readonly name: string; readonly extensions: readonly string[] }

export type OpenDialogOptions = {
  readonly title?: string
  readonly filters?: readonly DialogFileFilter[]
  readonly multiple?: boolean
}

export type SaveDialogOptions = {
  readonly title?: string
  readonly suggestedName: string
  readonly filters?: readonly DialogFileFilter[]
}

/**
 * How services ask the person for files. The app uses Electron's native dialogs
 * (main/electron-dialogs.ts); tests and the end-to-end harness pass their own.
 */
export type Dialogs = {
  /** The chosen paths; empty when the person cancels. */
  pickFilesToOpen(options: OpenDialogOptions): Promise<readonly string[]>
  /** The chosen path; undefined when the person cancels. */
  pickSavePath(options: SaveDialogOptions): Promise<string | undefined>
}
