import { dialog } from 'electron'
import type { BrowserWindow, FileFilter, MessageBoxOptions, OpenDialogOptions, SaveDialogOptions } from 'electron'
import type { DialogFileFilter, Dialogs } from './services/files/dialogs'

const toElectronFilters = (filters: readonly DialogFileFilter[] | undefined): FileFilter[] | undefined =>
  filters?.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] }))

/**
 * The native open and save dialogs, attached to the main window so they are
 * modal to it; the services only ever see the paths the person chose.
 */
export function createElectronDialogs(parentWindow: () => BrowserWindow | undefined): Dialogs {
  return {
    async pickFilesToOpen(options) {
      const dialogOptions: OpenDialogOptions = {
        title: options.title,
        filters: toElectronFilters(options.filters),
        properties: options.multiple === true ? ['openFile', 'multiSelections'] : ['openFile'],
      }
      const parent = parentWindow()
      const result =
        parent === undefined
          ? await dialog.showOpenDialog(dialogOptions)
          : await dialog.showOpenDialog(parent, dialogOptions)
      return result.canceled ? [] : result.filePaths
    },

    async pickSavePath(options) {
      const dialogOptions: SaveDialogOptions = {
        title: options.title,
        defaultPath: options.suggestedName,
        filters: toElectronFilters(options.filters),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      }
      const parent = parentWindow()
      const result =
        parent === undefined
          ? await dialog.showSaveDialog(dialogOptions)
          : await dialog.showSaveDialog(parent, dialogOptions)
      return result.canceled || result.filePath === '' ? undefined : result.filePath
    },

    async confirmSaveThroughLink({ name, link, target }) {
      const options: MessageBoxOptions = {
        type: 'question',
        title: 'Save through a link',
        message: `${name} is a link to another file`,
        detail: `Saving will replace ${target}, the file the link points to. The link ${link} stays as it is and will show the new file.`,
        buttons: ['Replace the linked file', 'Cancel'],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      }
      const parent = parentWindow()
      const result =
        parent === undefined ? await dialog.showMessageBox(options) : await dialog.showMessageBox(parent, options)
      return result.response === 0
    },
  }
}
