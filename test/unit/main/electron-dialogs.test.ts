import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { BrowserWindow } from 'electron'

const showOpenDialog = vi.fn()
const showSaveDialog = vi.fn()
const showMessageBox = vi.fn()
vi.mock('electron', () => ({ dialog: { showOpenDialog, showSaveDialog, showMessageBox } }))

const { createElectronDialogs } = await import('../../../main/electron-dialogs')

const parent = { id: 1 } as unknown as BrowserWindow

describe('Electron dialogs', () => {
  beforeEach(() => {
    showOpenDialog.mockReset()
    showSaveDialog.mockReset()
    showMessageBox.mockReset()
  })

  it('asks before a save replaces the file a link points to, naming both, and goes ahead only on that button', async () => {
    const dialogs = createElectronDialogs(() => parent)
    const question = { name: 'report.xlsx', link: '/lab/report.xlsx', target: '/data/2024/report.xlsx' }

    showMessageBox.mockResolvedValueOnce({ response: 0 })
    await expect(dialogs.confirmSaveThroughLink?.(question)).resolves.toBe(true)
    const [shownTo, options] = showMessageBox.mock.calls[0] as [unknown, { message: string; detail: string }]
    expect(shownTo).toBe(parent)
    expect(options).toMatchObject({ buttons: ['Replace the linked file', 'Cancel'], cancelId: 1 })
    expect(options.message).toBe('report.xlsx is a link to another file')
    expect(options.detail).toContain('replace /data/2024/report.xlsx')
    expect(options.detail).toContain('The link /lab/report.xlsx stays as it is')

    showMessageBox.mockResolvedValueOnce({ response: 1 })
    await expect(dialogs.confirmSaveThroughLink?.(question)).resolves.toBe(false)
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
