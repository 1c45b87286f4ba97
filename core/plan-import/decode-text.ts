// Plan files come from Excel as often as from editors: "CSV UTF-8" (with a BOM),
// "Unicode Text" (UTF-16 with a BOM), and plain "CSV", which Excel on Windows writes
// in the ANSI code page, Windows-1252 for Western European labs. core has no
// TextDecoder in its type library, and a decoder small enough to read here is safer
// than declaring one.

export type DecodedText = { readonly text: string; readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' }

/** The text of a file: by its byte-order mark, else UTF-8 if it is valid UTF-8, else Windows-1252. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decodeUtf8(bytes, 3, false) ?? '', encoding: 'utf-8' }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeUtf16(bytes, true), encoding: 'utf-16le' }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeUtf16(bytes, false), encoding: 'utf-16be' }
  const utf8 = decodeUtf8(bytes, 0, true)
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' }
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' }
}

/** Collects UTF-16 code units and turns them into a string in chunks, so a 10 MB file never needs one giant argument list. */
class TextBuilder {
  private readonly units: Uint16Array
  private length = 0
  private readonly parts: string[] = []
  constructor(size: number) {
    this.units = new Uint16Array(Math.max(1, Math.min(size, 8192)))
  }
  push(unit: number): void {
    if (this.length === this.units.length) this.flush()
    this.units[this.length++] = unit
  }
  pushPoint(point: number): void {
    if (point < 0x10000) return this.push(point)
    this.push(0xd800 + ((point - 0x10000) >> 10))
    this.push(0xdc00 + ((point - 0x10000) & 0x3ff))
  }
  text(): string {
    this.flush()
    return this.parts.join('')
  }
  private flush(): void {
    if (this.length === 0) return
    this.parts.push(String.fromCharCode(...this.units.subarray(0, this.length)))
    this.length = 0
  }
}

/** UTF-8 per the WHATWG decoder: with `fatal`, null at the first invalid sequence; without, U+FFFD for it. */
function decodeUtf8(bytes: Uint8Array, start: number, fatal: boolean): string | null {
  const out = new TextBuilder(bytes.length - start)
  let i = start
  while (i < bytes.length) {
    const first = bytes[i]!
    if (first < 0x80) {
      out.push(first)
      i++
      continue
    }
    // The length of the sequence and the bounds of its second byte (no overlongs, no surrogates, nothing past U+10FFFF).
    let needed: number
    let low = 0x80
    let high = 0xbf
    let point: number
    if (first >= 0xc2 && first <= 0xdf) {
      needed = 1
      point = first & 0x1f
    } else if (first >= 0xe0 && first <= 0xef) {
      needed = 2
      point = first & 0x0f
      if (first === 0xe0) low = 0xa0
      if (first === 0xed) high = 0x9f
    } else if (first >= 0xf0 && first <= 0xf4) {
      needed = 3
      point = first & 0x07
      if (first === 0xf0) low = 0x90
      if (first === 0xf4) high = 0x8f
    } else {
      if (fatal) return null
      out.push(0xfffd)
      i++
      continue
    }
    let taken = 1
    let valid = true
    for (; taken <= needed; taken++) {
      const next = bytes[i + taken]
      const min = taken === 1 ? low : 0x80
      const max = taken === 1 ? high : 0xbf
      if (next === undefined || next < min || next > max) {
        valid = false
        break
      }
      point = (point << 6) | (next & 0x3f)
    }
    if (!valid) {
      if (fatal) return null
      out.push(0xfffd)
      // The bytes read so far are one bad sequence; the byte that broke it starts the next.
      i += taken
      continue
    }
    out.pushPoint(point)
    i += needed + 1
  }
  return out.text()
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const out = new TextBuilder(bytes.length >> 1)
  for (let i = 2; i + 1 < bytes.length; i += 2) {
    out.push(littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!)
  }
  // An odd last byte is half a character.
  if ((bytes.length & 1) === 1) out.push(0xfffd)
  return out.text()
}

// Windows-1252 differs from Latin-1 only in 0x80–0x9F; the five unassigned bytes map to C1 controls as in WHATWG.
const cp1252High = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
] as const

function decodeWindows1252(bytes: Uint8Array): string {
  const out = new TextBuilder(bytes.length)
  for (const byte of bytes) out.push(byte >= 0x80 && byte <= 0x9f ? cp1252High[byte - 0x80]! : byte)
  return out.text()
}
