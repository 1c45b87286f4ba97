// Reads a zip's central directory, the list of its parts and their unpacked sizes,
// without inflating anything, so an xlsx that would unpack to gigabytes is refused
// before the spreadsheet library touches it. Every read is bounds-checked: the loop
// ends within the file whatever counts the file claims.

export type ZipPart = { readonly name: string; readonly unpackedBytes: number }
export type ZipDirectory = { readonly ok: true; readonly parts: ZipPart[] } | { readonly ok: false }

const u16 = (bytes: Uint8Array, at: number) => (at + 2 <= bytes.length ? bytes[at]! | (bytes[at + 1]! << 8) : -1)
const u32 = (bytes: Uint8Array, at: number) =>
  at + 4 <= bytes.length
    ? (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0
    : -1
// 64-bit fields as numbers: exact up to 2^53, far beyond any size this reads.
const u64 = (bytes: Uint8Array, at: number) => {
  const low = u32(bytes, at)
  const high = u32(bytes, at + 4)
  return low < 0 || high < 0 ? -1 : high * 0x100000000 + low
}

/** The parts a zip lists and the sizes it says they unpack to, or not ok when the directory is unreadable. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const end = findEndRecord(bytes)
  if (end < 0) return { ok: false }
  let count = u16(bytes, end + 10)
  let offset = u32(bytes, end + 16)
  if (count === 0xffff || offset === 0xffffffff) {
    const locator = end - 20
    if (u32(bytes, locator) !== 0x07064b50) return { ok: false }
    const zip64End = u64(bytes, locator + 8)
    if (u32(bytes, zip64End) !== 0x06064b50) return { ok: false }
    count = u64(bytes, zip64End + 32)
    offset = u64(bytes, zip64End + 48)
  }
  const parts: ZipPart[] = []
  for (let index = 0; index < count; index++) {
    if (u32(bytes, offset) !== 0x02014b50) return { ok: false }
    const nameLength = u16(bytes, offset + 28)
    const extraLength = u16(bytes, offset + 30)
    const commentLength = u16(bytes, offset + 32)
    const nameStart = offset + 46
    if (nameLength < 0 || extraLength < 0 || commentLength < 0 || nameStart + nameLength + extraLength > bytes.length)
      return { ok: false }
    let unpackedBytes = u32(bytes, offset + 24)
    if (unpackedBytes === 0xffffffff) unpackedBytes = zip64Size(bytes, nameStart + nameLength, extraLength)
    if (unpackedBytes < 0) return { ok: false }
    // Part names that matter here are ASCII; others only need to be told apart.
    const name = String.fromCharCode(...bytes.subarray(nameStart, nameStart + nameLength))
    parts.push({ name, unpackedBytes })
    offset = nameStart + nameLength + extraLength + commentLength
  }
  return { ok: true, parts }
}

function findEndRecord(bytes: Uint8Array): number {
  // The end record is 22 bytes plus a comment of at most 65,535.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff)
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (u32(bytes, at) === 0x06054b50) return at
  }
  return -1
}

/** The uncompressed size from a zip64 extra field, which comes first in that field when the 32-bit size is 0xFFFFFFFF. */
function zip64Size(bytes: Uint8Array, start: number, length: number): number {
  let at = start
  while (at + 4 <= start + length) {
    const id = u16(bytes, at)
    const size = u16(bytes, at + 2)
    if (id === 0x0001) return size >= 8 ? u64(bytes, at + 4) : -1
    at += 4 + size
  }
  return -1
}
