import { strToU8, zipSync } from 'fflate'
import { beforeEach, describe, expect, test, vi } from 'vitest'
import * as xlsx from 'xlsx'
import { readTable } from '../../../../core/import/read-table'
import { partNameProblem, reservedSegmentOf } from '../../../../core/import/zip-part-names'
import { renamePart } from '../../../helpers/hostile-zips'
import { header, planRows, xlsxBytes } from './plan-files'
import { unzipSync } from 'fflate'

vi.mock('xlsx', async (importOriginal) => {
  const actual = await importOriginal<typeof xlsx>()
  return { ...actual, read: vi.fn(actual.read) }
})
beforeEach(() => {
  vi.mocked(xlsx.read).mockClear()
})

/** A good workbook with one more part, named `name` in the zip's headers. */
function workbookWithPart(name: string, content: Uint8Array): Uint8Array {
  const parts = unzipSync(xlsxBytes({ Plan: [[...header], ...planRows(2)] }))
  const placeholder = 'Z'.repeat(new TextEncoder().encode(name).length)
  return renamePart(zipSync({ ...parts, [placeholder]: content }, { level: 6 }), placeholder, name)
}

describe('zip part names', () => {
  test.each(['__proto__', 'constructor', 'prototype', 'xl/__proto__/sheet.xml', 'xl\\constructor', 'XL/__PROTO__'])(
    '%s is refused as a reserved name',
    (name) => {
      expect(reservedSegmentOf(name)).toBeDefined()
    },
  )

  test.each(['xl/workbook.xml', 'xl/proto/sheet.xml', '__proto__x', 'docProps/core.xml', 'constructors.xml'])(
    '%s is an ordinary name',
    (name) => expect(reservedSegmentOf(name)).toBeUndefined(),
  )

  test('two parts of the same name (in any case) are refused: an unzipper would keep one unsaid', () => {
    expect(
      partNameProblem([
        { name: 'xl/a.xml', unpackedBytes: 1, packedBytes: 1 },
        { name: 'XL/A.xml', unpackedBytes: 1, packedBytes: 1 },
      ]),
    ).toEqual({ kind: 'duplicate', name: 'XL/A.xml' })
  })

  test('an xlsx with a 4 MB part named __proto__ is refused by name before anything unpacks, and no prototype changes', () => {
    const bytes = workbookWithPart('__proto__', new Uint8Array(4_000_000))
    const before = Object.getOwnPropertyNames(Object.prototype).length
    const read = readTable({ name: 'proto.xlsx', bytes })
    expect(read).toEqual({
      ok: false,
      message:
        'proto.xlsx holds a part named “__proto__”: WWA Lab refuses workbooks with a part named __proto__, which no Excel file has. Open it in Excel, save it again as .xlsx, and import that.',
    })
    expect(xlsx.read).not.toHaveBeenCalled()
    expect(Object.getOwnPropertyNames(Object.prototype).length).toBe(before)
    expect(({} as Record<string, unknown>)['0']).toBeUndefined()
  })

  test.each(['xl/constructor', 'xl/worksheets/prototype/sheet9.xml'])(
    'refuses a workbook holding a part %s',
    (name) => {
      const read = readTable({ name: 'plan.xlsx', bytes: workbookWithPart(name, strToU8('<x/>')) })
      expect(read.ok ? null : read.message).toMatch(/^plan\.xlsx holds a part named “.+”: WWA Lab refuses workbooks/)
    },
  )
})
