import '../../../unit/renderer/storage/backup/file-reader-shim'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { existsSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ListBackupsResponse } from '../../../../core/bridge/backups'
import type { LabBridge } from '../../../../core/bridge/contract'
import type { LabDb } from '../../../../renderer/storage/lab-db'
import { backupActionsOver, siblingsOf } from '../../../helpers/backup-actions'
import { freshLabDb } from '../../../helpers/lab-db'
import { cancellingLab, renderApp } from '../../../helpers/render-app'
import { servicesOnDisk, type ServicesOnDisk } from '../../../unit/main/services/files/lab-over-dispatch'

let disk: ServicesOnDisk | undefined
afterEach(async () => {
  await disk?.remove()
  disk = undefined
})

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString()

/** A lab whose backup folder lists what the test says. */
function listingLab(listing: Partial<ListBackupsResponse>) {
  const setGenerations = vi.fn(cancellingLab.backups.setGenerations)
  const lab: LabBridge = {
    ...cancellingLab,
    backups: {
      ...cancellingLab.backups,
      list: async () => ({
        ok: true,
        value: { folder: '/data/backups', generations: 7, backups: [], lastManual: null, ...listing },
      }),
      setGenerations,
    },
  }
  return { lab, setGenerations }
}

function renderSettings(lab: LabBridge, db: LabDb = freshLabDb(), reload = () => undefined) {
  const factory = db._options.indexedDB as IDBFactory
  return renderApp('#/settings', { db, lab, backups: backupActionsOver(db, lab, factory, { reload }) })
}

const backupsSection = () => screen.findByRole('region', { name: 'Backups' })

describe('Settings → Backups', () => {
  it('shows the last backup with its age and the folder, and no warning when it is recent', async () => {
    const { lab } = listingLab({
      lastManual: { name: 'lab.zip', path: '/home/ana/lab.zip', createdAt: hoursAgo(3), size: 5000 },
    })
    renderSettings(lab)
    const section = await backupsSection()
    expect(
      await within(section).findByText(/^3 hours ago \(backup made with Back up now, .*\): \/home\/ana\/lab\.zip$/),
    )
    expect(within(section).getByText('/data/backups')).toBeInTheDocument()
    expect(within(section).queryByRole('alert')).toBeNull()
  })

  it('warns when there is no backup from the last 7 days, and when there is none at all', async () => {
    const { lab } = listingLab({
      lastManual: { name: 'lab.zip', path: '/home/ana/lab.zip', createdAt: hoursAgo(8 * 24), size: 5000 },
    })
    const view = renderSettings(lab)
    const section = await backupsSection()
    expect(await within(section).findByText(/^8 days ago/)).toBeInTheDocument()
    expect(within(section).getByRole('alert')).toHaveTextContent('There is no backup from the last 7 days.')
    view.unmount()

    renderSettings(listingLab({}).lab)
    const empty = await backupsSection()
    expect(await within(empty).findByText('None yet')).toBeInTheDocument()
    expect(within(empty).getByRole('alert')).toHaveTextContent('There is no backup from the last 7 days.')
  })

  it('checks the number of generations before saving it, and saves only on Keep', async () => {
    const user = userEvent.setup()
    const { lab, setGenerations } = listingLab({})
    renderSettings(lab)
    const input = await screen.findByRole('textbox', { name: 'Automatic backups kept' })
    expect(input).toHaveValue('7')
    const keep = screen.getByRole('button', { name: 'Keep' })

    await user.clear(input)
    await user.type(input, '0')
    await user.click(keep)
    expect(input).toHaveAccessibleDescription('Keep at least 1 automatic backup.')
    expect(input).toBeInvalid()
    await user.clear(input)
    await user.type(input, 'ten')
    await user.click(keep)
    expect(input).toHaveAccessibleDescription('Enter a whole number from 1 to 100.')
    await user.clear(input)
    await user.type(input, '2.5')
    await user.click(keep)
    expect(input).toHaveAccessibleDescription('Keep a whole number of backups.')
    await user.clear(input)
    await user.type(input, '101')
    await user.click(keep)
    expect(input).toHaveAccessibleDescription('Keep at most 100 automatic backups.')
    expect(setGenerations).not.toHaveBeenCalled()

    await user.clear(input)
    await user.type(input, '12')
    expect(setGenerations).not.toHaveBeenCalled()
    await user.click(keep)
    expect(await screen.findByText('Saved: WWA Lab keeps the newest 12 automatic backups.')).toBeInTheDocument()
    expect(setGenerations).toHaveBeenCalledTimes(1)
    expect(setGenerations).toHaveBeenCalledWith({ generations: 12 })
  })

  // Writing 12 MB of records twice in happy-dom takes seconds; CI's loaded cores get room.
  it('backs up to the chosen file; Cancel while it runs keeps no file', { timeout: 60_000 }, async () => {
    const user = userEvent.setup()
    disk = await servicesOnDisk()
    const db = freshLabDb()
    await db.open()
    // Records that do not compress to under one chunk, so the backup is still under way while the first chunk is in main.
    // (A string, not a photo: happy-dom's Blob does not survive fake-indexeddb's structured clone.)
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
    let state = 12345
    const noise = Array.from({ length: 12 * 1024 * 1024 }, () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0
      return alphabet[state >>> 26]
    }).join('')
    await db.settings.put({ key: 'noise', value: noise })
    // While set, every chunk waits in main until the test releases it.
    const gate: { hold?: Promise<void>; release: () => void } = { release: () => undefined }
    const lab: LabBridge = {
      ...disk.lab,
      backups: {
        ...disk.lab.backups,
        writeChunk: async (request) => {
          await gate.hold
          return disk!.lab.backups.writeChunk(request)
        },
      },
    }
    renderSettings(lab, db)
    const backUp = await screen.findByRole('button', { name: 'Back up now' })

    const kept = disk.answerSave('lab-backup.zip')!
    await user.click(backUp)
    expect(await screen.findByText(new RegExp(`^Backed up to ${kept} \\(\\d+(\\.\\d)? MiB\\)\\.$`))).toBeInTheDocument()
    expect(existsSync(kept)).toBe(true)

    gate.hold = new Promise((resolve) => (gate.release = resolve))
    const dropped = disk.answerSave('cancelled.zip')!
    await user.click(backUp)
    expect(await screen.findByRole('progressbar', { name: 'Backing up the lab’s data' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    gate.release()
    expect(
      await screen.findByText(/The backup cancelled\.zip was cancelled; nothing was kept of it\./),
    ).toBeInTheDocument()
    expect(await disk.listing()).toEqual(['lab-backup.zip'])
    expect(existsSync(dropped)).toBe(false)
  })

  it('asks first when the current data is newer than the backup: Cancel restores nothing; Restore anyway restores into a fresh database', async () => {
    const user = userEvent.setup()
    disk = await servicesOnDisk()
    const db = freshLabDb()
    await db.open()
    await db.settings.put({ key: 'a', value: 1 })
    const switchDatabase = vi.spyOn(disk.lab.ledger, 'switchDatabase')
    const reload = vi.fn()
    renderSettings(disk.lab, db, reload)
    const file = disk.answerSave('lab.zip')!
    await user.click(await screen.findByRole('button', { name: 'Back up now' }))
    await screen.findByText(/^Backed up to /)
    // A change after the backup.
    await db.settings.put({ key: 'b', value: 2 })

    disk.answerOpen([file])
    await user.click(screen.getByRole('button', { name: 'Restore from a file…' }))
    const ask = await screen.findByRole('alertdialog', { name: 'Restore lab.zip over newer data?' })
    expect(ask).toHaveAccessibleDescription(/its table settings holds 2 records where the backup holds 1/)
    expect(within(ask).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(await screen.findByText('The restore was cancelled. Nothing was restored; the lab’s data is unchanged.'))
    expect(screen.queryByRole('alertdialog')).toBeNull()
    const factory = db._options.indexedDB as IDBFactory
    expect((await factory.databases()).map((d) => d.name)).toEqual(['wwa-lab-test'])
    expect(switchDatabase).not.toHaveBeenCalled()
    expect(reload).not.toHaveBeenCalled()
    expect(existsSync(join(disk.userDataDir, 'backups'))).toBe(false)

    disk.answerOpen([file])
    await user.click(screen.getByRole('button', { name: 'Restore from a file…' }))
    await user.click(await screen.findByRole('button', { name: 'Restore anyway' }))
    await waitFor(() => expect(reload).toHaveBeenCalledTimes(1))
    expect(screen.getByText('Restored and checked. WWA Lab starts again on the restored data.')).toBeInTheDocument()
    const restored = switchDatabase.mock.calls[0]![0]
    expect(restored.database).toMatch(/^wwa-lab-restored-/)
    const copy = siblingsOf(factory).open(restored.database)
    expect((await copy.settings.toArray()).map((row) => row.key)).toEqual(['a'])
    copy.close()
    // The database used until now is still there, unchanged, and was backed up first.
    expect((await factory.databases()).map((d) => d.name).sort()).toEqual([restored.database, 'wwa-lab-test'])
    expect(await db.settings.count()).toBe(2)
    const before = await readdir(join(disk.userDataDir, 'backups'))
    expect(before).toEqual([expect.stringMatching(/^wwa-lab-backup-.*-before-restore\.zip$/)])
  })

  it('lists the stored backups newest first, with the problem of a damaged one and no Restore for it', async () => {
    const summary = {
      format: 'wwa-lab-backup' as const,
      formatVersion: 1 as const,
      schemaVersion: 3,
      createdAt: hoursAgo(2),
      reason: 'daily' as const,
      database: 'wwa-lab',
      counts: { products: 4, files: 2 },
      partCount: 3,
      bytes: 100,
    }
    const { lab } = listingLab({
      backups: [
        { name: 'new.zip', size: 10, modifiedAt: hoursAgo(1), summary: null, problem: 'new.zip is not a zip file.' },
        { name: 'old.zip', size: 10, modifiedAt: hoursAgo(2), summary, problem: null },
      ],
    })
    renderSettings(lab)
    const list = await screen.findByRole('list', { name: 'Stored backups' })
    const items = within(list).getAllByRole('listitem')
    expect(items[0]).toHaveTextContent('new.zip')
    expect(items[0]).toHaveTextContent('Cannot be restored: new.zip is not a zip file.')
    expect(within(items[0]!).getByRole('button', { name: 'Restore new.zip' })).toBeDisabled()
    expect(items[1]).toHaveTextContent(/old\.zip — daily automatic backup, .*, 6 records, 2 files among them/)
    expect(within(items[1]!).getByRole('button', { name: 'Restore old.zip' })).toBeEnabled()
  })
})
