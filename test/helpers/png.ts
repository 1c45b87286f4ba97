import { crc32, deflateSync } from 'node:zlib'

export type Colour = { readonly r: number; readonly g: number; readonly b: number; readonly a?: number }
export type PngOptions = { readonly width: number; readonly height: number; readonly colour?: Colour }

const pngSignature = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)

/** A valid 8-bit RGBA PNG of one colour; Chromium decodes it, so it stands in for a photo. */
export function encodePng({ width, height, colour = { r: 200, g: 40, b: 40 } }: PngOptions): Uint8Array {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new Error(`A PNG needs a whole, positive size; got ${width}×${height}.`)
  }
  const header = new Uint8Array(13)
  const view = new DataView(header.buffer)
  view.setUint32(0, width)
  view.setUint32(4, height)
  header.set([8, 6, 0, 0, 0], 8) // bit depth 8, colour type RGBA, deflate, no filter, no interlace

  const pixel = [colour.r, colour.g, colour.b, colour.a ?? 255]
  const stride = 1 + width * 4 // each scanline starts with its filter type: 0 (none)
  const raw = new Uint8Array(stride * height)
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) raw.set(pixel, y * stride + 1 + x * 4)
  }

  return concat([
    pngSignature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ])
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  out.set(new TextEncoder().encode(type), 4)
  out.set(data, 8)
  // The CRC covers the type and the data, not the length.
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)))
  return out
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

/**
 * A PNG whose header states width × height while it holds the pixels of a 1×1
 * image (CRC fixed): what a decompression bomb shows before it is decoded.
 */
export function pngStating(width: number, height: number): Uint8Array {
  const bytes = encodePng({ width: 1, height: 1 })
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  view.setUint32(16, width)
  view.setUint32(20, height)
  // The IHDR chunk's CRC covers its type and data: bytes 12 to 29.
  view.setUint32(29, crc32(bytes.subarray(12, 29)))
  return bytes
}
