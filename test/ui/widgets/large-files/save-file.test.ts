import { createHash } from 'node:crypto'
import * as nodeFs from 'node:fs/promises'
import { readFile, writeFile } from 'node:fs/promises'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AtomicWriteFs } from '../../../../main/services/files/atomic-write'
import { saveFile, type SaveProgress } from '../../../../renderer/widgets/large-files/save-file'
import { servicesOnDisk, type ServicesOnDisk } from '../../../unit/main/services/files/lab-over-dispatch'

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const bytesOf = (length: number) => Uint8Array.from({ length }, (_, index) => (index * 7919) & 255)

let disk: ServicesOnDisk | undefined
afterEach(async () => {
  await disk?.remove()
  disk = undefined
})

describe('saveFile', () => {
  it('saves a Blob in chunks, reporting progress, and returns what main wrote', async () => {
    disk = await servicesOnDisk()
    const target = disk.answerSave('report.xlsx')!
    const bytes = bytesOf(10_000)
    const progress: SaveProgress[] = []

    const outcome = await saveFile(
      disk.lab,
      { suggestedName: 'report.xlsx', source: new Blob([bytes]) },
      { chunkBytes: 4096, onProgress: (p) => progress.push(p) },
    )

    expect(outcome).toEqual({ status: 'saved', name: 'report.xlsx', path: target, size: 10_000, sha256: sha256(bytes) })
    expect(progress.map((p) => p.written)).toEqual([0, 4096, 8192, 10_000])
    expect(progress.every((p) => p.total === 10_000 && p.name === 'report.xlsx')).toBe(true)
    expect(new Uint8Array(await readFile(target))).toEqual(bytes)
  })

  it('saves pieces from a generator, with the size it was told for progress', async () => {
    disk = await servicesOnDisk()
    const target = disk.answerSave('packet.zip')!
    const pieces = [bytesOf(100), bytesOf(5000), bytesOf(1)]
    async function* source() {
      yield* pieces
    }
    const onProgress = vi.fn()
    const outcome = await saveFile(
      disk.lab,
      { suggestedName: 'packet.zip', source: source(), size: 5101 },
      { chunkBytes: 2048, onProgress },
    )
    expect(outcome).toMatchObject({ status: 'saved', size: 5101 })
    expect(onProgress).toHaveBeenLastCalledWith({ name: 'packet.zip', written: 5101, total: 5101 })
    expect(new Uint8Array(await readFile(target))).toEqual(new Uint8Array(pieces.flatMap((p) => [...p])))
  })

  it('reports not-chosen, and writes nothing, when the dialog is closed', async () => {
    disk = await servicesOnDisk()
    disk.answerSave(undefined)
    await expect(saveFile(disk.lab, { suggestedName: 'a.zip', source: new Blob(['x']) })).resolves.toEqual({
      status: 'not-chosen',
    })
    expect(await disk.listing()).toEqual([])
  })

  it('when the source fails midway: aborts the session, leaves the old file, and says what happened', async () => {
    disk = await servicesOnDisk()
    const target = disk.answerSave('packet.zip')!
    await writeFile(target, 'old packet')
    async function* source() {
      yield bytesOf(3000)
      throw new Error('The photo front.jpg is missing from storage.')
    }
    const outcome = await saveFile(disk.lab, { suggestedName: 'packet.zip', source: source() }, { chunkBytes: 1024 })
    expect(outcome).toEqual({
      status: 'failed',
      name: 'packet.zip',
      message:
        'Could not save packet.zip: The photo front.jpg is missing from storage. Nothing was saved and the previous file, if any, is unchanged.',
    })
    expect(await disk.listing()).toEqual(['packet.zip'])
    expect(await readFile(target, 'utf8')).toBe('old packet')
  })

  it('when the disk fills: passes main’s words on and leaves nothing', async () => {
    const full: AtomicWriteFs = {
      ...nodeFs,
      open: async (path, flags, mode) => {
        const real = await nodeFs.open(path, flags, mode)
        return {
          write: async (data, offset, length, position) => {
            if (position >= 2048) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' })
            return real.write(data, offset, length, position)
          },
          sync: () => real.sync(),
          close: () => real.close(),
        }
      },
    }
    disk = await servicesOnDisk({ saveFs: full })
    disk.answerSave('backup.wwabak')
    const outcome = await saveFile(
      disk.lab,
      { suggestedName: 'backup.wwabak', source: new Blob([bytesOf(8000)]) },
      { chunkBytes: 1024 },
    )
    expect(outcome).toEqual({
      status: 'failed',
      name: 'backup.wwabak',
      message:
        'Could not save backup.wwabak: the disk is full. Nothing was saved and the previous file, if any, is unchanged. Free some space on the disk, then save again.',
    })
    expect(await disk.listing()).toEqual([])
  })

  it('when aborted between chunks: reports canceled only once main has removed its temporary file', async () => {
    disk = await servicesOnDisk()
    const target = disk.answerSave('report.zip')!
    await writeFile(target, 'old report')
    const controller = new AbortController()
    const outcome = await saveFile(
      disk.lab,
      { suggestedName: 'report.zip', source: new Blob([bytesOf(10_000)]) },
      { chunkBytes: 1024, signal: controller.signal, onProgress: (p) => p.written >= 3072 && controller.abort() },
    )
    expect(outcome).toEqual({ status: 'canceled', name: 'report.zip' })
    expect(await disk.listing()).toEqual(['report.zip'])
    expect(await readFile(target, 'utf8')).toBe('old report')
  })

  it('opens no dialog when aborted before it starts', async () => {
    disk = await servicesOnDisk()
    const controller = new AbortController()
    controller.abort()
    await expect(
      saveFile(disk.lab, { suggestedName: 'a.zip', source: new Blob(['x']) }, { signal: controller.signal }),
    ).resolves.toEqual({
      status: 'canceled',
      name: 'a.zip',
    })
  })
})
