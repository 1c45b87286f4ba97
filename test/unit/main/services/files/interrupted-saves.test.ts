import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { servicesOnDisk, type ServicesOnDisk } from './lab-over-dispatch'

const oldBytes = new TextEncoder().encode('last week’s packet, which an interrupted save must not touch')
const piece = new Uint8Array(4096).fill(7)
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

// Files a person may keep that look like temporary files, ours or other programs'. None was made by a save here.
const lookAlikes = [
  '.wwa-lab-0123456789abcdef.tmp', // our pattern exactly, but no save recorded it
  '.packet.zip.a1b2c3d4e5f6.tmp', // the pattern of earlier releases
  'packet.zip.tmp',
  '.wwa-lab-notes.tmp',
  'wwa-lab-0123456789abcdef.tmp',
]

const opened: ServicesOnDisk[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((on) => on.remove()))
})

async function start(deps: Parameters<typeof servicesOnDisk>[0] = {}): Promise<ServicesOnDisk> {
  const on = await servicesOnDisk(deps)
  opened.push(on)
  await on.services.leftoversSwept
  return on
}

async function beginSave(on: ServicesOnDisk, path: string): Promise<string> {
  on.answerSave(path)
  const reply = await on.lab.files.beginSave({ suggestedName: 'packet.zip' })
  if (!reply.ok || reply.value.canceled) throw new Error(`beginSave did not open a save: ${JSON.stringify(reply)}`)
  return reply.value.saveId
}

const journalOf = async (on: ServicesOnDisk) =>
  readdir(join(on.userDataDir, 'saves-in-progress')).catch(() => [] as string[])

describe('temporary files of saves a kill interrupted', () => {
  it('are removed at the next start, leaving the old file and every look-alike of the person’s as they were', async () => {
    const killed = await start()
    await writeFile(join(killed.folder, 'packet.zip'), oldBytes)
    for (const name of lookAlikes) await writeFile(join(killed.folder, name), `kept: ${name}`)
    // Two saves under way when the app is killed: one into the folder, one into a subfolder.
    await mkdir(join(killed.folder, 'reports'))
    const first = await beginSave(killed, 'packet.zip')
    await killed.lab.files.writeChunk({ saveId: first, offset: 0, bytes: piece })
    await beginSave(killed, join('reports', 'summary.xlsx'))
    expect((await readdir(killed.folder)).length).toBe(1 + lookAlikes.length + 1 + 1) // a temporary file appeared
    expect(await readdir(join(killed.folder, 'reports'))).toHaveLength(1)
    expect(await journalOf(killed)).toHaveLength(2)

    // The kill: nothing of the first instance runs again; a new one starts on the same user-data folder.
    const next = await start({ userDataDir: killed.userDataDir })
    const report = await next.services.leftoversSwept

    expect(report.removed).toHaveLength(2)
    expect(report.kept).toEqual([])
    expect(await killed.listing()).toEqual(['packet.zip', 'reports', ...lookAlikes].sort())
    expect(await readdir(join(killed.folder, 'reports'))).toEqual([])
    expect(new Uint8Array(await readFile(join(killed.folder, 'packet.zip')))).toEqual(oldBytes)
    for (const name of lookAlikes) expect(await readFile(join(killed.folder, name), 'utf8')).toBe(`kept: ${name}`)
    expect(await journalOf(next)).toEqual([])
  })

  it('are swept before a new save starts, so the new start’s own save is never taken for a leftover', async () => {
    const killed = await start()
    await beginSave(killed, 'packet.zip')

    // A save begun at once, while the sweep may still run.
    const next = await servicesOnDisk({ userDataDir: killed.userDataDir })
    opened.push(next)
    const saveId = await beginSave(next, 'fresh.txt')
    await next.services.leftoversSwept
    expect(await next.listing()).toHaveLength(1) // only the new save's temporary file
    await next.lab.files.writeChunk({ saveId, offset: 0, bytes: piece })
    await expect(
      next.lab.files.commitSave({ saveId, size: piece.byteLength, sha256: sha256(piece) }),
    ).resolves.toMatchObject({ ok: true })
    expect(await next.listing()).toEqual(['fresh.txt'])
    expect(await killed.listing()).toEqual([])
  })

  it('never include a file the journal names that is not one of ours: a record pointing elsewhere is dropped, the file kept', async () => {
    const first = await start()
    const theirs = join(first.folder, 'results.csv')
    const linkLookingOurs = join(first.folder, '.wwa-lab-fedcba9876543210.tmp')
    await writeFile(theirs, 'the person’s results')
    await symlink(theirs, linkLookingOurs)
    const journal = join(first.userDataDir, 'saves-in-progress')
    await mkdir(journal, { recursive: true })
    await writeFile(join(journal, 'wwa-lab-1111111111111111.tmp.json'), JSON.stringify({ temporaryPath: theirs }))
    await writeFile(
      join(journal, 'wwa-lab-2222222222222222.tmp.json'),
      JSON.stringify({ temporaryPath: linkLookingOurs }),
    )
    await writeFile(join(journal, 'wwa-lab-3333333333333333.tmp.json'), '{"temporaryPath": "/tm') // torn by the kill

    const next = await start({ userDataDir: first.userDataDir })

    expect(await next.services.leftoversSwept).toEqual({ removed: [], kept: [] })
    expect(await readFile(theirs, 'utf8')).toBe('the person’s results')
    expect(await first.listing()).toEqual(['.wwa-lab-fedcba9876543210.tmp', 'results.csv'])
    expect(await journalOf(next)).toEqual([])
  })

  it('leave no record behind once a save ends in any way: committed, cancelled, refused, or saved whole', async () => {
    const on = await start()
    const committed = await beginSave(on, 'a.bin')
    await on.lab.files.writeChunk({ saveId: committed, offset: 0, bytes: piece })
    await on.lab.files.commitSave({ saveId: committed, size: piece.byteLength, sha256: sha256(piece) })
    const cancelled = await beginSave(on, 'b.bin')
    await on.lab.files.abortSave({ saveId: cancelled })
    const refused = await beginSave(on, 'c.bin')
    await on.lab.files.commitSave({ saveId: refused, size: 1, sha256: sha256(piece) })
    on.answerSave('d.bin')
    await on.lab.files.saveAs({ suggestedName: 'd.bin', bytes: piece })

    expect(await on.listing()).toEqual(['a.bin', 'd.bin'])
    expect(await journalOf(on)).toEqual([])
  })

  it('while under way are on record, so a kill at that moment is covered', async () => {
    const on = await start()
    await beginSave(on, 'a.bin')
    const [record] = await journalOf(on)
    const [temporary] = (await on.listing()).filter((name) => name !== 'a.bin')
    expect(record).toBe(`${temporary?.slice(1)}.json`)
    const entry = JSON.parse(await readFile(join(on.userDataDir, 'saves-in-progress', record ?? ''), 'utf8')) as {
      temporaryPath: string
    }
    expect(entry.temporaryPath).toBe(join(on.folder, temporary ?? ''))
  })
})
