import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { BrowserWindow } from 'electron'

const showOpenDialog = vi.fn()
const showSaveDialog = vi.fn()
vi.mock('electron', () => ({ dialog: { showOpenDialog, showSaveDialog } }))

const { createElectronDialogs } = await import('../../../main/electron-dialogs')

const parent = { id: 1 } as unknown as BrowserWindow

describe('Electron dialogs', () => {
  beforeEach(() => {
    showOpenDialog.mockReset()
    showSaveDialog.mockReset()
  })

  it('opens modal to the main window and allows several files only when asked', async () => {
    showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/lab/a.csv', '/lab/b.csv'] })
    const dialogs = createElectronDialogs(() => parent)

    const paths = await dialogs.pickFilesToOpen({
      title: 'Import',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
      multiple: true,
    })

    expect(paths).toEqual(['/lab/a.csv', '/lab/b.csv'])
    expect(showOpenDialog).toHaveBeenCalledWith(parent, {
      title: 'Import',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
      properties: ['openFile', 'multiSelections'],
    })
  })

  it('returns no paths when the person cancels opening', async () => {
    showOpenDialog.mockResolvedValue({ canceled: true, filePaths: ['/ignored'] })
    await expect(createElectronDialogs(() => undefined).pickFilesToOpen({})).resolves.toEqual([])
    expect(showOpenDialog).toHaveBeenCalledWith({ title: undefined, filters: undefined, properties: ['openFile'] })
  })

  it('offers the suggested name, asks before overwriting, and returns undefined on cancel', async () => {
    showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' })
    const dialogs = createElectronDialogs(() => parent)

    await expect(dialogs.pickSavePath({ suggestedName: 'report.xlsx' })).resolves.toBeUndefined()
    expect(showSaveDialog).toHaveBeenCalledWith(
      parent,
      expect.objectContaining({
        defaultPath: 'report.xlsx',
        properties: expect.arrayContaining(['showOverwriteConfirmation']),
      }),
    )

    showSaveDialog.mockResolvedValue({ canceled: false, filePath: '/lab/report.xlsx' })
    await expect(dialogs.pickSavePath({ suggestedName: 'report.xlsx' })).resolves.toBe('/lab/report.xlsx')
  })
})
