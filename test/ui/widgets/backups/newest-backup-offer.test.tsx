import '../../../unit/renderer/storage/backup/file-reader-shim'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { IDBFactory } from 'fake-indexeddb'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { NewestBackupOffer } from '../../../../renderer/widgets/backups/NewestBackupOffer'
import { backupActionsOver, siblingsOf } from '../../../helpers/backup-actions'
import { servicesOnDisk, type ServicesOnDisk } from '../../../unit/main/services/files/lab-over-dispatch'

let disk: ServicesOnDisk | undefined
afterEach(async () => {
  await disk?.remove()
  disk = undefined
})

describe('the recovery screen’s offer of the newest good backup', () => {
  it('names the newest good backup and restores it into a fresh database, without reading or backing up the damaged one', async () => {
    const user = userEvent.setup()
    disk = await servicesOnDisk()
    const factory = new IDBFactory()
    const db = siblingsOf(factory).open('wwa-lab')
    await db.open()
    await db.products.put({ id: 'p1', brand: 'Acme', model: 'AC-1' } as never)
    const writer = backupActionsOver(db, disk.lab, factory, { now: () => new Date('2026-03-01T09:00:00.000Z') })
    expect((await writer.backUp({ target: 'folder', reason: 'daily' })).ok).toBe(true)
    await db.products.put({ id: 'p2', brand: 'Acme', model: 'AC-2' } as never)
    expect((await backupActionsOver(db, disk.lab, factory).backUp({ target: 'folder', reason: 'daily' })).ok).toBe(true)
    db.close()
    const folder = join(disk.userDataDir, 'backups')
    const [, newest] = (await readdir(folder)).sort()

    const switchDatabase = vi.spyOn(disk.lab.ledger, 'switchDatabase')
    const reload = vi.fn()
    render(<NewestBackupOffer actions={backupActionsOver(null, disk.lab, factory, { reload })} />)

    expect(await screen.findByText(newest!)).toBeInTheDocument()
    expect(screen.getByText('2 records')).toBeInTheDocument()
    expect(screen.getByText(/A restore never overwrites the lab’s data/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Restore this backup' }))
    await waitFor(() => expect(reload).toHaveBeenCalledTimes(1))

    const request = switchDatabase.mock.calls[0]![0]
    expect(request.counts['products']).toBe(2)
    const restored = siblingsOf(factory).open(request.database)
    await restored.open()
    expect((await restored.products.toArray()).map((p) => p.id)).toEqual(['p1', 'p2'])
    restored.close()
    // No backup was written of the damaged database, and nothing was deleted.
    expect(await readdir(folder)).toHaveLength(2)
    expect((await factory.databases()).map((d) => d.name).sort()).toEqual(['wwa-lab', request.database])
  })

  it('says where it looked when there is no good backup', async () => {
    disk = await servicesOnDisk()
    render(<NewestBackupOffer actions={backupActionsOver(null, disk.lab, new IDBFactory())} />)
    expect(await screen.findByText(/There is no good backup in/)).toHaveTextContent(join(disk.userDataDir, 'backups'))
    expect(screen.queryByRole('button', { name: 'Restore this backup' })).toBeNull()
  })
})
