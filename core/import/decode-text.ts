// Plan files come from Excel as often as from editors: "CSV UTF-8" (with a BOM),
// "Unicode Text" (UTF-16 with a BOM), and plain "CSV", which Excel on Windows writes
// in the ANSI code page, Windows-1252 for Western European labs.

export const textEncodings = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const
export type TextEncoding = (typeof textEncodings)[number]

export const encodingLabels: Readonly<Record<TextEncoding, string>> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
}

/**
 * Why the text was read in its encoding: a byte-order mark said so; the bytes are
 * valid UTF-8; they are mostly UTF-8 with a few invalid sequences; they look like
 * Windows-1252; or the person chose it.
 */
export type EncodingBasis = 'byte-order-mark' | 'valid-utf-8' | 'mostly-utf-8' | 'looks-like-windows-1252' | 'chosen'

/** How a file's text was decoded, without the text: what the preview says about it. */
export type TextEncodingRead = {
  readonly encoding: TextEncoding
  readonly basis: EncodingBasis
  /** How many places in the bytes are not valid in that encoding and became U+FFFD (�). */
  readonly replaced: number
  /** The encodings the person may choose instead: UTF-16 only when the file starts with its byte-order mark. */
  readonly choices: readonly TextEncoding[]
}

export type DecodedText = TextEncodingRead & { readonly text: string }

// The WHATWG decoders Node and Chromium share; a byte-order mark is stripped by the BOM check below, not by them.
const decoder = (encoding: TextEncoding, fatal = false) => new TextDecoder(encoding, { fatal, ignoreBOM: true })

const boms: readonly { readonly encoding: TextEncoding; readonly bytes: readonly number[] }[] = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
]

/**
 * The text of a file. Unless `chosen` names an encoding: by its byte-order mark; else
 * UTF-8 when it is valid UTF-8; else Windows-1252 when its bytes look like it (see
 * looksLikeWindows1252); else UTF-8 with each invalid sequence replaced by �, and
 * `replaced` says how many.
 */
export function decodeText(bytes: Uint8Array, chosen?: TextEncoding): DecodedText {
  const own = bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes)
  const bom = boms.find((mark) => mark.bytes.every((byte, index) => own[index] === byte))
  const choices: TextEncoding[] =
    bom !== undefined && bom.encoding !== 'utf-8' ? [...textEncodings] : ['utf-8', 'windows-1252']
  if (chosen !== undefined) {
    const body = bom?.encoding === chosen ? own.subarray(bom.bytes.length) : own
    return { ...decodeAs(chosen, body), basis: 'chosen', choices }
  }
  if (bom !== undefined)
    return { ...decodeAs(bom.encoding, own.subarray(bom.bytes.length)), basis: 'byte-order-mark', choices }
  try {
    return { text: decoder('utf-8', true).decode(own), encoding: 'utf-8', basis: 'valid-utf-8', replaced: 0, choices }
  } catch {
    const census = utf8Census(own)
    if (looksLikeWindows1252(census))
      return { ...decodeAs('windows-1252', own), basis: 'looks-like-windows-1252', choices }
    return {
      text: decoder('utf-8').decode(own),
      encoding: 'utf-8',
      basis: 'mostly-utf-8',
      replaced: census.invalid,
      choices,
    }
  }
}

/** Well-formed multi-byte UTF-8 sequences, and invalid ones (each becomes one � in the WHATWG decoder). */
export type Utf8Census = { readonly multiByte: number; readonly invalid: number }

/**
 * Bytes that are not UTF-8 look like Windows-1252 when their invalid sequences outnumber
 * the well-formed multi-byte ones: a Windows-1252 "é" or "–" is one byte that UTF-8
 * cannot read, while a UTF-8 file with one damaged byte still has its accents and
 * dashes as valid sequences. So one stray byte never turns a UTF-8 file into mojibake,
 * and a Windows-1252 file that happens to hold a UTF-8-looking pair ("Ã©") is still
 * read as Windows-1252.
 */
export function looksLikeWindows1252(census: Utf8Census): boolean {
  return census.invalid > census.multiByte
}

/** Counts the sequences as the WHATWG UTF-8 decoder reads them: one pass, each byte looked at at most twice. */
export function utf8Census(bytes: Uint8Array): Utf8Census {
  let multiByte = 0
  let invalid = 0
  let at = 0
  const end = bytes.length
  while (at < end) {
    const lead = bytes[at]!
    if (lead < 0x80) {
      at++
      continue
    }
    let lower = 0x80
    let upper = 0xbf
    let needed: number
    if (lead >= 0xc2 && lead <= 0xdf) needed = 1
    else if (lead >= 0xe0 && lead <= 0xef) {
      needed = 2
      if (lead === 0xe0) lower = 0xa0
      if (lead === 0xed) upper = 0x9f
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      needed = 3
      if (lead === 0xf0) lower = 0x90
      if (lead === 0xf4) upper = 0x8f
    } else {
      invalid++
      at++
      continue
    }
    let next = at + 1
    let seen = 0
    while (seen < needed && next < end) {
      const byte = bytes[next]!
      if (byte < lower || byte > upper) break
      lower = 0x80
      upper = 0xbf
      next++
      seen++
    }
    if (seen === needed) multiByte++
    // The decoder replaces the maximal valid prefix with one � and reads the byte that broke it afresh.
    else invalid++
    at = next
  }
  return { multiByte, invalid }
}

function decodeAs(
  encoding: TextEncoding,
  bytes: Uint8Array<ArrayBuffer>,
): { text: string; encoding: TextEncoding; replaced: number } {
  if (encoding === 'utf-8')
    return { text: decoder('utf-8').decode(bytes), encoding, replaced: utf8Census(bytes).invalid }
  // Windows-1252 maps every byte.
  if (encoding === 'windows-1252') return { text: decoder(encoding).decode(bytes), encoding, replaced: 0 }
  try {
    return { text: decoder(encoding, true).decode(bytes), encoding, replaced: 0 }
  } catch {
    // A lone surrogate or an odd last byte; a � the file itself holds is counted too, which only errs towards warning.
    const text = decoder(encoding).decode(bytes)
    return { text, encoding, replaced: countReplacements(text) }
  }
}

function countReplacements(text: string): number {
  let found = 0
  for (let at = text.indexOf('\uFFFD'); at !== -1; at = text.indexOf('\uFFFD', at + 1)) found++
  return found
}
