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

/** A save chose a symbolic link: the file at target is what would be replaced, and the link kept. */
export type LinkedSaveQuestion = {
  /** The name the person chose, which is the link's. */
  readonly name: string
  readonly link: string
  /** The file the link points to, links resolved. */
  readonly target: string
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
  /**
   * Asks whether to replace the file a chosen link points to, keeping the link;
   * true to go ahead. Dialogs without it (tests, the end-to-end harness) cannot
   * ask, and a save onto a link is refused with words instead.
   */
  confirmSaveThroughLink?(question: LinkedSaveQuestion): Promise<boolean>
}
