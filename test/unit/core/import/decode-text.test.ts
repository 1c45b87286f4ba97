import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { decodeText } from '../../../../core/import/decode-text'

describe('decodeText', () => {
  test('reads any valid UTF-8 text as UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (text) => {
        expect(decodeText(new TextEncoder().encode(text))).toEqual({
          text,
          encoding: 'utf-8',
          basis: 'valid-utf-8',
          replaced: 0,
          choices: ['utf-8', 'windows-1252'],
        })
      }),
    )
  })

  test('after a UTF-8 byte-order mark, decodes any bytes as the WHATWG decoder does', () => {
    const decoder = new TextDecoder('utf-8')
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])
        expect(decodeText(withBom).text).toBe(decoder.decode(withBom))
      }),
      { numRuns: 1000 },
    )
  })

  test('reads UTF-16 in both byte orders', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x3d, 0xd8, 0x00, 0xde]))).toMatchObject({
      text: 'A😀',
      encoding: 'utf-16le',
      basis: 'byte-order-mark',
      choices: ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'],
    })
    expect(decodeText(new Uint8Array([0xfe, 0xff, 0x00, 0x41, 0x20, 0xac]))).toMatchObject({
      text: 'A€',
      encoding: 'utf-16be',
      basis: 'byte-order-mark',
    })
  })

  test('falls back to Windows-1252 when the bytes are not UTF-8, as Excel writes "CSV" on Windows', () => {
    const bytes = new Uint8Array([0x80, 0x20, 0x93, 0x71, 0x94, 0x20, 0xe9, 0x20, 0x96, 0x20, 0x81])
    expect(decodeText(bytes)).toMatchObject({
      text: '€ “q” é – \u0081',
      encoding: 'windows-1252',
      basis: 'looks-like-windows-1252',
      replaced: 0,
    })
    expect(decodeText(bytes).text).toBe(new TextDecoder('windows-1252').decode(bytes))
  })
})
