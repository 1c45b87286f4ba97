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

/** Names the image type from the file's first bytes, never from its name: a renamed log is not a photo. */
export function sniffImageType(name: string, bytes: Uint8Array): Check<string> {
  const found = signatures.find((s) => s.matches(bytes))
  if (found) return { ok: true, value: found.mime }
  return {
    ok: false,
    message: `${name} is not a photo: its contents are not JPEG, PNG, WebP, GIF or BMP.`,
  }
}
