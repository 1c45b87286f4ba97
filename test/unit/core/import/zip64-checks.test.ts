import { unzipSync } from 'fflate'
import { beforeEach, describe, expect, test, vi } from 'vitest'
import * as xlsx from 'xlsx'
import { readTable } from '../../../../core/import/read-table'
import { unzipParts } from '../../../../core/import/unzip-parts'
import { readZipDirectory } from '../../../../core/import/zip-directory'
import { bloatedDirectory, classicEnd, withZip64, zip64Disguise } from '../../../helpers/hostile-zips'
import { header, planRows, xlsxBytes } from './plan-files'

vi.mock('xlsx', async (importOriginal) => {
  const actual = await importOriginal<typeof xlsx>()
  return { ...actual, read: vi.fn(actual.read) }
})
beforeEach(() => {
  vi.mocked(xlsx.read).mockClear()
})

const workbook = () => xlsxBytes({ Plan: [[...header], ...planRows(3)] }, { compression: true })
const sheet = 'xl/worksheets/sheet1.xml'
const message = (bytes: Uint8Array) => {
  const read = readTable({ name: 'plan.xlsx', bytes })
  return read.ok ? null : read.message
}

describe('the zip pre-check reads both directories', () => {
  test('a workbook whose zip64 record agrees with the classic one is read', () => {
    const bytes = withZip64(workbook(), { classic: { entries: 0xffff, offset: 0xffffffff } })
    const directory = readZipDirectory(bytes)
    expect(directory.ok).toBe(true)
    const read = readTable({ name: 'plan.xlsx', bytes })
    expect(read.ok && read.rows).toEqual(planRows(3))
  })

  test('the disguise of issue 8 (classic lists the real parts, zip64 a directory that unpacks to 1.9 GB) is refused before anything unpacks', () => {
    const bytes = zip64Disguise(workbook(), sheet, 1_900_000_000)
    // fflate follows the zip64 record to the bloated directory: this is what would be inflated.
    const sizes: number[] = []
    unzipSync(bytes, { filter: (file) => (sizes.push(file.originalSize), false) })
    expect(sizes).toContain(1_900_000_000)

    const { offset, size } = classicEnd(workbook())
    expect(readZipDirectory(bytes)).toEqual({
      ok: false,
      reason: 'directories-disagree',
      detail: `directory position: ${offset.toLocaleString('en-US')} in the classic record, ${(offset + size).toLocaleString('en-US')} in the zip64 record`,
    })
    expect(message(bytes)).toMatch(
      /^plan\.xlsx cannot be trusted as a workbook: its zip directory says two different things \(directory position: [\d,]+ in the classic record, [\d,]+ in the zip64 record\)\. WWA Lab does not unpack such a file\./,
    )
    expect(xlsx.read).not.toHaveBeenCalled()
  })

  test.each([
    ['number of parts', { zip64: { entries: 7 } }, /number of parts: \d+ in the classic record, 7 in the zip64 record/],
    ['directory size', { zip64: { size: 1 } }, /directory size: [\d,]+ in the classic record, 1 in the zip64 record/],
    [
      'directory position',
      { zip64: { offset: 0 } },
      /directory position: [\d,]+ in the classic record, 0 in the zip64 record/,
    ],
    ['parts on this disk', { zip64: { diskEntries: 2 } }, /number of parts on this disk/],
  ])('refuses records that disagree on the %s', (_, options, detail) => {
    const bytes = withZip64(workbook(), options)
    const directory = readZipDirectory(bytes)
    expect(directory.ok).toBe(false)
    expect(!directory.ok && directory.reason).toBe('directories-disagree')
    expect(message(bytes)).toMatch(detail)
  })

  test('refuses a directory whose parts do not fill exactly the size its end record gives', () => {
    const zip = workbook()
    const { size } = classicEnd(zip)
    const bytes = withZip64(zip, { classic: { size: size - 10 }, zip64: { size: size - 10 } })
    expect(readZipDirectory(bytes)).toMatchObject({ ok: false })
  })

  test('refuses classic fields at their maximum when there is no zip64 record to say what they mean', () => {
    const zip = workbook().slice()
    new DataView(zip.buffer).setUint16(zip.length - 22 + 8, 0xffff, true)
    expect(readZipDirectory(zip)).toEqual({ ok: false, reason: 'unreadable' })
  })

  test('refuses a workbook whose declared sizes pass the limit, before inflating or the spreadsheet library', () => {
    const zip = workbook()
    const { offset, size } = classicEnd(zip)
    const bytes = zip.slice()
    bytes.set(bloatedDirectory(zip, sheet, 1_900_000_000), offset)
    expect(size).toBeGreaterThan(0)
    expect(message(bytes)).toMatch(/^plan\.xlsx unpacks to 1\.8 GiB; a plan workbook can unpack to at most 200 MiB\./)
    expect(xlsx.read).not.toHaveBeenCalled()
  })
})

describe('unzipParts enforces the cap on what it inflates', () => {
  const zip = workbook()
  const listed = () => {
    const directory = readZipDirectory(zip)
    if (!directory.ok) throw new Error('expected a directory')
    return directory.parts
  }

  test('gives the kept parts in a Map', () => {
    const parts = unzipParts(zip, listed(), () => true, 10_000_000)
    expect(parts.ok && parts.parts).toBeInstanceOf(Map)
    expect(parts.ok && [...parts.parts.keys()]).toEqual(listed().map((part) => part.name))
  })

  test('stops when the parts fflate inflates pass the cap, even if the list checked before said less', () => {
    const total = listed().reduce((sum, part) => sum + part.unpackedBytes, 0)
    expect(unzipParts(zip, listed(), () => true, total - 1)).toEqual({
      ok: false,
      reason: 'too-large',
      bytes: expect.any(Number),
    })
  })

  test('refuses when fflate reads a list other than the one checked: a size, a name or the number of parts', () => {
    const parts = listed()
    const smaller = parts.map((part) => (part.name === sheet ? { ...part, unpackedBytes: 10 } : part))
    expect(unzipParts(zip, smaller, () => true, 10_000_000)).toEqual({ ok: false, reason: 'disagrees', name: sheet })
    const renamed = parts.map((part, index) => (index === 0 ? { ...part, name: 'other.xml' } : part))
    expect(unzipParts(zip, renamed, () => true, 10_000_000)).toMatchObject({ ok: false, reason: 'disagrees' })
    expect(
      unzipParts(zip, [...parts, { name: 'more.xml', unpackedBytes: 1, packedBytes: 1 }], () => true, 10_000_000),
    ).toEqual({ ok: false, reason: 'disagrees', name: 'more.xml' })
  })
})
