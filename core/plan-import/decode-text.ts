// Plan files come from Excel as often as from editors: "CSV UTF-8" (with a BOM),
// "Unicode Text" (UTF-16 with a BOM), and plain "CSV", which Excel on Windows writes
// in the ANSI code page, Windows-1252 for Western European labs.

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'
export type DecodedText = { readonly text: string; readonly encoding: TextEncoding }

// The WHATWG decoders Node and Chromium share; a byte-order mark is stripped by the BOM check below, not by them.
const decoder = (encoding: TextEncoding, fatal = false) => new TextDecoder(encoding, { fatal, ignoreBOM: true })

/** The text of a file: by its byte-order mark, else UTF-8 if it is valid UTF-8, else Windows-1252. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const own = bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes)
  if (own[0] === 0xef && own[1] === 0xbb && own[2] === 0xbf)
    return { text: decoder('utf-8').decode(own.subarray(3)), encoding: 'utf-8' }
  if (own[0] === 0xff && own[1] === 0xfe)
    return { text: decoder('utf-16le').decode(own.subarray(2)), encoding: 'utf-16le' }
  if (own[0] === 0xfe && own[1] === 0xff)
    return { text: decoder('utf-16be').decode(own.subarray(2)), encoding: 'utf-16be' }
  try {
    return { text: decoder('utf-8', true).decode(own), encoding: 'utf-8' }
  } catch {
    return { text: decoder('windows-1252').decode(own), encoding: 'windows-1252' }
  }
}
