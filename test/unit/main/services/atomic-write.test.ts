import { mkdtemp, readdir, readFile, rm, stat, writeFile, chmod } from 'node:fs/promises'
import * as nodeFs from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeFileAtomic, type AtomicWriteFs, type WritableHandle } from '../../../../main/services/atomic-write'

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

/** The real file system, except that one step of the write fails, as a full disk or a yanked USB stick would. */
function failingAt(step: 'writeFile' | 'sync' | 'close' | 'rename'): AtomicWriteFs {
  return {
    stat: (path) => nodeFs.stat(path),
    rm: (path, options) => nodeFs.rm(path, options),
    rename: async (from, to) => {
      if (step === 'rename') throw diskFull()
      await nodeFs.rename(from, to)
    },
    open: async (path, flags, mode) => {
      const real = await nodeFs.open(path, flags, mode)
      const handle: WritableHandle = {
        writeFile: async (data) => {
          if (step === 'writeFile') {
            // Half the bytes reach the disk before it fills up.
            await real.write(data.subarray(0, Math.floor(data.byteLength / 2)))
            throw diskFull()
          }
          await real.writeFile(data)
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

  it.each(['writeFile', 'sync', 'close', 'rename'] as const)(
    'when %s fails: throws, keeps the old file intact, leaves no partial or temporary file',
    async (step) => {
      await writeFile(target, oldContent)

      await expect(writeFileAtomic(target, newBytes, failingAt(step))).rejects.toMatchObject({ code: 'ENOSPC' })

      expect(await readFile(target, 'utf8')).toBe(oldContent)
      expect(await readdir(folder)).toEqual(['results.json'])
    },
  )

  it('when the first save of a new file fails, no file appears at all', async () => {
    await expect(writeFileAtomic(target, newBytes, failingAt('writeFile'))).rejects.toThrow('ENOSPC')
    expect(await readdir(folder)).toEqual([])
  })

  it('fails cleanly when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(folder, 'gone', 'results.json'), newBytes)).rejects.toMatchObject({ code: 'ENOENT' })
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
