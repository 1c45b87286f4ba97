import { createHash } from 'node:crypto'
import * as nodeFs from 'node:fs/promises'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { maxChunkBytes } from '../../../../../core/bridge/contract'
import type { AtomicWriteFs } from '../../../../../main/services/files/atomic-write'
import { servicesOnDisk, type ServicesOnDisk } from './lab-over-dispatch'

const oldBytes = new TextEncoder().encode('last week’s packet, which must survive any failed save')
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const pieces = [new Uint8Array(1000).fill(1), new Uint8Array(1000).fill(2), new Uint8Array(500).fill(3)]
const whole = new Uint8Array(pieces.flatMap((piece) => [...piece]))

const diskFull = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })

/** The real file system, except that the disk fills after `writeRoom` bytes, or the rename fails. */
function failingFs(failure: { readonly writeRoom?: number; readonly rename?: boolean }): AtomicWriteFs {
  return {
    stat: (path) => nodeFs.stat(path),
    rm: (path, options) => nodeFs.rm(path, options),
    rename: async (from, to) => {
      if (failure.rename === true)
        throw Object.assign(new Error('EPERM: operation not permitted, rename'), { code: 'EPERM' })
      await nodeFs.rename(from, to)
    },
    open: async (path, flags, mode) => {
      const real = await nodeFs.open(path, flags, mode)
      return {
        write: async (data, offset, length, position) => {
          const room = (failure.writeRoom ?? Infinity) - position
          if (room < length) {
            await real.write(data, offset, Math.max(room, 0), position)
            throw diskFull()
          }
          return real.write(data, offset, length, position)
        },
        sync: () => real.sync(),
        close: () => real.close(),
      }
    },
  }
}

let disk: ServicesOnDisk | undefined
afterEach(async () => {
  await disk?.remove()
  disk = undefined
})

async function withOldFile(deps: Parameters<typeof servicesOnDisk>[0] = {}) {
  disk = await servicesOnDisk(deps)
  await writeFile(join(disk.folder, 'packet.zip'), oldBytes)
  return disk
}

async function begin(on: ServicesOnDisk, name = 'packet.zip') {
  on.answerSave(name)
  const reply = await on.lab.files.beginSave({ suggestedName: name })
  if (!reply.ok || reply.value.canceled) throw new Error(`beginSave did not open a save: ${JSON.stringify(reply)}`)
  return reply.value.saveId
}

async function expectOldFileIntact(on: ServicesOnDisk) {
  expect(await on.listing()).toEqual(['packet.zip'])
  expect(new Uint8Array(await readFile(join(on.folder, 'packet.zip')))).toEqual(oldBytes)
}

describe('a save in chunks', () => {
  it('writes the pieces in order, replaces the old file on commit, and reports path, size and SHA-256', async () => {
    const on = await withOldFile()
    on.answerSave('packet.zip')
    const begun = await on.lab.files.beginSave({ suggestedName: 'packet.zip', title: 'Save the packet' })
    expect(begun).toEqual({
      ok: true,
      value: { canceled: false, saveId: expect.any(String), path: join(on.folder, 'packet.zip'), name: 'packet.zip' },
    })
    const saveId = begun.ok && !begun.value.canceled ? begun.value.saveId : ''

    let offset = 0
    for (const bytes of pieces) {
      const reply = await on.lab.files.writeChunk({ saveId, offset, bytes })
      offset += bytes.byteLength
      expect(reply).toEqual({ ok: true, value: { written: offset } })
      // Nothing at the target changes before the commit.
      expect(new Uint8Array(await readFile(join(on.folder, 'packet.zip')))).toEqual(oldBytes)
    }
    expect((await on.listing()).length).toBe(2) // the target and one temporary file beside it

    const committed = await on.lab.files.commitSave({ saveId, size: whole.byteLength, sha256: sha256(whole) })

    expect(committed).toEqual({
      ok: true,
      value: { path: join(on.folder, 'packet.zip'), name: 'packet.zip', size: 2500, sha256: sha256(whole) },
    })
    expect(await on.listing()).toEqual(['packet.zip'])
    expect(new Uint8Array(await readFile(join(on.folder, 'packet.zip')))).toEqual(whole)
  })

  it('saves an empty file with the SHA-256 of nothing', async () => {
    disk = await servicesOnDisk()
    const saveId = await begin(disk, 'empty.txt')
    const reply = await disk.lab.files.commitSave({ saveId, size: 0, sha256: sha256(new Uint8Array()) })
    expect(reply).toMatchObject({ ok: true, value: { size: 0 } })
    expect((await readFile(join(disk.folder, 'empty.txt'))).byteLength).toBe(0)
  })

  it('creates nothing when the person cancels the dialog', async () => {
    disk = await servicesOnDisk()
    disk.answerSave(undefined)
    await expect(disk.lab.files.beginSave({ suggestedName: 'packet.zip' })).resolves.toEqual({
      ok: true,
      value: { canceled: true },
    })
    expect(await disk.listing()).toEqual([])
  })

  it('says so, naming the file, when the chosen folder cannot take it', async () => {
    disk = await servicesOnDisk()
    disk.answerSave(join('gone', 'packet.zip'))
    await expect(disk.lab.files.beginSave({ suggestedName: 'packet.zip' })).resolves.toEqual({
      ok: false,
      problem: {
        code: 'io-failed',
        message:
          'Could not save packet.zip: the file or its folder does not exist. Nothing was saved and the previous file, if any, is unchanged. Save it again, perhaps to another folder.',
      },
    })
    expect(await disk.listing()).toEqual([])
  })

  it('offers only a plain file name in the dialog, never a path from the page', async () => {
    disk = await servicesOnDisk()
    const pickSavePath = vi.spyOn(disk.dialogs, 'pickSavePath')
    disk.answerSave(undefined)
    await disk.lab.files.beginSave({ suggestedName: '../../etc/passwd', title: 'Save the backup' })
    expect(pickSavePath).toHaveBeenCalledWith({
      title: 'Save the backup',
      suggestedName: '.._.._etc_passwd',
      filters: undefined,
    })
  })

  it('refuses a chunk over the limit at the contract, before it reaches the service', async () => {
    const on = await withOldFile()
    const saveId = await begin(on)
    const reply = await on.lab.files.writeChunk({ saveId, offset: 0, bytes: new Uint8Array(maxChunkBytes + 1) })
    expect(reply).toMatchObject({
      ok: false,
      problem: { code: 'invalid-request', message: expect.stringContaining('at most 8 MiB') },
    })
    // The save itself is untouched and still takes a proper chunk.
    await expect(
      on.lab.files.writeChunk({ saveId, offset: 0, bytes: new Uint8Array(maxChunkBytes) }),
    ).resolves.toMatchObject({ ok: true })
  })
})

describe('a save that does not finish leaves no temporary file and the old file byte for byte', () => {
  it('when the disk fills in the middle of a chunk', async () => {
    const on = await withOldFile({ saveFs: failingFs({ writeRoom: 1500 }) })
    const saveId = await begin(on)
    await on.lab.files.writeChunk({ saveId, offset: 0, bytes: pieces[0]! })

    const reply = await on.lab.files.writeChunk({ saveId, offset: 1000, bytes: pieces[1]! })

    expect(reply).toEqual({
      ok: false,
      problem: {
        code: 'io-failed',
        message:
          'Could not save packet.zip: the disk is full. Nothing was saved and the previous file, if any, is unchanged. Free some space on the disk, then save again.',
      },
    })
    await expectOldFileIntact(on)
    // The save is over; a late chunk or commit hears the same words.
    await expect(on.lab.files.commitSave({ saveId, size: 2000, sha256: sha256(whole) })).resolves.toMatchObject({
      ok: false,
      problem: { code: 'not-open', message: expect.stringContaining('the disk is full') },
    })
  })

  it('when the rename over the old file fails at commit', async () => {
    const on = await withOldFile({ saveFs: failingFs({ rename: true }) })
    const saveId = await begin(on)
    for (const [index, bytes] of pieces.entries())
      await on.lab.files.writeChunk({ saveId, offset: index * 1000, bytes })

    const reply = await on.lab.files.commitSave({ saveId, size: whole.byteLength, sha256: sha256(whole) })

    expect(reply).toEqual({
      ok: false,
      problem: {
        code: 'io-failed',
        message:
          'Could not save packet.zip: permission was denied, or the file is open in another program. Nothing was saved and the previous file, if any, is unchanged. Save it to another folder, or close the program that has the file open.',
      },
    })
    await expectOldFileIntact(on)
  })

  it('when it is aborted halfway, and it stays aborted', async () => {
    const on = await withOldFile()
    const saveId = await begin(on)
    await on.lab.files.writeChunk({ saveId, offset: 0, bytes: pieces[0]! })

    await expect(on.lab.files.abortSave({ saveId })).resolves.toEqual({ ok: true, value: { aborted: true } })

    await expectOldFileIntact(on)
    await expect(on.lab.files.abortSave({ saveId })).resolves.toEqual({ ok: true, value: { aborted: false } })
    await expect(on.lab.files.writeChunk({ saveId, offset: 1000, bytes: pieces[1]! })).resolves.toEqual({
      ok: false,
      problem: {
        code: 'not-open',
        message: 'The save of packet.zip was cancelled. Nothing was saved and the previous file, if any, is unchanged.',
      },
    })
    await expectOldFileIntact(on)
  })

  it('when an abort arrives while a chunk is being written: the chunk is refused and nothing is left', async () => {
    const on = await withOldFile()
    const saveId = await begin(on)
    const writing = on.lab.files.writeChunk({ saveId, offset: 0, bytes: new Uint8Array(maxChunkBytes) })
    const aborting = on.lab.files.abortSave({ saveId })
    await expect(writing).resolves.toMatchObject({
      ok: false,
      problem: { code: 'not-open', message: expect.stringContaining('was cancelled') },
    })
    await expect(aborting).resolves.toEqual({ ok: true, value: { aborted: true } })
    await expectOldFileIntact(on)
  })

  it('when the SHA-256 the app sends at commit is not that of the bytes main wrote', async () => {
    const on = await withOldFile()
    const saveId = await begin(on)
    for (const [index, bytes] of pieces.entries())
      await on.lab.files.writeChunk({ saveId, offset: index * 1000, bytes })
    const otherBytes = whole.slice()
    otherBytes[1234] = 99

    const reply = await on.lab.files.commitSave({ saveId, size: whole.byteLength, sha256: sha256(otherBytes) })

    expect(reply).toEqual({
      ok: false,
      problem: {
        code: 'mismatch',
        message:
          'Could not save packet.zip: what reached the disk differs from what the app sent (their SHA-256 do not match), so the file would be damaged. Nothing was saved and the previous file, if any, is unchanged. Save it again.',
      },
    })
    await expectOldFileIntact(on)
  })

  it('when the app commits a different size than it sent', async () => {
    const on = await withOldFile()
    const saveId = await begin(on)
    await on.lab.files.writeChunk({ saveId, offset: 0, bytes: pieces[0]! })
    const reply = await on.lab.files.commitSave({ saveId, size: 2500, sha256: sha256(whole) })
    expect(reply).toMatchObject({
      ok: false,
      problem: {
        code: 'mismatch',
        message: expect.stringMatching(
          /^Could not save packet\.zip: 1000 bytes of it arrived to be written, but the file should be 2\.4 KiB\./,
        ),
      },
    })
    await expectOldFileIntact(on)
  })

  it('when no data arrives for the idle limit', async () => {
    const on = await withOldFile({ saveLimits: { idleMs: 40 } })
    const saveId = await begin(on)
    await on.lab.files.writeChunk({ saveId, offset: 0, bytes: pieces[0]! })

    await expect.poll(() => on.listing(), { timeout: 2000 }).toEqual(['packet.zip'])

    await expectOldFileIntact(on)
    await expect(on.lab.files.writeChunk({ saveId, offset: 1000, bytes: pieces[1]! })).resolves.toEqual({
      ok: false,
      problem: {
        code: 'not-open',
        message:
          'The save of packet.zip was stopped because no data arrived for 1 second. Nothing was saved and the previous file, if any, is unchanged. Save it again.',
      },
    })
  })

  it('keeps a save that is fed within the idle limit', async () => {
    disk = await servicesOnDisk({ saveLimits: { idleMs: 150 } })
    const saveId = await begin(disk, 'slow.bin')
    for (const [index, bytes] of pieces.entries()) {
      await new Promise((resolve) => setTimeout(resolve, 60))
      await expect(disk.lab.files.writeChunk({ saveId, offset: index * 1000, bytes })).resolves.toMatchObject({
        ok: true,
      })
    }
    await expect(disk.lab.files.commitSave({ saveId, size: 2500, sha256: sha256(whole) })).resolves.toMatchObject({
      ok: true,
    })
  })

  it('when a chunk arrives at the wrong offset', async () => {
    const on = await withOldFile()
    const saveId = await begin(on)
    await on.lab.files.writeChunk({ saveId, offset: 0, bytes: pieces[0]! })

    const reply = await on.lab.files.writeChunk({ saveId, offset: 2000, bytes: pieces[2]! })

    expect(reply).toEqual({
      ok: false,
      problem: {
        code: 'out-of-order',
        message:
          'Could not save packet.zip: a piece arrived for byte 2,000 when 1,000 bytes had been written, so the file would be out of order. Nothing was saved and the previous file, if any, is unchanged. Save it again.',
      },
    })
    await expectOldFileIntact(on)
    await expect(on.lab.files.writeChunk({ saveId, offset: 1000, bytes: pieces[1]! })).resolves.toMatchObject({
      ok: false,
      problem: { code: 'not-open' },
    })
  })

  it('when a chunk is sent before the one before it was written', async () => {
    const on = await withOldFile()
    const saveId = await begin(on)
    const first = on.lab.files.writeChunk({ saveId, offset: 0, bytes: new Uint8Array(maxChunkBytes) })
    const second = on.lab.files.writeChunk({ saveId, offset: 0, bytes: pieces[1]! })
    await expect(second).resolves.toMatchObject({
      ok: false,
      problem: { code: 'out-of-order', message: expect.stringContaining('before the one before it was written') },
    })
    await expect(first).resolves.toMatchObject({ ok: false, problem: { code: 'not-open' } })
    await expectOldFileIntact(on)
  })

  it('when the window reloads: every save under way is abandoned', async () => {
    const on = await withOldFile()
    const first = await begin(on)
    const second = await begin(on, 'backup.wwabak')
    await on.lab.files.writeChunk({ saveId: first, offset: 0, bytes: pieces[0]! })
    await on.lab.files.writeChunk({ saveId: second, offset: 0, bytes: pieces[0]! })
    expect((await on.listing()).length).toBe(3)

    await on.services.abandonTransfers()

    await expectOldFileIntact(on)
    await expect(on.lab.files.writeChunk({ saveId: second, offset: 1000, bytes: pieces[1]! })).resolves.toMatchObject({
      ok: false,
      problem: {
        code: 'not-open',
        message: expect.stringContaining(
          'The save of backup.wwabak was stopped because the window reloaded or closed.',
        ),
      },
    })
  })

  it('when an ID is not one main handed out', async () => {
    disk = await servicesOnDisk()
    const reply = await disk.lab.files.writeChunk({
      saveId: '00000000-0000-4000-8000-000000000000',
      offset: 0,
      bytes: pieces[0]!,
    })
    expect(reply).toMatchObject({
      ok: false,
      problem: { code: 'not-open', message: expect.stringContaining('This save is no longer under way') },
    })
    expect(await disk.listing()).toEqual([])
  })
})

describe('how many saves may run at once', () => {
  it('refuses one more than the limit before opening its dialog, and has room again once one ends', async () => {
    disk = await servicesOnDisk({ saveLimits: { maxOpen: 2 } })
    const first = await begin(disk, 'a.zip')
    await begin(disk, 'b.zip')

    const refused = await disk.lab.files.beginSave({ suggestedName: 'c.zip' })
    expect(refused).toEqual({
      ok: false,
      problem: {
        code: 'too-many',
        message:
          'Could not start saving c.zip: 2 saves are already under way. Let one of them finish, then save again.',
      },
    })

    await disk.lab.files.abortSave({ saveId: first })
    await begin(disk, 'c.zip')
  })

  it('counts a save whose dialog is still open', async () => {
    disk = await servicesOnDisk({ saveLimits: { maxOpen: 1 } })
    disk.answerSave('a.zip')
    const choosing = disk.lab.files.beginSave({ suggestedName: 'a.zip' })
    await expect(disk.lab.files.beginSave({ suggestedName: 'b.zip' })).resolves.toMatchObject({
      ok: false,
      problem: { code: 'too-many' },
    })
    await expect(choosing).resolves.toMatchObject({ ok: true, value: { canceled: false } })
  })
})
