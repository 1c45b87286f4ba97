import { createHash, randomFillSync } from 'node:crypto'
import * as nodeFs from 'node:fs/promises'
import { appendFile, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { maxChunkBytes, maxInlineBytes, type PickedFile } from '../../../../../core/bridge/contract'
import { createFileService, type ReadFs } from '../../../../../main/services/files/files'
import { createReadHandles } from '../../../../../main/services/files/read-handles'
import { servicesOnDisk, type ServicesOnDisk } from './lab-over-dispatch'

const MiB = 1024 * 1024
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

let disk: ServicesOnDisk | undefined
afterEach(async () => {
  await disk?.remove()
  disk = undefined
})

async function diskWith(files: Record<string, Uint8Array>) {
  disk = await servicesOnDisk()
  const paths: string[] = []
  for (const [name, bytes] of Object.entries(files)) {
    const path = join(disk.folder, name)
    await writeFile(path, bytes)
    paths.push(path)
  }
  return { on: disk, paths }
}

async function openAll(on: ServicesOnDisk, paths: readonly string[]): Promise<readonly PickedFile[]> {
  on.answerOpen(paths)
  const reply = await on.lab.files.open({ multiple: true })
  if (!reply.ok) throw new Error(reply.problem.message)
  return reply.value.files
}

const handleOf = (file: PickedFile | undefined): string => {
  if (file === undefined || !('handle' in file)) throw new Error(`Expected a read handle, got ${JSON.stringify(file)}`)
  return file.handle
}

describe('a large opened file, read by range', () => {
  it('comes back as a handle whose ranges put together are the file, while small files still come inline', async () => {
    const large = randomFillSync(new Uint8Array(40 * MiB + 777))
    const small = new TextEncoder().encode('serial\nSN-1\n')
    const { on, paths } = await diskWith({ 'capture.bin': large, 'units.csv': small })

    const [bigFile, smallFile] = await openAll(on, paths)

    expect(smallFile).toEqual({ name: 'units.csv', type: 'text/csv', size: small.byteLength, bytes: small })
    expect(bigFile).toMatchObject({ name: 'capture.bin', size: large.byteLength })
    const handle = handleOf(bigFile)
    const hash = createHash('sha256')
    let ranges = 0
    for (let offset = 0; offset < large.byteLength; offset += maxChunkBytes) {
      const length = Math.min(maxChunkBytes, large.byteLength - offset)
      const reply = await on.lab.files.readRange({ handle, offset, length })
      if (!reply.ok) throw new Error(reply.problem.message)
      expect(reply.value.bytes.byteLength).toBe(length)
      hash.update(reply.value.bytes)
      ranges += 1
    }
    expect(ranges).toBe(6)
    expect(hash.digest('hex')).toBe(sha256(large))

    await expect(on.lab.files.closeRead({ handle })).resolves.toEqual({ ok: true, value: { closed: true } })
    await expect(on.lab.files.closeRead({ handle })).resolves.toEqual({ ok: true, value: { closed: false } })
    await expect(on.lab.files.readRange({ handle, offset: 0, length: 10 })).resolves.toEqual({
      ok: false,
      problem: {
        code: 'not-open',
        message: 'capture.bin was already read and closed. Open it again to read it once more.',
      },
    })
  })

  it('sends every file inline while the reply has room, up to the inline limit', async () => {
    const { on, paths } = await diskWith({
      'a.jpg': new Uint8Array(maxInlineBytes - 10),
      'b.jpg': new Uint8Array(10),
      'c.jpg': new Uint8Array(1),
    })
    const files = await openAll(on, paths)
    expect(files.map((file) => ('bytes' in file ? 'inline' : 'handle'))).toEqual(['inline', 'inline', 'handle'])
  })

  it('refuses a range past the end, naming the file', async () => {
    const { on, paths } = await diskWith({ 'photo.tif': new Uint8Array(maxInlineBytes + 1) })
    const handle = handleOf((await openAll(on, paths))[0])
    await expect(on.lab.files.readRange({ handle, offset: maxInlineBytes, length: 2 })).resolves.toMatchObject({
      ok: false,
      problem: { code: 'invalid-request', message: expect.stringContaining('of photo.tif, which has only 16777217') },
    })
  })

  it('refuses a range longer than the chunk limit at the contract', async () => {
    const { on, paths } = await diskWith({ 'photo.tif': new Uint8Array(maxInlineBytes + 1) })
    const handle = handleOf((await openAll(on, paths))[0])
    await expect(on.lab.files.readRange({ handle, offset: 0, length: maxChunkBytes + 1 })).resolves.toMatchObject({
      ok: false,
      problem: { code: 'invalid-request', message: expect.stringContaining('at most 8 MiB') },
    })
  })

  it.each([
    [
      'grows',
      (path: string) => appendFile(path, 'more lines from the bench'),
      /it was 16,777,316 bytes when opened and is 16,777,341 bytes now/,
    ],
    ['shrinks', (path: string) => truncate(path, 5 * MiB), /it was 16 MiB when opened and is 5 MiB now/],
  ])('refuses a file that %s while it is read, and closes its handle', async (_label, change, words) => {
    const { on, paths } = await diskWith({ 'bench.log': new Uint8Array(maxInlineBytes + 100) })
    const handle = handleOf((await openAll(on, paths))[0])
    await expect(on.lab.files.readRange({ handle, offset: 0, length: MiB })).resolves.toMatchObject({ ok: true })

    await change(paths[0]!)

    const reply = await on.lab.files.readRange({ handle, offset: MiB, length: MiB })
    expect(reply).toMatchObject({
      ok: false,
      problem: { code: 'changed', message: expect.stringMatching(/^bench\.log changed while it was being read: /) },
    })
    expect(!reply.ok && reply.problem.message).toMatch(words)
    expect(!reply.ok && reply.problem.message).toMatch(/Open it again\.$/)
    await expect(on.lab.files.closeRead({ handle })).resolves.toEqual({ ok: true, value: { closed: false } })
  })

  it('closes every handle when the window reloads', async () => {
    const { on, paths } = await diskWith({
      'a.bin': new Uint8Array(maxInlineBytes + 1),
      'b.bin': new Uint8Array(maxInlineBytes + 1),
    })
    const files = await openAll(on, paths)

    await on.services.abandonTransfers()

    for (const file of files) {
      await expect(on.lab.files.readRange({ handle: handleOf(file), offset: 0, length: 1 })).resolves.toMatchObject({
        ok: false,
        problem: {
          code: 'not-open',
          message: `${file.name} was closed because the window reloaded or closed. Open it again.`,
        },
      })
    }
  })
})

/** The real file system, counting the descriptors opened and closed. */
function countingFs() {
  const closed = vi.fn()
  const fs: ReadFs = {
    stat: (path) => nodeFs.stat(path),
    open: async (path, flags) => {
      const handle = await nodeFs.open(path, flags)
      return {
        stat: () => handle.stat(),
        read: (buffer, offset, length, position) => handle.read(buffer, offset, length, position),
        close: async () => {
          closed(path)
          await handle.close()
        },
      }
    },
  }
  return { fs, closed }
}

describe('read handles hold file descriptors, and let them go', () => {
  async function threeLargeFiles() {
    disk = await servicesOnDisk()
    const paths = ['a.bin', 'b.bin', 'c.bin'].map((name) => join(disk!.folder, name))
    for (const path of paths) await writeFile(path, new Uint8Array(64))
    return paths
  }
  const dialogsPicking = (paths: readonly string[]) => ({
    pickFilesToOpen: async () => paths,
    pickSavePath: async () => undefined,
  })

  it('keeps no more open than the limit; the rest are refused with the reason, and closed', async () => {
    const paths = await threeLargeFiles()
    const { fs, closed } = countingFs()
    const reads = createReadHandles({ maxOpen: 2 })
    const files = createFileService({ dialogs: dialogsPicking(paths), fs, reads, limits: { maxInlineBytes: 10 } })

    const result = await files.open({ multiple: true })

    expect(result.files.map((file) => file.name)).toEqual(['a.bin', 'b.bin'])
    expect(result.rejected).toEqual([
      {
        name: 'c.bin',
        reason:
          'c.bin was not opened: too many files are open for reading at once. Add it again once the others are in.',
      },
    ])
    expect(closed.mock.calls).toEqual([[paths[2]]])
    await reads.closeAll()
    expect(closed.mock.calls.map(([path]) => path as string).sort()).toEqual([...paths].sort())
  })

  it('closes a handle nobody reads for the idle limit', async () => {
    const paths = await threeLargeFiles()
    const { fs, closed } = countingFs()
    const reads = createReadHandles({ idleMs: 30 })
    const files = createFileService({
      dialogs: dialogsPicking(paths.slice(0, 1)),
      fs,
      reads,
      limits: { maxInlineBytes: 10 },
    })

    const [file] = (await files.open({})).files

    await expect.poll(() => closed.mock.calls.length, { timeout: 2000 }).toBe(1)
    await expect(reads.read({ handle: handleOf(file), offset: 0, length: 1 })).rejects.toMatchObject({
      code: 'not-open',
      message: 'a.bin was closed because it was not read for 1 second. Open it again.',
    })
  })

  it('closes the descriptor when a read fails, and says why in words', async () => {
    const paths = await threeLargeFiles()
    const { fs, closed } = countingFs()
    const failing: ReadFs = {
      stat: fs.stat,
      open: async (path, flags) => {
        const real = await fs.open(path, flags)
        return {
          ...real,
          read: async () => Promise.reject(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' })),
        }
      },
    }
    const reads = createReadHandles()
    const files = createFileService({
      dialogs: dialogsPicking(paths.slice(0, 1)),
      fs: failing,
      reads,
      limits: { maxInlineBytes: 10 },
    })
    const [file] = (await files.open({})).files

    await expect(reads.read({ handle: handleOf(file), offset: 0, length: 8 })).rejects.toMatchObject({
      code: 'io-failed',
      message: 'a.bin could not be read: the disk reported a read or write error. Open it again.',
    })
    expect(closed).toHaveBeenCalledTimes(1)
  })
})
