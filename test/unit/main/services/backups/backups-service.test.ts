import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createReadHandles } from '../../../../../main/services/files/read-handles'
import { createBackupService } from '../../../../../main/services/backups/backups-service'

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

const records = new TextEncoder().encode('{"formatName":"dexie"}')

/** What the renderer sends with the commit: everything of the manifest but the format and the parts. */
const headOf = (createdAt: string) => ({
  schemaVersion: 3,
  createdAt,
  reason: 'daily' as const,
  database: 'wwa-lab',
  counts: { products: 0 },
})

async function service() {
  const userDataDir = await mkdtemp(join(tmpdir(), 'wwa-backups-'))
  const picked: string[] = []
  const backups = createBackupService({
    userDataDir,
    reads: createReadHandles(),
    dialogs: {
      pickFilesToOpen: async () => picked,
      pickSavePath: async () => join(userDataDir, 'chosen.zip'),
    },
  })
  return { backups, userDataDir, picked }
}

async function writeAutomatic(backups: Awaited<ReturnType<typeof service>>['backups'], createdAt: string) {
  const begun = await backups.begin({ target: 'folder', reason: 'daily', createdAt })
  if (begun.canceled) throw new Error('An automatic backup has no dialog to cancel.')
  const part = { part: 'records.json', partSize: records.byteLength, offset: 0 }
  await backups.write({ saveId: begun.saveId, ...part, sha256: sha(records), bytes: records })
  return backups.commit({ saveId: begun.saveId, manifest: headOf(createdAt) })
}

describe('backups service', () => {
  it('writes automatic backups into <userDataDir>/backups and lists them newest first with their manifest', async () => {
    const { backups, userDataDir } = await service()
    await writeAutomatic(backups, '2026-03-01T09:00:00.000Z')
    const second = await writeAutomatic(backups, '2026-03-02T09:00:00.000Z')

    expect(second.path).toBe(join(userDataDir, 'backups', 'wwa-lab-backup-2026-03-02T09-00-00-000Z-daily.zip'))
    const listed = await backups.list(undefined)
    expect(listed.folder).toBe(join(userDataDir, 'backups'))
    expect(listed.generations).toBe(7)
    expect(listed.backups.map((b) => b.summary?.createdAt)).toEqual([
      '2026-03-02T09:00:00.000Z',
      '2026-03-01T09:00:00.000Z',
    ])
    expect(listed.backups[0]).toMatchObject({ problem: null, summary: { counts: { products: 0 }, partCount: 1 } })
  })

  it('keeps the chosen number of generations, pruning the oldest after a good backup, and lists a damaged file with its problem', async () => {
    const { backups, userDataDir } = await service()
    await backups.setGenerations({ generations: 2 })
    for (const day of ['01', '02', '03']) await writeAutomatic(backups, `2026-03-${day}T09:00:00.000Z`)

    const names = (await readdir(join(userDataDir, 'backups'))).filter((n) => n.endsWith('.zip')).sort()
    expect(names).toEqual([
      'wwa-lab-backup-2026-03-02T09-00-00-000Z-daily.zip',
      'wwa-lab-backup-2026-03-03T09-00-00-000Z-daily.zip',
    ])
    await writeFile(join(userDataDir, 'backups', 'broken.zip'), 'not a zip')
    const listed = await backups.list(undefined)
    expect(listed.backups.find((b) => b.name === 'broken.zip')?.problem).toContain(
      'broken.zip is not a complete backup',
    )
  })

  it('refuses a chunk whose SHA-256 does not match, keeping nothing of the backup', async () => {
    const { backups, userDataDir } = await service()
    const begun = await backups.begin({ target: 'folder', reason: 'daily', createdAt: '2026-03-01T09:00:00.000Z' })
    if (begun.canceled) throw new Error('not canceled')
    const part = { part: 'records.json', partSize: records.byteLength, offset: 0 }

    await expect(
      backups.write({ saveId: begun.saveId, ...part, sha256: sha(records.slice(1)), bytes: records }),
    ).rejects.toThrow(/arrived damaged \(its SHA-256 does not match\)/)
    expect(await readdir(join(userDataDir, 'backups'))).toEqual([])
  })

  it('records a manual backup to a chosen file as the last manual one', async () => {
    const { backups, userDataDir } = await service()
    const begun = await backups.begin({
      target: 'file',
      suggestedName: 'lab.zip',
      createdAt: '2026-03-05T10:00:00.000Z',
    })
    if (begun.canceled) throw new Error('not canceled')
    const part = { part: 'records.json', partSize: records.byteLength, offset: 0 }
    await backups.write({ saveId: begun.saveId, ...part, sha256: sha(records), bytes: records })
    const written = await backups.commit({ saveId: begun.saveId, manifest: headOf('2026-03-05T10:00:00.000Z') })

    expect((await readFile(join(userDataDir, 'chosen.zip'))).byteLength).toBe(written.size)
    expect(written.manifest.parts).toEqual([{ name: 'records.json', size: records.byteLength, sha256: sha(records) }])
    expect((await backups.list(undefined)).lastManual).toMatchObject({
      name: 'chosen.zip',
      createdAt: '2026-03-05T10:00:00.000Z',
    })
  })

  it('opens a stored backup by name only, never a path', async () => {
    const { backups } = await service()
    const written = await writeAutomatic(backups, '2026-03-01T09:00:00.000Z')

    expect(await backups.openStored({ name: written.name })).toMatchObject({ name: written.name, size: written.size })
    await expect(backups.openStored({ name: '../ledger.json' })).rejects.toThrow(/is not the name of a backup/)
  })
})
