import {
  backupFormat,
  backupFormatVersion,
  manifestName,
  recordsPartName,
  BackupManifest,
  type BackupPart,
} from './manifest'

/**
 * Largest backup file: the zip is written without its 64-bit extension, so
 * every offset and size must fit in 32 bits.
 */
export const maxBackupFileBytes = 0xffff_ffff

/** One piece of one part, in order; a part starts with offset 0 and ends when partSize bytes have arrived. */
export type BackupChunk = {
  readonly part: string
  readonly partSize: number
  readonly offset: number
  /** The SHA-256 of these bytes as the renderer read them. */
  readonly sha256: string
  readonly bytes: Uint8Array
}

/** What the manifest says that only the renderer knows; the parts are the writer's own. */
export type ManifestHead = Omit<BackupManifest, 'format' | 'formatVersion' | 'parts'>

export type BackupWriteRefusal = {
  readonly code: 'mismatch' | 'out-of-order' | 'invalid-request' | 'too-large'
  readonly message: string
}

export class BackupWriteError extends Error {
  override readonly name = 'BackupWriteError'
  constructor(readonly refusal: BackupWriteRefusal) {
    super(refusal.message)
  }
}

export type Sha256Running = { update(bytes: Uint8Array): void; hex(): string }

export type BackupFileWriterDeps = {
  /** Appends bytes to the file; the writer never asks for anything else. */
  readonly write: (bytes: Uint8Array) => Promise<void>
  /** CRC-32 (zip's) of bytes, continuing from value (0 to start): Node's zlib.crc32 in main. */
  readonly crc32: (bytes: Uint8Array, value: number) => number
  readonly sha256Hex: (bytes: Uint8Array) => string
  readonly createSha256: () => Sha256Running
}

type Entry = { readonly name: Uint8Array; readonly crc32: number; readonly size: number; readonly offset: number }

type OpenPart = {
  readonly name: string
  readonly size: number
  readonly header: Entry
  received: number
  crc: number
  chunks: number
  firstSha256: string
  hash: Sha256Running | null
}

const utf8 = new TextEncoder()
// Stored (method 0), UTF-8 names (bit 11), sizes and CRC in a data descriptor after the data (bit 3).
const flags = 0x0808
const version = 20
const localHeaderBytes = 30
const descriptorBytes = 16
const centralHeaderBytes = 46
const endBytes = 22

/**
 * Writes a backup as a zip that `unzip` reads and core's reader opens: every
 * part stored as it arrives, with its CRC-32 and SHA-256 computed here from
 * the bytes received, each chunk checked against the SHA-256 the sender read,
 * and manifest.json last, listing the parts as they were written. Promises
 * that a finished file holds exactly the parts the manifest names, in order
 * and whole, or a BackupWriteError naming what arrived wrong.
 */
export function createBackupFileWriter(fileName: string, deps: BackupFileWriterDeps) {
  const entries: Entry[] = []
  const parts: BackupPart[] = []
  const names = new Set<string>()
  let written = 0
  let open: OpenPart | null = null
  let finished = false
  const refuse = (code: BackupWriteRefusal['code'], why: string): never => {
    throw new BackupWriteError({ code, message: `Could not write the backup ${fileName}: ${why}` })
  }
  const append = async (bytes: Uint8Array) => {
    if (written + bytes.byteLength > maxBackupFileBytes) {
      refuse(
        'too-large',
        `it would grow past 4 GiB, the most one backup file holds (the zip format without its 64-bit extension). Remove photos or evidence the lab no longer needs.`,
      )
    }
    await deps.write(bytes)
    written += bytes.byteLength
  }
  const startPart = async (chunk: BackupChunk): Promise<OpenPart> => {
    if (open !== null) refuse('out-of-order', `the part ${chunk.part} began before ${open.name} was complete.`)
    if (chunk.part === manifestName || chunk.part.length === 0 || chunk.part.length > 200 || chunk.part.startsWith('/'))
      refuse('invalid-request', `a part may not be named ${JSON.stringify(chunk.part)}.`)
    if (names.has(chunk.part)) refuse('invalid-request', `the part ${chunk.part} arrived twice.`)
    // 65,535 entries is the most a zip without its 64-bit extension lists; one is kept for the manifest.
    if (names.size >= 0xfffe) refuse('too-large', 'it has more parts than one backup file can list (65,534).')
    names.add(chunk.part)
    const name = utf8.encode(chunk.part)
    const header: Entry = { name, crc32: 0, size: 0, offset: written }
    await append(localHeader(name))
    return {
      name: chunk.part,
      size: chunk.partSize,
      header,
      received: 0,
      crc: 0,
      chunks: 0,
      firstSha256: '',
      hash: null,
    }
  }
  const endPart = async (part: OpenPart) => {
    await append(dataDescriptor(part.crc, part.size))
    entries.push({ ...part.header, crc32: part.crc, size: part.size })
    // A part of one chunk is hashed once: the chunk's check is the part's hash.
    const sha256 = part.hash === null ? part.firstSha256 || deps.sha256Hex(new Uint8Array(0)) : part.hash.hex()
    parts.push({ name: part.name, size: part.size, sha256 })
    open = null
  }

  return {
    get written() {
      return written
    },

    /** Checks and writes one chunk; returns the file's size so far. */
    async writeChunk(chunk: BackupChunk): Promise<number> {
      if (finished) refuse('out-of-order', 'a piece arrived after the backup was finished.')
      let part: OpenPart
      if (chunk.offset === 0) {
        part = await startPart(chunk)
        open = part
      } else if (open === null || open.name !== chunk.part || open.received !== chunk.offset) {
        return refuse('out-of-order', `a piece of the part ${chunk.part} arrived out of order.`)
      } else part = open
      if (chunk.partSize !== part.size || part.received + chunk.bytes.byteLength > part.size)
        refuse('mismatch', `the part ${chunk.part} holds more bytes than it said it would.`)
      if (chunk.bytes.byteLength === 0 && part.size > 0) refuse('invalid-request', `an empty piece of ${chunk.part}.`)
      if (deps.sha256Hex(chunk.bytes) !== chunk.sha256)
        refuse('mismatch', `a piece of the part ${chunk.part} arrived damaged (its SHA-256 does not match).`)
      if (part.chunks === 0) {
        part.firstSha256 = chunk.sha256
        // A part of several chunks also gets a running hash over all of them; one of one chunk needs none.
        if (chunk.bytes.byteLength < part.size) part.hash = deps.createSha256()
      }
      part.hash?.update(chunk.bytes)
      part.crc = deps.crc32(chunk.bytes, part.crc)
      await append(chunk.bytes)
      part.received += chunk.bytes.byteLength
      part.chunks += 1
      if (part.received === part.size) await endPart(part)
      return written
    },

    /** Writes manifest.json and the zip's directory; returns the manifest as written and the file's size. */
    async finish(head: ManifestHead): Promise<{ manifest: BackupManifest; size: number }> {
      if (finished) refuse('out-of-order', 'it was finished twice.')
      if (open !== null) refuse('mismatch', `it was finished before the part ${open.name} was complete.`)
      if (!names.has(recordsPartName)) refuse('mismatch', `it was finished without its ${recordsPartName}.`)
      const checked = BackupManifest.safeParse({
        format: backupFormat,
        formatVersion: backupFormatVersion,
        ...head,
        parts,
      })
      if (!checked.success) {
        const issue = checked.error.issues[0]
        refuse(
          'invalid-request',
          `its manifest is not valid (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}).`,
        )
      }
      const manifest = checked.data as BackupManifest
      finished = true
      const bytes = utf8.encode(JSON.stringify(manifest))
      const name = utf8.encode(manifestName)
      const offset = written
      await append(localHeader(name))
      await append(bytes)
      const crc = deps.crc32(bytes, 0)
      await append(dataDescriptor(crc, bytes.byteLength))
      entries.push({ name, crc32: crc, size: bytes.byteLength, offset })
      await append(directoryOf(entries, written))
      return { manifest, size: written }
    },
  }
}
export type BackupFileWriter = ReturnType<typeof createBackupFileWriter>

function localHeader(name: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(localHeaderBytes + name.byteLength)
  const view = new DataView(bytes.buffer)
  view.setUint32(0, 0x04034b50, true)
  view.setUint16(4, version, true)
  view.setUint16(6, flags, true)
  // method 0, time and date 0 (1980), CRC and sizes 0: they follow in the data descriptor.
  view.setUint16(26, name.byteLength, true)
  bytes.set(name, localHeaderBytes)
  return bytes
}

function dataDescriptor(crc: number, size: number): Uint8Array {
  const bytes = new Uint8Array(descriptorBytes)
  const view = new DataView(bytes.buffer)
  view.setUint32(0, 0x08074b50, true)
  view.setUint32(4, crc >>> 0, true)
  view.setUint32(8, size, true)
  view.setUint32(12, size, true)
  return bytes
}

function directoryOf(entries: readonly Entry[], at: number): Uint8Array {
  const size = entries.reduce((n, e) => n + centralHeaderBytes + e.name.byteLength, 0)
  const bytes = new Uint8Array(size + endBytes)
  const view = new DataView(bytes.buffer)
  let p = 0
  for (const entry of entries) {
    view.setUint32(p, 0x02014b50, true)
    view.setUint16(p + 4, version, true)
    view.setUint16(p + 6, version, true)
    view.setUint16(p + 8, flags, true)
    view.setUint32(p + 16, entry.crc32 >>> 0, true)
    view.setUint32(p + 20, entry.size, true)
    view.setUint32(p + 24, entry.size, true)
    view.setUint16(p + 28, entry.name.byteLength, true)
    view.setUint32(p + 42, entry.offset, true)
    bytes.set(entry.name, p + centralHeaderBytes)
    p += centralHeaderBytes + entry.name.byteLength
  }
  view.setUint32(p, 0x06054b50, true)
  view.setUint16(p + 8, entries.length, true)
  view.setUint16(p + 10, entries.length, true)
  view.setUint32(p + 12, size, true)
  view.setUint32(p + 16, at, true)
  return bytes
}
