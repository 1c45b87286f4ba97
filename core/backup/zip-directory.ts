import type { Outcome } from '../outcome'
import { backupRefusal, type BackupProblem } from './manifest'

/** Reads length bytes at offset of the backup file (fewer only at its end). */
export type ReadAt = (offset: number, length: number) => Promise<Uint8Array<ArrayBuffer>>

/** One entry of a zip's central directory. */
export type ZipEntry = {
  readonly name: string
  /** 0 stored, 8 deflated. */
  readonly method: number
  readonly crc32: number
  readonly compressedSize: number
  readonly size: number
  readonly localHeaderOffset: number
}

const eocdSignature = 0x06054b50
const centralSignature = 0x02014b50
const localSignature = 0x04034b50
const eocdBytes = 22
const maxCommentBytes = 0xffff
const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * The entries of a zip file, read from its end-of-central-directory record and
 * central directory by range, so nothing but the directory is held. Promises
 * each name is unique, and every entry lies inside the file before the
 * directory; a file that ends early or whose directory disagrees is refused in words.
 */
export async function readZipDirectory(
  fileName: string,
  size: number,
  readAt: ReadAt,
): Promise<Outcome<ReadonlyMap<string, ZipEntry>, BackupProblem>> {
  const truncated = backupRefusal(
    'truncated',
    `${fileName} is not a complete backup: its end is missing (the file was cut short, or is not a backup).`,
  )
  if (size < eocdBytes) return truncated
  const tailLength = Math.min(size, eocdBytes + maxCommentBytes)
  const tail = await readAt(size - tailLength, tailLength)
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength)
  let at = -1
  for (let i = tail.byteLength - eocdBytes; i >= 0; i -= 1) {
    if (view.getUint32(i, true) === eocdSignature && i + eocdBytes + view.getUint16(i + 20, true) === tail.byteLength) {
      at = i
      break
    }
  }
  if (at < 0) return truncated
  const eocdOffset = size - tailLength + at
  const count = view.getUint16(at + 10, true)
  const directorySize = view.getUint32(at + 12, true)
  const directoryOffset = view.getUint32(at + 16, true)
  if (directoryOffset + directorySize !== eocdOffset) {
    return backupRefusal(
      'damaged',
      `${fileName} is damaged: its directory of parts is not where its end record says (the file was cut or changed).`,
    )
  }
  const directory = await readAt(directoryOffset, directorySize)
  if (directory.byteLength !== directorySize) return truncated
  const dir = new DataView(directory.buffer, directory.byteOffset, directory.byteLength)
  const entries = new Map<string, ZipEntry>()
  let offset = 0
  for (let index = 0; index < count; index += 1) {
    if (offset + 46 > directorySize || dir.getUint32(offset, true) !== centralSignature) {
      return backupRefusal(
        'damaged',
        `${fileName} is damaged: entry ${index + 1} of its directory of parts is unreadable.`,
      )
    }
    const nameLength = dir.getUint16(offset + 28, true)
    const extraLength = dir.getUint16(offset + 30, true)
    const commentLength = dir.getUint16(offset + 32, true)
    let name: string
    try {
      name = utf8.decode(directory.subarray(offset + 46, offset + 46 + nameLength))
    } catch {
      return backupRefusal('damaged', `${fileName} is damaged: a part's name is not readable text.`)
    }
    const entry: ZipEntry = {
      name,
      method: dir.getUint16(offset + 10, true),
      crc32: dir.getUint32(offset + 16, true),
      compressedSize: dir.getUint32(offset + 20, true),
      size: dir.getUint32(offset + 24, true),
      localHeaderOffset: dir.getUint32(offset + 42, true),
    }
    if (entries.has(name)) return backupRefusal('damaged', `${fileName} is damaged: it holds the part ${name} twice.`)
    if (entry.localHeaderOffset + 30 + entry.compressedSize > directoryOffset) {
      return backupRefusal('damaged', `${fileName} is damaged: the part ${name} would run past the end of the data.`)
    }
    entries.set(name, entry)
    offset += 46 + nameLength + extraLength + commentLength
  }
  return { ok: true, value: entries }
}

/** Where an entry's bytes start: after its local header, whose name and extra field lengths may differ from the directory's. */
export async function dataOffsetOf(
  fileName: string,
  entry: ZipEntry,
  readAt: ReadAt,
): Promise<Outcome<number, BackupProblem>> {
  const header = await readAt(entry.localHeaderOffset, 30)
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength)
  if (header.byteLength !== 30 || view.getUint32(0, true) !== localSignature) {
    return backupRefusal(
      'damaged',
      `${fileName} is damaged: the part ${entry.name} does not start where its directory says.`,
    )
  }
  return { ok: true, value: entry.localHeaderOffset + 30 + view.getUint16(26, true) + view.getUint16(28, true) }
}
