import { createHash, randomFillSync } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterEach, describe, expect, it } from 'vitest'
import { maxChunkBytes } from '../../../../../core/bridge/contract'
import type { LabBridge } from '../../../../../core/bridge/contract'
import { servicesOnDisk, type ServicesOnDisk } from './lab-over-dispatch'

const MiB = 1024 * 1024
const fileBytes = 300 * MiB + 12_345 // not a whole number of chunks: the last one is short
const allowedGrowth = 64 * MiB

/**
 * A full garbage collection before each sample, so the sample counts what is
 * still held, not chunks already dropped but not yet collected. Vitest does not
 * start Node with --expose-gc; the flag can still be set at run time, and a
 * fresh context then sees the gc function.
 */
function fullCollection(): () => void {
  if (typeof globalThis.gc === 'function') return globalThis.gc
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
}

/**
 * What main holds on the JavaScript heap and outside it: heapUsed for objects
 * (a list of chunks, a growing string), external and arrayBuffers for the
 * bytes of Uint8Arrays and Buffers, which live outside the heap. arrayBuffers
 * is also part of external, so buffer memory, the thing a save that kept its
 * chunks would grow, counts twice: the bound is stricter than it looks. RSS
 * is not used: it includes memory the allocator keeps after a collection and
 * shifts with the page cache, so it would measure the machine, not the save.
 */
function footprint(): number {
  const usage = process.memoryUsage()
  return usage.heapUsed + usage.external + usage.arrayBuffers
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const piece of createReadStream(path, { highWaterMark: MiB })) hash.update(piece as Buffer)
  return hash.digest('hex')
}

/** Sends one chunk made on the spot, as IPC would deliver it: a fresh Uint8Array each time, dropped once sent. */
async function sendChunk(
  lab: LabBridge,
  saveId: string,
  offset: number,
  expected: ReturnType<typeof createHash>,
): Promise<number> {
  const bytes = randomFillSync(new Uint8Array(Math.min(maxChunkBytes, fileBytes - offset)))
  expected.update(bytes)
  const reply = await lab.files.writeChunk({ saveId, offset, bytes })
  if (!reply.ok) throw new Error(reply.problem.message)
  return reply.value.written
}

let disk: ServicesOnDisk | undefined
afterEach(async () => {
  await disk?.remove()
  disk = undefined
})

describe('a 300 MB save through the real dispatcher', () => {
  it('lands on disk whole, with its SHA-256, while main holds far less than the file', async () => {
    disk = await servicesOnDisk()
    const collect = fullCollection()
    const target = disk.answerSave('backup.wwabak')!
    const begun = await disk.lab.files.beginSave({ suggestedName: 'backup.wwabak' })
    if (!begun.ok || begun.value.canceled) throw new Error('The save did not begin.')
    const { saveId } = begun.value
    const expected = createHash('sha256')

    collect()
    const baseline = footprint()
    let peak = 0
    const started = performance.now()
    let written = 0
    while (written < fileBytes) {
      written = await sendChunk(disk.lab, saveId, written, expected)
      collect()
      peak = Math.max(peak, footprint() - baseline)
    }
    const sha256 = expected.digest('hex')
    const committed = await disk.lab.files.commitSave({ saveId, size: fileBytes, sha256 })
    const seconds = (performance.now() - started) / 1000
    collect()
    peak = Math.max(peak, footprint() - baseline)

    expect(committed).toEqual({ ok: true, value: { path: target, name: 'backup.wwabak', size: fileBytes, sha256 } })
    expect((await stat(target)).size).toBe(fileBytes)
    expect(await sha256OfFile(target)).toBe(sha256)
    expect(await disk.listing()).toEqual(['backup.wwabak'])
    console.info(`300 MB save: peak memory growth ${(peak / MiB).toFixed(1)} MiB, ${seconds.toFixed(1)} s`)
    expect(peak, `main grew by ${(peak / MiB).toFixed(1)} MiB while saving`).toBeLessThan(allowedGrowth)
  }, 60_000)
})
