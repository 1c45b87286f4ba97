import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { decodeText, looksLikeWindows1252, utf8Census } from '../../../../core/import/decode-text'
import { readTable } from '../../../../core/import/read-table'
import { utf8 } from './plan-files'

const cp1252 = (text: string) =>
  Uint8Array.from(text, (char) => {
    const table: Record<string, number> = { '€': 0x80, '“': 0x93, '”': 0x94, '–': 0x96 }
    return table[char] ?? char.charCodeAt(0)
  })

const withStrayByte = (text: string, at: number, byte = 0xff) => {
  const bytes = utf8(text)
  const out = new Uint8Array(bytes.length + 1)
  out.set(bytes.subarray(0, at))
  out[at] = byte
  out.set(bytes.subarray(at), at + 1)
  return out
}

describe('choosing an encoding for bytes that are not valid UTF-8', () => {
  const french = 'Case ID,Title\r\nTC-1,Arrêt à distance – « éteindre »\r\nTC-2,Réglage de la luminosité\r\n'

  test('one stray byte in a UTF-8 file keeps it UTF-8, with that one place replaced and counted', () => {
    const bytes = withStrayByte(french, 20)
    const decoded = decodeText(bytes)
    expect(decoded).toMatchObject({ encoding: 'utf-8', basis: 'mostly-utf-8', replaced: 1 })
    expect(decoded.text).toBe(`${french.slice(0, 20)}\uFFFD${french.slice(20)}`)
  })

  test('a Windows-1252 file, whose accents are single bytes UTF-8 cannot read, is read as Windows-1252', () => {
    const decoded = decodeText(cp1252(french))
    expect(decoded).toMatchObject({ encoding: 'windows-1252', basis: 'looks-like-windows-1252', replaced: 0 })
    expect(decoded.text).toBe(french)
  })

  test('a Windows-1252 file that happens to hold a pair UTF-8 can read ("Ã©") is still Windows-1252', () => {
    const text = 'Case ID,Title\nTC-1,Ã© then é, è, à and ç\n'
    expect(decodeText(cp1252(text))).toMatchObject({ encoding: 'windows-1252', text })
  })

  test('plain ASCII with one byte over 127 reads as Windows-1252: there is no UTF-8 in it to keep', () => {
    expect(decodeText(Uint8Array.from([0x41, 0xe9, 0x42]))).toMatchObject({ encoding: 'windows-1252', text: 'AéB' })
  })

  test('the rule: Windows-1252 only when invalid sequences outnumber well-formed multi-byte ones', () => {
    expect(looksLikeWindows1252({ multiByte: 10, invalid: 1 })).toBe(false)
    expect(looksLikeWindows1252({ multiByte: 3, invalid: 3 })).toBe(false)
    expect(looksLikeWindows1252({ multiByte: 1, invalid: 4 })).toBe(true)
    expect(looksLikeWindows1252({ multiByte: 0, invalid: 1 })).toBe(true)
  })

  test('utf8Census counts one invalid sequence for every � the WHATWG decoder writes', () => {
    const decoder = new TextDecoder('utf-8')
    const genuine = (bytes: Uint8Array) => {
      let found = 0
      for (let at = 0; at + 2 < bytes.length; at++)
        if (bytes[at] === 0xef && bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd) found++
      return found
    }
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const replacements = [...decoder.decode(bytes)].filter((char) => char === '\uFFFD').length
        expect(utf8Census(bytes).invalid).toBe(replacements - genuine(bytes))
      }),
      { numRuns: 3000 },
    )
  })

  test('a chosen encoding is used as chosen, and says how many places did not fit it', () => {
    const asUtf8 = decodeText(cp1252(french), 'utf-8')
    expect(asUtf8).toMatchObject({ encoding: 'utf-8', basis: 'chosen' })
    expect(asUtf8.replaced).toBeGreaterThan(3)
    const as1252 = decodeText(utf8(french), 'windows-1252')
    expect(as1252).toMatchObject({ encoding: 'windows-1252', basis: 'chosen', replaced: 0 })
    expect(as1252.text).toContain('ArrÃªt')
  })

  test('a chosen encoding strips its own byte-order mark only', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('A,B')])
    expect(decodeText(withBom, 'utf-8').text).toBe('A,B')
    expect(decodeText(withBom, 'windows-1252').text).toBe('ï»¿A,B')
  })

  test('UTF-16 is offered only when the file starts with its byte-order mark', () => {
    expect(decodeText(utf8('A,B')).choices).toEqual(['utf-8', 'windows-1252'])
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00])).choices).toContain('utf-16be')
  })

  test('readTable keeps how the text was read with the table, and reads again in a chosen encoding', () => {
    const bytes = withStrayByte(french, 20)
    const read = readTable({ name: 'plan.csv', bytes })
    if (!read.ok) throw new Error(read.message)
    expect(read.encoding).toEqual({
      encoding: 'utf-8',
      basis: 'mostly-utf-8',
      replaced: 1,
      choices: ['utf-8', 'windows-1252'],
    })
    const again = readTable({ name: 'plan.csv', bytes, encoding: 'windows-1252' })
    expect(again.ok && again.encoding).toMatchObject({ encoding: 'windows-1252', basis: 'chosen' })
  })

  test('a chosen encoding that makes binary of the text says so and suggests another', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(utf8('ID,Title\nA,B\n')).flatMap((byte) => [byte, 0])])
    expect(readTable({ name: 'plan.csv', bytes: utf16, encoding: 'utf-8' })).toEqual({
      ok: false,
      message: 'plan.csv read as UTF-8 holds binary data: it is not in that encoding. Choose another one.',
    })
  })
})
