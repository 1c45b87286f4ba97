// Zips built to mislead an unzipper, made from a good one in the test: nothing binary is checked in.

const u16 = (bytes: Uint8Array, at: number) => bytes[at]! | (bytes[at + 1]! << 8)
const u32 = (bytes: Uint8Array, at: number) =>
  (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0
const put16 = (bytes: Uint8Array, at: number, value: number) =>
  new DataView(bytes.buffer, bytes.byteOffset).setUint16(at, value, true)
const put32 = (bytes: Uint8Array, at: number, value: number) =>
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(at, value, true)
const put64 = (bytes: Uint8Array, at: number, value: number) =>
  new DataView(bytes.buffer, bytes.byteOffset).setBigUint64(at, BigInt(value), true)

/** The classic end record of a zip written without a comment: its entry count, directory size and offset. */
export function classicEnd(zip: Uint8Array): { entries: number; size: number; offset: number } {
  const end = zip.length - 22
  if (u32(zip, end) !== 0x06054b50) throw new Error('expected a zip without a comment')
  return { entries: u16(zip, end + 10), size: u32(zip, end + 12), offset: u32(zip, end + 16) }
}

export type Zip64Fields = { entries?: number; diskEntries?: number; size?: number; offset?: number }
export type ClassicFields = { entries?: number; diskEntries?: number; size?: number; offset?: number }

/**
 * The zip with a zip64 end record and its locator inserted before the classic end
 * record. `directories` are extra copies of the central directory placed after the
 * first (the zip64 record can point at one of them); the fields of both end records
 * can be set to anything, agreeing or not.
 */
export function withZip64(
  zip: Uint8Array,
  options: { zip64?: Zip64Fields; classic?: ClassicFields; extraDirectory?: Uint8Array } = {},
): Uint8Array {
  const { entries, size, offset } = classicEnd(zip)
  const head = zip.subarray(0, offset + size)
  const extra = options.extraDirectory ?? new Uint8Array(0)
  const extraAt = offset + size
  const zip64At = extraAt + extra.length
  const record = new Uint8Array(56)
  put32(record, 0, 0x06064b50)
  put64(record, 4, 44)
  put16(record, 12, 45)
  put16(record, 14, 45)
  put64(record, 24, options.zip64?.diskEntries ?? options.zip64?.entries ?? entries)
  put64(record, 32, options.zip64?.entries ?? entries)
  put64(record, 40, options.zip64?.size ?? size)
  put64(record, 48, options.zip64?.offset ?? offset)
  const locator = new Uint8Array(20)
  put32(locator, 0, 0x07064b50)
  put64(locator, 8, zip64At)
  put32(locator, 16, 1)
  const end = zip.slice(zip.length - 22)
  put16(end, 8, options.classic?.diskEntries ?? options.classic?.entries ?? entries)
  put16(end, 10, options.classic?.entries ?? entries)
  put32(end, 12, options.classic?.size ?? size)
  put32(end, 16, options.classic?.offset ?? offset)
  const out = new Uint8Array(head.length + extra.length + record.length + locator.length + end.length)
  out.set(head, 0)
  out.set(extra, extraAt)
  out.set(record, zip64At)
  out.set(locator, zip64At + record.length)
  out.set(end, zip64At + record.length + locator.length)
  return out
}

/** A copy of the zip's central directory in which the part `name` claims to unpack to `unpackedBytes`. */
export function bloatedDirectory(zip: Uint8Array, name: string, unpackedBytes: number): Uint8Array {
  const { entries, size, offset } = classicEnd(zip)
  const directory = zip.slice(offset, offset + size)
  let at = 0
  for (let index = 0; index < entries; index++) {
    const nameLength = u16(directory, at + 28)
    const entryName = new TextDecoder().decode(directory.subarray(at + 46, at + 46 + nameLength))
    if (entryName === name) put32(directory, at + 24, unpackedBytes)
    at += 46 + nameLength + u16(directory, at + 30) + u16(directory, at + 32)
  }
  return directory
}

/**
 * The attack of issue 8: a zip whose classic end record lists the real, small parts
 * (what a size check reading it sees) while its zip64 record points an unzipper that
 * prefers zip64 to another directory in which `name` unpacks to `unpackedBytes`.
 */
export function zip64Disguise(zip: Uint8Array, name: string, unpackedBytes: number): Uint8Array {
  const { entries, size, offset } = classicEnd(zip)
  return withZip64(zip, {
    extraDirectory: bloatedDirectory(zip, name, unpackedBytes),
    zip64: { entries, size, offset: offset + size },
    // 0xFFFF "parts on this disk" sends fflate to the zip64 record; the total still reads as the real count.
    classic: { diskEntries: 0xffff, entries },
  })
}

/** The zip with every occurrence of the part name `from` renamed to `to`, of the same length, in its headers. */
export function renamePart(zip: Uint8Array, from: string, to: string): Uint8Array {
  const source = new TextEncoder().encode(from)
  const target = new TextEncoder().encode(to)
  if (source.length !== target.length) throw new Error('the names must have the same length')
  const out = zip.slice()
  let renamed = 0
  for (let at = 0; at + source.length <= out.length; at++) {
    if (source.every((byte, index) => out[at + index] === byte)) {
      out.set(target, at)
      renamed++
    }
  }
  if (renamed === 0) throw new Error(`no part named ${from}`)
  return out
}
