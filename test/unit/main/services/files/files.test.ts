import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import * as nodeFs from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ServiceError } from '../../../../../main/ipc/dispatcher'
import type { Dialogs } from '../../../../../main/services/files/dialogs'
import { createFileService, type ReadFs } from '../../../../../main/services/files/files'
import { createReadHandles } from '../../../../../main/services/files/read-handles'

let folder: string
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'wwa-files-'))
})
afterEach(async () => {
  await rm(folder, { recursive: true, force: true })
})

function dialogsPicking(paths: readonly string[], savePath?: string) {
  return {
    pickFilesToOpen: vi.fn<Dialogs['pickFilesToOpen']>(async () => paths),
    pickSavePath: vi.fn<Dialogs['pickSavePath']>(async () => savePath),
  }
}

/** The real file system, with spies to prove what was and was not touched. */
function spiedFs() {
  const reads = vi.fn()
  const fs = {
    stat: vi.fn((path: string) => nodeFs.stat(path)),
    open: vi.fn(async (path: string, flags: 'r') => {
      const handle = await nodeFs.open(path, flags)
      return {
        stat: () => handle.stat(),
        read: (buffer: Uint8Array, offset: number, length: number, position: number) => {
          reads(length)
          return handle.read(buffer, offset, length, position)
        },
        close: () => handle.close(),
      }
    }),
  } satisfies ReadFs
  return { fs, reads }
}

async function aFile(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(folder, name)
  await writeFile(path, content)
  return path
}

describe('files.open', () => {
  it('returns the picked file as a plain Uint8Array with its name, size and type', async () => {
    const path = await aFile('plan.csv', 'id,title\nTC-1,Turn on\n')
    const files = createFileService({ dialogs: dialogsPicking([path]) })

    const result = await files.open({})

    expect(result.canceled).toBe(false)
    expect(result.rejected).toEqual([])
    const [file] = result.files
    expect(file).toMatchObject({ name: 'plan.csv', type: 'text/csv', size: 22 })
    if (file === undefined || !('bytes' in file)) throw new Error('A small file comes inline, with its bytes.')
    // Not a Buffer: a Buffer may share memory with unrelated data and crosses IPC differently.
    expect(Object.getPrototypeOf(file.bytes)).toBe(Uint8Array.prototype)
    expect(file.bytes.buffer.byteLength).toBe(22)
    expect(new TextDecoder().decode(file.bytes)).toBe('id,title\nTC-1,Turn on\n')
  })

  it('passes title, filters and multiple on to the dialog', async () => {
    const dialogs = dialogsPicking([])
    const filters = [{ name: 'Spreadsheets', extensions: ['xlsx', 'csv'] }]
    await createFileService({ dialogs }).open({ title: 'Import outages', filters, multiple: true })
    expect(dialogs.pickFilesToOpen).toHaveBeenCalledWith({ title: 'Import outages', filters, multiple: true })
  })

  it('reports a cancelled dialog as canceled, touching no file', async () => {
    const { fs } = spiedFs()
    const result = await createFileService({ dialogs: dialogsPicking([]), fs }).open({})
    expect(result).toEqual({ canceled: true, files: [], rejected: [] })
    expect(fs.stat).not.toHaveBeenCalled()
    expect(fs.open).not.toHaveBeenCalled()
  })

  it('rejects a file over the limit without opening or reading it, naming the file and the limit', async () => {
    const path = await aFile('huge-photo.jpg', new Uint8Array(2048))
    const { fs, reads } = spiedFs()
    const files = createFileService({ dialogs: dialogsPicking([path]), fs, limits: { maxFileBytes: 1024 } })

    const result = await files.open({})

    expect(result.files).toEqual([])
    expect(result.rejected).toEqual([
      {
        name: 'huge-photo.jpg',
        reason: 'huge-photo.jpg is 2 KiB, more than the 1 KiB limit for opening a file. It was not opened.',
      },
    ])
    expect(fs.open).not.toHaveBeenCalled()
    expect(reads).not.toHaveBeenCalled()
  })

  it("lets a request lower the limit but never raise it above the service's", async () => {
    const path = await aFile('evidence.log', new Uint8Array(100))
    const lowered = await createFileService({ dialogs: dialogsPicking([path]) }).open({ maxBytes: 99 })
    expect(lowered.rejected[0]?.reason).toContain('the 99 bytes limit')

    const raised = await createFileService({ dialogs: dialogsPicking([path]), limits: { maxFileBytes: 50 } }).open({
      maxBytes: 1000,
    })
    expect(raised.rejected[0]?.reason).toContain('the 50 bytes limit')
  })

  it('opens the files that fit and lists the others with their reasons', async () => {
    const small = await aFile('small.json', '{}')
    const big = await aFile('big.json', new Uint8Array(600))
    const missing = join(folder, 'deleted-meanwhile.json')
    const subfolder = join(folder, 'photos')
    await mkdir(subfolder)

    const result = await createFileService({
      dialogs: dialogsPicking([small, big, missing, subfolder]),
      limits: { maxFileBytes: 500 },
    }).open({
      multiple: true,
    })

    expect(result.files.map((f) => f.name)).toEqual(['small.json'])
    expect(result.rejected).toEqual([
      {
        name: 'big.json',
        reason: 'big.json is 600 bytes, more than the 500 bytes limit for opening a file. It was not opened.',
      },
      {
        name: 'deleted-meanwhile.json',
        reason: 'deleted-meanwhile.json could not be read: the file or its folder does not exist.',
      },
      { name: 'photos', reason: 'photos is not a regular file (it may be a folder or a device) and was not opened.' },
    ])
  })

  it('sends files whole while the reply has room, and the rest as read handles it never reads', async () => {
    const paths = await Promise.all(
      ['a.png', 'b.png', 'c.png', 'd.png'].map((name, index) => aFile(name, new Uint8Array(index === 3 ? 100 : 400))),
    )
    const { fs, reads } = spiedFs()
    const handles = createReadHandles()
    const files = createFileService({
      dialogs: dialogsPicking(paths),
      fs,
      reads: handles,
      limits: { maxFileBytes: 500, maxInlineBytes: 1000 },
    })
    const result = await files.open({ multiple: true })
    await handles.closeAll()

    expect(result.rejected).toEqual([])
    expect(result.files.map((f) => ({ name: f.name, size: f.size, inline: 'bytes' in f }))).toEqual([
      { name: 'a.png', size: 400, inline: true },
      { name: 'b.png', size: 400, inline: true },
      { name: 'c.png', size: 400, inline: false },
      // Still room for a small file after a large one went by handle.
      { name: 'd.png', size: 100, inline: true },
    ])
    expect(result.files[2]).toEqual({
      name: 'c.png',
      type: 'image/png',
      size: 400,
      handle: expect.stringMatching(/^[0-9a-f-]{36}$/),
    })
    // c.png was opened and kept open, but not one byte of it was read.
    expect(fs.open).toHaveBeenCalledTimes(4)
    expect(reads.mock.calls.map(([length]) => length as number)).toEqual([400, 1, 400, 1, 100, 1])
  })

  it('opens only the first path when several were not asked for', async () => {
    const a = await aFile('a.txt', 'a')
    const b = await aFile('b.txt', 'b')
    const result = await createFileService({ dialogs: dialogsPicking([a, b]) }).open({})
    expect(result.files.map((f) => f.name)).toEqual(['a.txt'])
  })

  it('refuses a file that grows between the size check and the read', async () => {
    let size = 4
    const growing: ReadFs = {
      stat: async () => ({ size, isFile: () => true }),
      open: async () => ({
        stat: async () => ({ size, isFile: () => true }),
        read: async (buffer, offset, length) => {
          buffer.fill(7, offset, offset + length)
          size += length // someone is still writing it
          return { bytesRead: length }
        },
        close: async () => undefined,
      }),
    }
    const result = await createFileService({ dialogs: dialogsPicking(['/lab/capture.log']), fs: growing }).open({})
    expect(result.rejected).toEqual([
      { name: 'capture.log', reason: 'capture.log changed while it was being read. Open it again.' },
    ])
  })
})

describe('files.saveAs', () => {
  const bytes = new TextEncoder().encode('PK spreadsheet bytes')

  it('writes the bytes to the chosen path and says where', async () => {
    const path = join(folder, 'report.xlsx')
    const result = await createFileService({ dialogs: dialogsPicking([], path) }).saveAs({
      suggestedName: 'report.xlsx',
      bytes,
    })
    expect(result).toEqual({ canceled: false, path, name: 'report.xlsx', size: bytes.byteLength })
    expect(new Uint8Array(await readFile(path))).toEqual(bytes)
  })

  it('writes nothing when the person cancels', async () => {
    const writeFileSpy = vi.fn(async () => undefined)
    const result = await createFileService({ dialogs: dialogsPicking([], undefined), writeFile: writeFileSpy }).saveAs({
      suggestedName: 'report.xlsx',
      bytes,
    })
    expect(result).toEqual({ canceled: true })
    expect(writeFileSpy).not.toHaveBeenCalled()
  })

  it('reports a failed save in words, naming the file, and leaves the old file as it was', async () => {
    const path = join(folder, 'report.xlsx')
    await writeFile(path, 'last week')
    const diskFull = async () => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
    }
    const files = createFileService({ dialogs: dialogsPicking([], path), writeFile: diskFull })

    const failure = files.saveAs({ suggestedName: 'report.xlsx', bytes })

    await expect(failure).rejects.toBeInstanceOf(ServiceError)
    await expect(failure).rejects.toMatchObject({
      code: 'io-failed',
      message: 'Could not save report.xlsx: the disk is full. The previous file, if any, is unchanged.',
    })
    expect(await readFile(path, 'utf8')).toBe('last week')
    expect(await readdir(folder)).toEqual(['report.xlsx'])
  })

  it('offers only a plain file name in the dialog, never a path from the page', async () => {
    const dialogs = dialogsPicking([], undefined)
    await createFileService({ dialogs }).saveAs({ suggestedName: '../../etc/passwd', bytes })
    expect(dialogs.pickSavePath).toHaveBeenCalledWith(expect.objectContaining({ suggestedName: '.._.._etc_passwd' }))
  })
})
