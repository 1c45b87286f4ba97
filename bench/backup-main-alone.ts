import { createHash } from 'node:crypto'
import { execFile } from 'node:child_process'
import { open } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { maxChunkBytes, type LabBridge } from '../core/bridge/contract'
import { servicesOnDisk } from '../test/unit/main/services/files/lab-over-dispatch'
import { watchMemory, type ProcessMemory } from './backup-memory'

export type MainAlone = {
  /** Time main's dispatcher and services took for every chunk, commit included (the renderer's share left out). */
  readonly writeMs: number
  readonly readMs: number
  readonly writeMemory: ProcessMemory
  readonly readMemory: ProcessMemory
}

const must = <T>(reply: { ok: true; value: T } | { ok: false; problem: { message: string } }): T => {
  if (!reply.ok) throw new Error(reply.problem.message)
  return reply.value
}

/**
 * replayThroughMain in a Node process of its own, so main's memory growth is
 * not hidden in (or added to) what this process already holds.
 */
export async function replayInFreshProcess(backupPath: string): Promise<MainAlone> {
  const child = fileURLToPath(new URL('./backup-main-alone.child.ts', import.meta.url))
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, backupPath], {
    maxBuffer: 1024 * 1024,
  })
  return JSON.parse(stdout) as MainAlone
}

/**
 * The same backup file through main's real dispatcher and services, called
 * directly as window.lab would be, without the test bridge: written as an
 * automatic backup in 8 MiB chunks, each with its SHA-256 (parsed, checked,
 * written, fsynced, read back, pruned), then read back with files.readRange.
 * Only the time inside main's calls is counted, and this process's memory.
 */
export async function replayThroughMain(backupPath: string, profileDir: string): Promise<MainAlone> {
  const main = await servicesOnDisk()
  const file = await open(backupPath, 'r')
  try {
    const { size } = await file.stat()
    const lab: LabBridge = main.lab
    const chunk = new Uint8Array(maxChunkBytes)
    let writeMs = 0
    const timed = async <T>(call: () => Promise<T>): Promise<T> => {
      const start = performance.now()
      try {
        return await call()
      } finally {
        writeMs += performance.now() - start
      }
    }

    const writing = await watchMemory(profileDir)
    const begun = must(
      await timed(() => lab.backups.begin({ target: 'folder', reason: 'daily', createdAt: new Date().toISOString() })),
    )
    if (begun.canceled) throw new Error('Main cancelled an automatic backup.')
    let chunks = 0
    for (let offset = 0; offset < size; offset += maxChunkBytes) {
      const { bytesRead } = await file.read(chunk, 0, Math.min(maxChunkBytes, size - offset), offset)
      const bytes = chunk.slice(0, bytesRead)
      const sha256 = createHash('sha256').update(bytes).digest('hex')
      must(await timed(() => lab.backups.writeChunk({ saveId: begun.saveId, offset, sha256, bytes })))
      chunks += 1
    }
    const written = must(await timed(() => lab.backups.commit({ saveId: begun.saveId, size, chunks })))
    const writeMemory = (await writing.stop()).main

    const reading = await watchMemory(profileDir)
    const readStart = performance.now()
    const opened = must(await lab.backups.openStored({ name: written.name }))
    for (let offset = 0; offset < size; offset += maxChunkBytes) {
      must(
        await lab.files.readRange({
          handle: opened.handle,
          offset,
          length: Math.min(maxChunkBytes, size - offset),
        }),
      )
    }
    must(await lab.files.closeRead({ handle: opened.handle }))
    const readMs = performance.now() - readStart
    const readMemory = (await reading.stop()).main
    return { writeMs, readMs, writeMemory, readMemory }
  } finally {
    await file.close()
    await main.remove()
  }
}
