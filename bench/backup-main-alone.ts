import { createHash } from 'node:crypto'
import { execFile } from 'node:child_process'
import { open } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { readBackupManifest } from '../core/backup/read-manifest'
import { dataOffsetOf } from '../core/backup/zip-directory'
import { maxBackupChunkBytes } from '../core/bridge/backups'
import { maxChunkBytes, type LabBridge } from '../core/bridge/contract'
import { readerOf } from '../main/services/backups/backup-folder'
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
 * automatic backup part by part in chunks of up to 32 MiB, each with its
 * SHA-256 (parsed, checked, framed, written, fsynced, read back, pruned), then
 * read back with files.readRange.
 * Only the time inside main's calls is counted, and this process's memory.
 */
export async function replayThroughMain(backupPath: string, profileDir: string): Promise<MainAlone> {
  const main = await servicesOnDisk()
  const file = await open(backupPath, 'r')
  try {
    const { size } = await file.stat()
    const lab: LabBridge = main.lab
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
    // Part by part, as the renderer sends them: each part's bytes from where the zip holds them.
    const readAt = readerOf(file)
    const read = await readBackupManifest(backupPath, size, readAt, Number.MAX_SAFE_INTEGER)
    if (!read.ok) throw new Error(read.problem.message)
    const { manifest, entries } = read.value
    for (const part of manifest.parts) {
      const start = await dataOffsetOf(backupPath, entries.get(part.name)!, readAt)
      if (!start.ok) throw new Error(start.problem.message)
      for (let offset = 0; offset < part.size || offset === 0; offset += maxBackupChunkBytes) {
        const length = Math.min(maxBackupChunkBytes, part.size - offset)
        const bytes = new Uint8Array(length)
        await file.read(bytes, 0, length, start.value + offset)
        const sha256 = createHash('sha256').update(bytes).digest('hex')
        const chunk = { saveId: begun.saveId, part: part.name, partSize: part.size, offset, sha256, bytes }
        must(await timed(() => lab.backups.writeChunk(chunk)))
        if (part.size === 0) break
      }
    }
    const { format: _format, formatVersion: _version, parts: _parts, ...head } = manifest
    const written = must(await timed(() => lab.backups.commit({ saveId: begun.saveId, manifest: head })))
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
