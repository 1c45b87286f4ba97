import { createHash, randomFillSync } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { crc32, deflateSync } from 'node:zlib'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { LabBridge } from '../../core/bridge/contract'
import { createFixtureFiles, type FixtureFiles } from './fixtures-files'
import { launchApp, type App } from './harness'
import { bundleForPage, installInPage } from './in-page-bundle'
import type { LargeFilesGlobal } from './large-files-entry'
import { openNewUnit, readStore, waitForSaved } from './pages/catalogue'

// page.evaluate callbacks run in the page, where window.lab is the bridge under test.
type PageWindow = Window & { readonly lab: LabBridge; readonly __largeFiles: LargeFilesGlobal }

const MiB = 1024 * 1024
const blobBytes = 40 * MiB + 4321

let bundle: string
let app: App | undefined
let files: FixtureFiles

beforeAll(async () => {
  bundle = await bundleForPage(fileURLToPath(new URL('./large-files-entry.ts', import.meta.url)), '__largeFiles')
})
beforeEach(async () => {
  files = await createFixtureFiles('wwa-lab-large-')
  app = await launchApp()
  await installInPage(app.page, bundle)
})
afterEach(async () => {
  await app?.close()
  app = undefined
  await files.remove()
})

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const piece of createReadStream(path)) hash.update(piece as Buffer)
  return hash.digest('hex')
}

const folderListing = async () => (await readdir(files.dir)).sort()

/**
 * A valid PNG of one colour, padded to `size` bytes with a private ancillary
 * chunk that decoders skip: a photo too large to come back inline from files.open.
 */
function paddedPng(width: number, height: number, size: number): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.byteLength)
    const view = new DataView(out.buffer)
    const typed = new TextEncoder().encode(type)
    view.setUint32(0, data.byteLength)
    out.set(typed, 4)
    out.set(data, 8)
    view.setUint32(8 + data.byteLength, crc32(out.subarray(4, 8 + data.byteLength)))
    return out
  }
  const header = new Uint8Array(13)
  new DataView(header.buffer).setUint32(0, width)
  new DataView(header.buffer).setUint32(4, height)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
  const stride = 1 + width * 3
  const raw = new Uint8Array(stride * height).fill(90)
  for (let row = 0; row < height; row += 1) raw[row * stride] = 0 // each scanline's filter: none
  const parts = [
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
  ]
  const end = chunk('IEND', new Uint8Array())
  const used = parts.reduce((sum, part) => sum + part.byteLength, 0) + end.byteLength + 12
  parts.push(chunk('prVt', new Uint8Array(size - used)), end)
  const png = new Uint8Array(size)
  let offset = 0
  for (const part of parts) {
    png.set(part, offset)
    offset += part.byteLength
  }
  return png
}

describe('large files across the bridge, from the page', () => {
  it('saves a 40 MB Blob through window.lab in chunks: the file on disk has its size and SHA-256', async () => {
    const page = app!.page
    const target = join(files.dir, 'report.zip')
    app!.dialogs.answerSave(target)

    const result = await page.evaluate(async (size) => {
      const bytes = new Uint8Array(size)
      // getRandomValues fills at most 64 KiB at a time.
      for (let offset = 0; offset < size; offset += 65536)
        crypto.getRandomValues(bytes.subarray(offset, offset + 65536))
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
      const expected = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('')
      const progress: number[] = []
      const { saveFile } = (window as unknown as PageWindow).__largeFiles
      const outcome = await saveFile(
        (window as unknown as PageWindow).lab,
        { suggestedName: 'report.zip', source: new Blob([bytes]) },
        {
          onProgress: (p) => progress.push(p.written),
        },
      )
      return { outcome, expected, progress }
    }, blobBytes)

    expect(result.outcome).toEqual({
      status: 'saved',
      name: 'report.zip',
      path: target,
      size: blobBytes,
      sha256: result.expected,
    })
    // Five 8 MiB chunks and a short one, each reported once main had written it.
    expect(result.progress).toEqual([0, 8, 16, 24, 32, 40].map((n) => n * MiB).concat(blobBytes))
    expect((await stat(target)).size).toBe(blobBytes)
    expect(await sha256OfFile(target)).toBe(result.expected)
    expect(await folderListing()).toEqual(['report.zip'])
    app!.assertClean()
  })

  it('cancels a save midway: nothing of it is left on disk and the old file is byte for byte as it was', async () => {
    const page = app!.page
    const target = join(files.dir, 'backup.wwabak')
    const oldBytes = randomFillSync(new Uint8Array(3 * MiB))
    await writeFile(target, oldBytes)
    app!.dialogs.answerSave(target)

    const outcome = await page.evaluate(async (size) => {
      const controller = new AbortController()
      const { saveFile } = (window as unknown as PageWindow).__largeFiles
      return saveFile(
        (window as unknown as PageWindow).lab,
        { suggestedName: 'backup.wwabak', source: new Blob([new Uint8Array(size).fill(7)]) },
        {
          signal: controller.signal,
          // Cancel as the third chunk is on its way, the way the Cancel button does.
          onProgress: (p) => p.written >= 16 * 1024 * 1024 && controller.abort(),
        },
      )
    }, blobBytes)

    expect(outcome).toEqual({ status: 'canceled', name: 'backup.wwabak' })
    expect(await folderListing()).toEqual(['backup.wwabak'])
    expect(new Uint8Array(await readFile(target))).toEqual(oldBytes)
    app!.assertClean()
  })

  it('opens a large file as a read handle and reads it by range into the page, then the handle is closed', async () => {
    const page = app!.page
    const bytes = randomFillSync(new Uint8Array(20 * MiB + 99))
    const path = await files.bytes('capture.pcap', bytes)
    app!.dialogs.answerOpen([path])

    const result = await page.evaluate(async () => {
      const { lab, __largeFiles } = window as unknown as PageWindow
      const reply = await lab.files.open({})
      if (!reply.ok) return { error: reply.problem.message }
      const [file] = reply.value.files
      if (file === undefined) return { error: 'nothing opened' }
      const read = await __largeFiles.readPickedFile(lab, file)
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', read))
      const afterwards =
        'handle' in file ? await lab.files.readRange({ handle: file.handle, offset: 0, length: 1 }) : undefined
      return {
        cameAsHandle: 'handle' in file,
        size: read.byteLength,
        sha256: Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join(''),
        afterwards,
      }
    })

    expect(result).toEqual({
      cameAsHandle: true,
      size: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      afterwards: {
        ok: false,
        problem: {
          code: 'not-open',
          message: 'capture.pcap was already read and closed. Open it again to read it once more.',
        },
      },
    })
    app!.assertClean()
  })

  it('adds a photo too large to come inline: the gallery reads it through its handle and stores it whole', async () => {
    const page = app!.page
    await openNewUnit(page, 'SN-9')
    const large = paddedPng(64, 48, 18 * MiB + 5)
    const small = paddedPng(32, 24, 4096)
    app!.dialogs.answerOpen([await files.bytes('label-closeup.png', large), await files.bytes('front.png', small)])

    await page.getByRole('button', { name: 'Add photos…' }).click()

    const gallery = page.getByRole('group', { name: 'Unit photos' })
    await expect.poll(() => gallery.getByRole('img').count(), { timeout: 20_000 }).toBe(2)
    await waitForSaved(page)
    const stored = (await readStore(page, 'files')) as { name: string; size: number; sha256: string; width: number }[]
    expect(
      stored
        .map(({ name, size, sha256, width }) => ({ name, size, sha256, width }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    ).toEqual([
      { name: 'front.png', size: 4096, sha256: createHash('sha256').update(small).digest('hex'), width: 32 },
      {
        name: 'label-closeup.png',
        size: large.byteLength,
        sha256: createHash('sha256').update(large).digest('hex'),
        width: 64,
      },
    ])
    app!.assertClean()
  })
})
