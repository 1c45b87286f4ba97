// Reads a zip's central directory, the list of its parts and their unpacked sizes,
// without inflating anything, so an xlsx that would unpack to gigabytes is refused
// before anything unpacks it. A zip can describe its directory twice, in the classic
// end record and in the zip64 one; an unzipper that trusts one while this check
// trusts the other would inflate what was never checked, so a file whose two
// records disagree is refused. Names and sizes are read as fflate 0.8 reads them
// (unzip-parts.ts then checks that fflate saw the same list). Every read is
// bounds-checked: the loop ends within the file whatever counts the file claims.

export type ZipPart = { readonly name: string; readonly unpackedBytes: number; readonly packedBytes: number }

export type ZipDirectory =
  | { readonly ok: true; readonly parts: ZipPart[] }
  /** The directory cannot be read: no end record, a part outside the file, a split archive. */
  | { readonly ok: false; readonly reason: 'unreadable' }
  /** The classic and zip64 records, or a record and the directory itself, say different things; `detail` says what. */
  | { readonly ok: false; readonly reason: 'directories-disagree'; readonly detail: string }

const endSignature = 0x06054b50
const zip64EndSignature = 0x06064b50
const zip64LocatorSignature = 0x07064b50
const entrySignature = 0x02014b50
const max16 = 0xffff
const max32 = 0xffffffff

const u16 = (bytes: Uint8Array, at: number) =>
  at >= 0 && at + 2 <= bytes.length ? bytes[at]! | (bytes[at + 1]! << 8) : -1
const u32 = (bytes: Uint8Array, at: number) =>
  at >= 0 && at + 4 <= bytes.length
    ? (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0
    : -1
// 64-bit fields as numbers: exact up to 2^53, far beyond any size this reads.
const u64 = (bytes: Uint8Array, at: number) => {
  const low = u32(bytes, at)
  const high = u32(bytes, at + 4)
  return low < 0 || high < 0 ? -1 : high * 0x100000000 + low
}

const count = (n: number) => n.toLocaleString('en-US')

type Totals = {
  readonly diskEntries: number
  readonly totalEntries: number
  readonly size: number
  readonly offset: number
}

/** The parts a zip lists and the sizes it says they unpack to; refused when unreadable or when its records disagree. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const end = findEndRecord(bytes)
  if (end < 0) return { ok: false, reason: 'unreadable' }
  const disk = u16(bytes, end + 4)
  const directoryDisk = u16(bytes, end + 6)
  const classic: Totals = {
    diskEntries: u16(bytes, end + 8),
    totalEntries: u16(bytes, end + 10),
    size: u32(bytes, end + 12),
    offset: u32(bytes, end + 16),
  }
  const zip64 = readZip64End(bytes, end)
  if (zip64 === 'unreadable') return { ok: false, reason: 'unreadable' }
  if (zip64 === undefined) {
    // Without a zip64 record a field at its maximum is no size at all: an unzipper would take it as 4 GiB.
    if (Object.values(classic).some((value) => value === max16 || value === max32))
      return { ok: false, reason: 'unreadable' }
    if ((disk !== 0 && disk !== max16) || (directoryDisk !== 0 && directoryDisk !== max16))
      return { ok: false, reason: 'unreadable' }
  } else {
    const disagreement = disagreementOf(classic, zip64.totals)
    if (disagreement !== undefined) return { ok: false, reason: 'directories-disagree', detail: disagreement }
    if (zip64.disk !== 0 || zip64.directoryDisk !== 0) return { ok: false, reason: 'unreadable' }
  }
  const totals = zip64?.totals ?? classic
  if (totals.diskEntries !== totals.totalEntries) {
    return {
      ok: false,
      reason: 'directories-disagree',
      detail: `${count(totals.diskEntries)} parts on this disk against ${count(totals.totalEntries)} in all`,
    }
  }
  const directoryEnd = zip64?.at ?? end
  if (totals.offset + totals.size > directoryEnd) return { ok: false, reason: 'unreadable' }
  return readEntries(bytes, totals, zip64 !== undefined)
}

function readEntries(bytes: Uint8Array, totals: Totals, zip64: boolean): ZipDirectory {
  const parts: ZipPart[] = []
  let offset = totals.offset
  const limit = totals.offset + totals.size
  for (let index = 0; index < totals.totalEntries; index++) {
    if (offset + 46 > limit || u32(bytes, offset) !== entrySignature) {
      return {
        ok: false,
        reason: 'directories-disagree',
        detail: `the directory's ${count(totals.size)} bytes hold fewer than the ${count(totals.totalEntries)} parts its end record counts`,
      }
    }
    const flags = u16(bytes, offset + 8)
    let packedBytes = u32(bytes, offset + 20)
    let unpackedBytes = u32(bytes, offset + 24)
    const nameLength = u16(bytes, offset + 28)
    const extraLength = u16(bytes, offset + 30)
    const commentLength = u16(bytes, offset + 32)
    const localHeader = u32(bytes, offset + 42)
    const nameStart = offset + 46
    const next = nameStart + nameLength + extraLength + commentLength
    if (next > limit) return { ok: false, reason: 'unreadable' }
    if (packedBytes === max32 || unpackedBytes === max32 || localHeader === max32) {
      // Without a zip64 record, a field at its maximum is no size at all: an unzipper would take it as 4 GiB.
      const sizes = zip64
        ? zip64Sizes(bytes, nameStart + nameLength, extraLength, {
            unpacked: unpackedBytes === max32,
            packed: packedBytes === max32,
            offset: localHeader === max32,
          })
        : undefined
      if (sizes === undefined) return { ok: false, reason: 'unreadable' }
      unpackedBytes = sizes.unpacked ?? unpackedBytes
      packedBytes = sizes.packed ?? packedBytes
    }
    if (packedBytes > bytes.length) return { ok: false, reason: 'unreadable' }
    parts.push({ name: partName(bytes.subarray(nameStart, nameStart + nameLength), flags), unpackedBytes, packedBytes })
    offset = next
  }
  if (offset !== limit) {
    return {
      ok: false,
      reason: 'directories-disagree',
      detail: `its end record says the directory is ${count(totals.size)} bytes, but its ${count(totals.totalEntries)} parts take ${count(offset - totals.offset)}`,
    }
  }
  return { ok: true, parts }
}

/** The zip64 end record the locator before the classic end record points to; undefined when there is no locator. */
function readZip64End(
  bytes: Uint8Array,
  end: number,
): { at: number; disk: number; directoryDisk: number; totals: Totals } | undefined | 'unreadable' {
  const locator = end - 20
  if (u32(bytes, locator) !== zip64LocatorSignature) return undefined
  const at = u64(bytes, locator + 8)
  if (at < 0 || at + 56 > locator || u32(bytes, at) !== zip64EndSignature) return 'unreadable'
  return {
    at,
    disk: u32(bytes, at + 16),
    directoryDisk: u32(bytes, at + 20),
    totals: {
      diskEntries: u64(bytes, at + 24),
      totalEntries: u64(bytes, at + 32),
      size: u64(bytes, at + 40),
      offset: u64(bytes, at + 48),
    },
  }
}

/** What the classic record says differently from the zip64 one; a classic field at its maximum defers to zip64. */
function disagreementOf(classic: Totals, zip64: Totals): string | undefined {
  const fields = [
    { key: 'totalEntries', what: 'number of parts', max: max16 },
    { key: 'diskEntries', what: 'number of parts on this disk', max: max16 },
    { key: 'size', what: 'directory size', max: max32 },
    { key: 'offset', what: 'directory position', max: max32 },
  ] as const
  for (const { key, what, max } of fields) {
    if (classic[key] !== max && classic[key] !== zip64[key])
      return `${what}: ${count(classic[key])} in the classic record, ${count(zip64[key])} in the zip64 record`
  }
  return undefined
}

function findEndRecord(bytes: Uint8Array): number {
  // The end record is 22 bytes plus a comment of at most 65,535; fflate takes the last one too.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff)
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (u32(bytes, at) === endSignature) return at
  }
  return -1
}

/**
 * The sizes a zip64 extra field (id 1) holds for the fields at their maximum, in the
 * order the format gives them and fflate reads them: unpacked size, packed size, the
 * local header's offset; undefined when the field is missing or too short for them.
 */
function zip64Sizes(
  bytes: Uint8Array,
  start: number,
  length: number,
  extended: { readonly unpacked: boolean; readonly packed: boolean; readonly offset: boolean },
): { unpacked?: number; packed?: number } | undefined {
  const end = start + length
  for (let at = start; at + 4 < end; at += 4 + u16(bytes, at + 2)) {
    if (u16(bytes, at) !== 0x0001) continue
    const needed = 8 * (Number(extended.unpacked) + Number(extended.packed) + Number(extended.offset))
    if (u16(bytes, at + 2) < needed || at + 4 + needed > end) return undefined
    const unpacked = extended.unpacked ? u64(bytes, at + 4) : undefined
    const packed = extended.packed ? u64(bytes, at + 4 + (extended.unpacked ? 8 : 0)) : undefined
    if ((unpacked ?? 0) < 0 || (packed ?? 0) < 0) return undefined
    return { ...(unpacked === undefined ? {} : { unpacked }), ...(packed === undefined ? {} : { packed }) }
  }
  return undefined
}

const utf8Names = new TextDecoder('utf-8')

/** A part's name as fflate decodes it: UTF-8 when the entry's flag 11 says so, else one character per byte. */
function partName(raw: Uint8Array, flags: number): string {
  if ((flags & 0x0800) !== 0) return utf8Names.decode(raw.slice())
  let name = ''
  for (const byte of raw) name += String.fromCharCode(byte)
  return name
}
