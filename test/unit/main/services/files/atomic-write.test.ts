import { mkdtemp, readdir, readFile, rm, stat, writeFile, chmod } from 'node:fs/promises'
import * as nodeFs from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  openAtomicFile,
  writeFileAtomic,
  type AtomicWriteFs,
  type WritableHandle,
} from '../../../../../main/services/files/atomic-write'

const oldContent = 'the results saved yesterday'
const newBytes = new TextEncoder().encode('the results saved today, which are longer')

let folder: string
let target: string

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'wwa-atomic-'))
  target = join(folder, 'results.json')
})
afterEach(async () => {
  await rm(folder, { recursive: true, force: true })
})

const diskFull = (): Error => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })

/**
 * The real file system, except that one step of the write fails, as a full disk
 * or a yanked USB stick would; `afterBytes` lets that many bytes reach the disk first.
 */
function failingAt(step: 'write' | 'sync' | 'close' | 'rename', afterBytes?: number): AtomicWriteFs {
  return {
    stat: (path) => nodeFs.stat(path),
    rm: (path, options) => nodeFs.rm(path, options),
    rename: async (from, to) => {
      if (step === 'rename') throw diskFull()
      await nodeFs.rename(from, to)
    },
    open: async (path, flags, mode) => {
      const real = await nodeFs.open(path, flags, mode)
      let written = 0
      const handle: WritableHandle = {
        write: async (data, offset, length, position) => {
          if (step === 'write') {
            // Some bytes reach the disk before it fills up: half of this write, or up to afterBytes in all.
            const room = afterBytes === undefined ? Math.floor(length / 2) : afterBytes - written
            if (room < length) {
              await real.write(data, offset, Math.max(room, 0), position)
              throw diskFull()
            }
          }
          const result = await real.write(data, offset, length, position)
          written += result.bytesWritten
          return result
        },
        sync: async () => {
          if (step === 'sync') throw diskFull()
          await real.sync()
        },
        close: async () => {
          await real.close()
          if (step === 'close') throw diskFull()
        },
      }
      return handle
    },
  }
}

describe('writeFileAtomic', () => {
  it('creates a new file with exactly the bytes given', async () => {
    await writeFileAtomic(target, newBytes)
    expect(new Uint8Array(await readFile(target))).toEqual(newBytes)
    expect(await readdir(folder)).toEqual(['results.json'])
  })

  it('replaces an existing file and leaves no temporary file behind', async () => {
    await writeFile(target, oldContent)
    await writeFileAtomic(target, newBytes)
    expect(await readFile(target, 'utf8')).toBe(new TextDecoder().decode(newBytes))
    expect(await readdir(folder)).toEqual(['results.json'])
  })

  it.each(['write', 'sync', 'close', 'rename'] as const)(
    'when %s fails: throws, keeps the old file intact, leaves no partial or temporary file',
    async (step) => {
      await writeFile(target, oldContent)

      await expect(writeFileAtomic(target, newBytes, failingAt(step))).rejects.toMatchObject({ code: 'ENOSPC' })

      expect(await readFile(target, 'utf8')).toBe(oldContent)
      expect(await readdir(folder)).toEqual(['results.json'])
    },
  )

  it('when the first save of a new file fails, no file appears at all', async () => {
    await expect(writeFileAtomic(target, newBytes, failingAt('write'))).rejects.toThrow('ENOSPC')
    expect(await readdir(folder)).toEqual([])
  })

  it('fails cleanly when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(folder, 'gone', 'results.json'), newBytes)).rejects.toMatchObject({
      code: 'ENOENT',
    })
    expect(await readdir(folder)).toEqual([])
  })

  // Windows has no POSIX permission bits to keep.
  it.skipIf(process.platform === 'win32')('keeps the permissions of the file it replaces', async () => {
    await writeFile(target, oldContent)
    await chmod(target, 0o600)
    await writeFileAtomic(target, newBytes)
    expect((await stat(target)).mode & 0o777).toBe(0o600)
  })
})

describe('openAtomicFile: the streaming writer writeFileAtomic is built on', () => {
  const pieces = ['first piece, ', 'second piece, ', 'and the last'].map((text) => new TextEncoder().encode(text))

  it('writes pieces in order and shows nothing at the target until commit', async () => {
    await writeFile(target, oldContent)
    const file = await openAtomicFile(target)
    for (const piece of pieces) await file.write(piece)

    expect(await readFile(target, 'utf8')).toBe(oldContent)
    expect((await readdir(folder)).sort()).toEqual(
      [`${file.temporaryPath.slice(folder.length + 1)}`, 'results.json'].sort(),
    )

    await file.commit()
    expect(await readFile(target, 'utf8')).toBe('first piece, second piece, and the last')
    expect(await readdir(folder)).toEqual(['results.json'])
  })

  it('discard removes the temporary file and keeps the old file byte for byte', async () => {
    await writeFile(target, oldContent)
    const file = await openAtomicFile(target)
    await file.write(pieces[0]!)
    await file.discard()
    await file.discard() // a second discard is harmless

    expect(await readFile(target, 'utf8')).toBe(oldContent)
    expect(await readdir(folder)).toEqual(['results.json'])
    await expect(file.write(pieces[1]!)).rejects.toThrow(/discarded; nothing more can be written/)
    await expect(file.commit()).rejects.toThrow(/discarded/)
    expect(await readdir(folder)).toEqual(['results.json'])
  })

  it('when the disk fills in a later piece: removes the temporary file at once and refuses to commit', async () => {
    await writeFile(target, oldContent)
    const file = await openAtomicFile(target, failingAt('write', pieces[0]!.byteLength + 3))
    await file.write(pieces[0]!)

    await expect(file.write(pieces[1]!)).rejects.toMatchObject({ code: 'ENOSPC' })

    expect(await readdir(folder)).toEqual(['results.json'])
    await expect(file.commit()).rejects.toThrow(/failed/)
    expect(await readFile(target, 'utf8')).toBe(oldContent)
  })

  it('runs calls made without waiting one after another, in order', async () => {
    const file = await openAtomicFile(target)
    await Promise.all([...pieces.map((piece) => file.write(piece)), file.commit()])
    expect(await readFile(target, 'utf8')).toBe('first piece, second piece, and the last')
  })

  it('a discard made while a piece is being written waits for it, then removes everything', async () => {
    await writeFile(target, oldContent)
    const file = await openAtomicFile(target)
    const writing = file.write(new Uint8Array(4 * 1024 * 1024))
    await file.discard()
    await writing
    expect(await readdir(folder)).toEqual(['results.json'])
    expect(await readFile(target, 'utf8')).toBe(oldContent)
  })
})
