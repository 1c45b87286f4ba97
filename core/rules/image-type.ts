import type { Check } from './check'

const signatures: readonly { readonly mime: string; readonly matches: (b: Uint8Array) => boolean }[] = [
  { mime: 'image/jpeg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/png', matches: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v) },
  { mime: 'image/gif', matches: (b) => ascii(b, 0, 4) === 'GIF8' },
  { mime: 'image/webp', matches: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP' },
  // "BM" alone starts plenty of logs; a real bitmap also names a known header size at byte 14.
  {
    mime: 'image/bmp',
    matches: (b) =>
      b[0] === 0x42 && b[1] === 0x4d && [12, 40, 52, 56, 64, 108, 124].includes(b[14] ?? 0) && b[15] === 0,
  },
]

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to))
}

// ISO-BMFF brands of HEIF stills and sequences (HEVC-coded or generic); AVIF's own brand is not among them.
const heifBrands = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs', 'mif1', 'msf1'])

/** True for HEIC/HEIF bytes: an ISO-BMFF "ftyp" box whose major brand is a HEIF one. */
export function isHeifBytes(bytes: Uint8Array): boolean {
  return ascii(bytes, 4, 8) === 'ftyp' && heifBrands.has(ascii(bytes, 8, 12))
}

/** True for a HEIC/HEIF file by its MIME type or its extension, before reading any of it. */
export function isHeifNamed(name: string, mime = ''): boolean {
  return /^image\/hei[cf](-sequence)?$/i.test(mime) || /\.hei[cf]$/i.test(name)
}

/** Why a HEIC photo is refused, and how to get a JPEG of it. */
export function heifRefusal(name: string): string {
  return (
    `${name} is a HEIC photo (the iPhone's format), which WWA Lab cannot show or compare; nothing was stored. ` +
    'Convert it to JPEG and add that: on a Mac, open it in Photos or Preview and choose File → Export as JPEG; ' +
    'on Windows, open it in Photos and choose Save as, JPEG; on the iPhone, set Settings → Camera → Formats → Most Compatible for new photos.'
  )
}

/** Names the image type from the file's first bytes, never from its name: a renamed log is not a photo. */
export function sniffImageType(name: string, bytes: Uint8Array): Check<string> {
  const found = signatures.find((s) => s.matches(bytes))
  if (found) return { ok: true, value: found.mime }
  if (isHeifBytes(bytes)) return { ok: false, message: heifRefusal(name) }
  return {
    ok: false,
    message: `${name} is not a photo: its contents are not JPEG, PNG, WebP, GIF or BMP.`,
  }
}
