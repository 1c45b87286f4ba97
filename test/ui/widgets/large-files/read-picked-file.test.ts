import { createHash, randomFillSync } from 'node:crypto'
import { appendFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { maxInlineBytes, type LabBridge, type PickedFile } from '../../../../core/bridge/contract'
import {
  closePickedFiles,
  FileReadError,
  readPickedFile,
} from '../../../../renderer/widgets/large-files/read-picked-file'
import { servicesOnDisk, type ServicesOnDisk } from '../../../unit/main/services/files/lab-over-dispatch'

const MiB = 1024 * 1024
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

let disk: ServicesOnDisk | undefined
afterEach(async () => {
  await disk?.remove()
  disk = undefined
})

async function pick(name: string, bytes: Uint8Array): Promise<{ on: ServicesOnDisk; file: PickedFile; path: string }> {
  disk = await servicesOnDisk()
  const path = join(disk.folder, name)
  await writeFile(path, bytes)
  disk.answerOpen([path])
  const reply = await disk.lab.files.open({})
  if (!reply.ok || reply.value.files[0] === undefined) throw new Error(`Nothing was opened: ${JSON.stringify(reply)}`)
  return { on: disk, file: reply.value.files[0], path }
}

/** The lab, counting closeRead calls. */
function countingCloses(lab: LabBridge) {
  const closeRead = vi.fn(lab.files.closeRead)
  return { lab: { ...lab, files: { ...lab.files, closeRead } }, closeRead }
}

describe('readPickedFile', () => {
  it('gives an inline file’s bytes as they came', async () => {
    const bytes = new TextEncoder().encode('id,title\nTC-1,Turn on\n')
    const { on, file } = await pick('plan.csv', bytes)
    expect('bytes' in file).toBe(true)
    expect(await readPickedFile(on.lab, file)).toEqual(bytes)
  })

  it('reads a file that came as a handle range by range, reports progress, and closes the handle', async () => {
    const bytes = randomFillSync(new Uint8Array(20 * MiB + 3))
    const { on, file } = await pick('evidence.pcap', bytes)
    expect('handle' in file).toBe(true)
    const { lab, closeRead } = countingCloses(on.lab)
    const onProgress = vi.fn()

    const read = await readPickedFile(lab, file, { onProgress })

    expect(read.byteLength).toBe(bytes.byteLength)
    expect(sha256(read)).toBe(sha256(bytes))
    expect(onProgress.mock.calls.map(([p]) => (p as { read: number }).read)).toEqual([8 * MiB, 16 * MiB, 20 * MiB + 3])
    expect(closeRead).toHaveBeenCalledTimes(1)
    await expect(closeRead.mock.results[0]?.value).resolves.toEqual({ ok: true, value: { closed: true } })
  })

  it('refuses a file that changed while read, in main’s words, and still closes the handle', async () => {
    const { on, file, path } = await pick('capture.log', new Uint8Array(maxInlineBytes + 10))
    const { lab, closeRead } = countingCloses(on.lab)
    let grown = false
    const read = readPickedFile(lab, file, {
      onProgress: () => {
        if (!grown) appendFileSync(path, 'one more line')
        grown = true
      },
    })
    // The file grows after the first range; the next read sees it.
    await expect(read).rejects.toBeInstanceOf(FileReadError)
    await expect(read).rejects.toThrow(/^capture\.log changed while it was being read: .* Open it again\.$/)
    expect(closeRead).toHaveBeenCalledTimes(1)
  })

  it('stops between ranges when aborted, and closes the handle', async () => {
    const { on, file } = await pick('big.tif', new Uint8Array(maxInlineBytes + 10))
    const { lab, closeRead } = countingCloses(on.lab)
    const controller = new AbortController()
    const read = readPickedFile(lab, file, { signal: controller.signal, onProgress: () => controller.abort() })
    await expect(read).rejects.toMatchObject({ name: 'AbortError' })
    expect(closeRead).toHaveBeenCalledTimes(1)
    await expect(closeRead.mock.results[0]?.value).resolves.toEqual({ ok: true, value: { closed: true } })
  })
})

describe('closePickedFiles', () => {
  it('closes the handles of files that will not be read, and ignores inline ones', async () => {
    const { on, file } = await pick('big.tif', new Uint8Array(maxInlineBytes + 10))
    const { lab, closeRead } = countingCloses(on.lab)
    await closePickedFiles(lab, [file, { name: 'a.txt', type: 'text/plain', size: 1, bytes: new Uint8Array(1) }])
    expect(closeRead).toHaveBeenCalledTimes(1)
    if (!('handle' in file)) throw new Error('expected a handle')
    await expect(on.lab.files.readRange({ handle: file.handle, offset: 0, length: 1 })).resolves.toMatchObject({
      ok: false,
      problem: { code: 'not-open' },
    })
  })
})
