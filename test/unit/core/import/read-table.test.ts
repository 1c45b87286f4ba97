import fc from 'fast-check'
import { unzipSync, zipSync } from 'fflate'
import { beforeEach, describe, expect, test, vi } from 'vitest'
import * as xlsx from 'xlsx'
import { planImportLimits } from '../../../../core/import/limits'
import { readTable } from '../../../../core/import/read-table'
import type { TableRead } from '../../../../core/import/read-table'
import { csv, header, planRows, utf8, xlsxBytes, xlsxFromBook } from './plan-files'

// The spreadsheet library is spied on, not replaced, to see whether a refused file reached it.
vi.mock('xlsx', async (importOriginal) => {
  const actual = await importOriginal<typeof xlsx>()
  return { ...actual, read: vi.fn(actual.read) }
})

beforeEach(() => {
  vi.mocked(xlsx.read).mockClear()
})

const table = (read: TableRead) => {
  if (!read.ok) throw new Error(`expected a table, got: ${read.message}`)
  return read
}
const message = (read: TableRead) => (read.ok ? null : read.message)

describe('readTable: xlsx', () => {
  test('reads the header and the cases of a workbook written by a spreadsheet program', () => {
    const bytes = xlsxBytes({ Plan: [[...header], ...planRows(3)] })
    const read = table(readTable({ name: 'plan.xlsx', bytes }))
    expect(read).toMatchObject({
      format: 'xlsx',
      sheetName: 'Plan',
      headerRow: 1,
      headers: [...header],
      firstDataRow: 2,
      rowNumbers: [2, 3, 4],
    })
    expect(read.rows).toEqual(planRows(3))
  })

  test('takes the first sheet with text, passing over empty and hidden ones', () => {
    const bytes = xlsxBytes(
      {
        Cover: [],
        Lists: [
          ['Yes', 'No'],
          ['a', 'b'],
        ],
        Cases: [[...header], ...planRows(2)],
      },
      { hidden: ['Lists'] },
    )
    expect(table(readTable({ name: 'plan.xlsx', bytes })).sheetName).toBe('Cases')
  })

  test('gives numbers and booleans as displayed, dates as ISO text, and formulas as formulas with their address, never their saved value', () => {
    const sheet = xlsx.utils.aoa_to_sheet(
      [
        ['Case ID', 'Title', 'Required', 'Date', 'Share', 'Sum'],
        [101, 'Power', true, new Date(Date.UTC(2026, 0, 5)), 0.5, null],
        [102, 'Dim', false, null, null, null],
      ],
      { cellDates: true },
    )
    sheet['E2'] = { t: 'n', v: 0.5, z: '0%' }
    // A formula whose saved result is 42; and one with no saved result: neither is computed nor taken by its value.
    sheet['F2'] = { t: 'n', v: 42, f: 'SUM(40,2)' }
    sheet['F3'] = { t: 'n', f: 'NOW()' } as xlsx.CellObject
    const book = xlsx.utils.book_new()
    xlsx.utils.book_append_sheet(book, sheet, 'Plan')
    const read = table(readTable({ name: 'plan.xlsx', bytes: xlsxFromBook(book) }))
    expect(read.rows).toEqual([
      ['101', 'Power', 'TRUE', '2026-01-05', '50%', '=SUM(40,2)'],
      ['102', 'Dim', 'FALSE', '', '', '=NOW()'],
    ])
    expect(read.formulas).toEqual([
      { row: 2, column: 5, address: 'F2', formula: '=SUM(40,2)' },
      { row: 3, column: 5, address: 'F3', formula: '=NOW()' },
    ])
    expect(read.encoding).toBeNull()
  })

  test('skips empty rows and a title above the table, keeping the row numbers of the sheet', () => {
    const bytes = xlsxBytes({
      Plan: [['Acme lamp plan, v3'], [], [...header], planRows(1)[0]!, [], [], planRows(2)[1]!],
    })
    const read = table(readTable({ name: 'plan.xlsx', bytes }))
    expect(read).toMatchObject({ headerRow: 3, rowNumbers: [4, 7], firstDataRow: 4 })
    expect(read.rows.map((row) => row[0])).toEqual(['TC-0001', 'TC-0002'])
  })

  test('trims cells and keeps line breaks inside a cell as \\n', () => {
    const bytes = xlsxBytes({
      Plan: [
        ['ID', 'Steps'],
        ['  TC-1 ', '1. Plug in\r\n2. Say "discover"  '],
      ],
    })
    expect(table(readTable({ name: 'plan.xlsx', bytes })).rows).toEqual([['TC-1', '1. Plug in\n2. Say "discover"']])
  })

  test('reads a view into a larger buffer', () => {
    const bytes = xlsxBytes({ Plan: [[...header], ...planRows(2)] })
    const padded = new Uint8Array(bytes.length + 20)
    padded.set(bytes, 10)
    expect(table(readTable({ name: 'plan.xlsx', bytes: padded.subarray(10, 10 + bytes.length) })).rows).toHaveLength(2)
  })

  test('refuses a zip that is not a workbook, a damaged workbook and a legacy or protected one', () => {
    const notBook = zipSync({
      'content.xml': utf8('<office:document/>'),
      mimetype: utf8('application/vnd.oasis.opendocument.spreadsheet'),
    })
    expect(message(readTable({ name: 'plan.ods', bytes: notBook }))).toBe(
      'plan.ods is a zip archive but not an Excel workbook. Save the plan as .xlsx or CSV and import that.',
    )
    const damaged = xlsxBytes({ Plan: [[...header], ...planRows(2)] }).slice(0, 400)
    expect(message(readTable({ name: 'plan.xlsx', bytes: damaged }))).toBe(
      'plan.xlsx is damaged: it starts like an Excel workbook but its contents cannot be listed.',
    )
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])
    expect(message(readTable({ name: 'plan.xls', bytes: ole }))).toMatch(
      /^plan\.xls is an Excel 97–2003 workbook \(\.xls\) or a password-protected one/,
    )
  })

  test('refuses a workbook that would unpack past the limit before the spreadsheet library sees it', () => {
    // Highly repetitive rows compress to a fraction of their size, like a zip bomb in small.
    const rows = [[...header], ...Array.from({ length: 2000 }, () => ['TC', 'x'.repeat(200), '', '', '', 'yes'])]
    const bytes = xlsxBytes({ Plan: rows }, { compression: true })
    const read = readTable({ name: 'bomb.xlsx', bytes }, { ...planImportLimits, maxUnpackedBytes: 100 * 1024 })
    expect(message(read)).toMatch(
      /^bomb\.xlsx unpacks to [\d.]+ (KiB|MiB); a plan workbook can unpack to at most 100 KiB\./,
    )
    expect(xlsx.read).not.toHaveBeenCalled()
  })

  test('leaves pictures in the workbook unpacked: they count for nothing against the limit', () => {
    const parts = unzipSync(xlsxBytes({ Plan: [[...header], ...planRows(3)] }))
    const noise = Uint8Array.from({ length: 300_000 }, (_, index) => (index * 2654435761) >>> 24)
    const bytes = zipSync({ ...parts, 'xl/media/image1.png': noise })
    const read = readTable({ name: 'plan.xlsx', bytes }, { ...planImportLimits, maxUnpackedBytes: 100 * 1024 })
    expect(table(read).rows).toHaveLength(3)
  })

  test('refuses 5,001 cases and accepts 5,000', () => {
    const over = xlsxBytes({ Plan: [[...header], ...planRows(5001)] })
    expect(message(readTable({ name: 'plan.xlsx', bytes: over }))).toBe(
      'plan.xlsx has 5,001 cases; a plan can have at most 5,000.',
    )
    const at = xlsxBytes({ Plan: [[...header], ...planRows(5000)] })
    expect(table(readTable({ name: 'plan.xlsx', bytes: at })).rows).toHaveLength(5000)
    // Two 5,000-row workbooks written and read: about 2.5 s alone, more on CI's two shared cores.
  }, 20_000)
})

describe('readTable: size', () => {
  test('refuses a file over 10 MiB before parsing it, naming the file and the limit', () => {
    const bytes = new Uint8Array(14 * 1024 * 1024)
    bytes.set([0x50, 0x4b, 0x03, 0x04])
    const started = performance.now()
    expect(message(readTable({ name: 'plan.xlsx', bytes }))).toBe(
      'plan.xlsx is 14 MiB; a plan file can be at most 10 MiB.',
    )
    expect(performance.now() - started).toBeLessThan(50)
    expect(xlsx.read).not.toHaveBeenCalled()
  })

  test('gives the exact size when it rounds to the limit', () => {
    const bytes = new Uint8Array(10 * 1024 * 1024 + 1)
    expect(message(readTable({ name: 'plan.csv', bytes }))).toBe(
      'plan.csv is 10,485,761 bytes; a plan file can be at most 10 MiB.',
    )
  })

  test('accepts exactly the limit and refuses one byte more', () => {
    const limits = { ...planImportLimits, maxBytes: 64 }
    const text = csv([
      ['ID', 'Title'],
      ['TC-1', 'x'.repeat(64 - 'ID,Title\r\nTC-1,\r\n'.length)],
    ])
    expect(utf8(text)).toHaveLength(64)
    expect(readTable({ name: 'a.csv', bytes: utf8(text) }, limits).ok).toBe(true)
    expect(message(readTable({ name: 'a.csv', bytes: utf8(`${text} `) }, limits))).toBe(
      'a.csv is 65 bytes; a plan file can be at most 64 bytes.',
    )
  })

  test('says so when a file is empty or has no cases', () => {
    expect(message(readTable({ name: 'plan.csv', bytes: new Uint8Array() }))).toBe('plan.csv is empty.')
    expect(message(readTable({ name: 'plan.csv', bytes: utf8(',,\r\n , ,\r\n\r\n') }))).toBe(
      'plan.csv has no text in it: a plan needs a header row and one row per case.',
    )
    expect(message(readTable({ name: 'plan.csv', bytes: utf8('Case ID,Title\n') }))).toBe(
      'plan.csv has a header row but no cases below it.',
    )
  })
})

describe('readTable: CSV', () => {
  test('reads quoted cells with commas, quotes and line breaks, numbering rows by record', () => {
    const text = 'Case ID,Title,Steps\r\nTC-1,"Power, on","1. Say ""Alexa""\r\n2. Wait"\r\nTC-2,Dim,\r\n'
    const read = table(readTable({ name: 'plan.csv', bytes: utf8(text) }))
    expect(read).toMatchObject({ format: 'csv', sheetName: null, headerRow: 1, rowNumbers: [2, 3] })
    expect(read.rows).toEqual([
      ['TC-1', 'Power, on', '1. Say "Alexa"\n2. Wait'],
      ['TC-2', 'Dim', ''],
    ])
  })

  test('finds a semicolon or tab delimiter, as European Excel and "Unicode text" write them', () => {
    const semicolon = csv(
      [[...header], ...planRows(2).map((row) => row.map((cell) => cell.replace('lamp', 'lamp, desk')))],
      ';',
    )
    expect(table(readTable({ name: 'plan.csv', bytes: utf8(semicolon) })).rows[0]).toHaveLength(6)
    expect(table(readTable({ name: 'plan.csv', bytes: utf8(semicolon) })).rows[0]?.[3]).toBe(
      'Say "Alexa, turn on lamp, desk 1"',
    )
    const tab = csv([[...header], ...planRows(2)], '\t', '\n')
    expect(table(readTable({ name: 'plan.txt', bytes: utf8(tab) })).headers).toEqual([...header])
  })

  test('follows an Excel "sep=" line and keeps the rows after it numbered as in the file', () => {
    const read = table(readTable({ name: 'plan.csv', bytes: utf8('sep=;\nCase ID;Title\nTC-1;Power, on\n') }))
    expect(read).toMatchObject({ headerRow: 2, rowNumbers: [3], rows: [['TC-1', 'Power, on']] })
  })

  test('strips a UTF-8 byte-order mark and reads UTF-16 and Windows-1252 files', () => {
    const text = 'Case ID,Title\nTC-1,Lampe allumée – 100 %\n'
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)])
    expect(table(readTable({ name: 'plan.csv', bytes: bom })).headers).toEqual(['Case ID', 'Title'])
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer)])
    expect(table(readTable({ name: 'plan.txt', bytes: utf16 })).rows).toEqual([['TC-1', 'Lampe allumée – 100 %']])
    const cp1252 = Uint8Array.from(text, (c) => (c === '–' ? 0x96 : c.charCodeAt(0)))
    expect(table(readTable({ name: 'plan.csv', bytes: cp1252 })).rows).toEqual([['TC-1', 'Lampe allumée – 100 %']])
  })

  test('reads LF, CRLF and CR line ends alike, and a last row with no line end', () => {
    for (const newline of ['\n', '\r\n', '\r']) {
      const read = table(
        readTable({ name: 'plan.csv', bytes: utf8(['Case ID,Title', 'TC-1,A', 'TC-2,B'].join(newline)) }),
      )
      expect(read.rows, JSON.stringify(newline)).toEqual([
        ['TC-1', 'A'],
        ['TC-2', 'B'],
      ])
    }
  })

  test('pads short rows and keeps a column whose header is empty', () => {
    const read = table(readTable({ name: 'plan.csv', bytes: utf8('Case ID,Title,,Notes\nTC-1\nTC-2,B,extra,n,\n') }))
    expect(read.headers).toEqual(['Case ID', 'Title', '', 'Notes'])
    expect(read.rows).toEqual([
      ['TC-1', '', '', ''],
      ['TC-2', 'B', 'extra', 'n'],
    ])
  })

  test('names the row where a quoted cell is never closed', () => {
    const text = 'Case ID,Title\nTC-1,Ok\nTC-2,"Never closed\nTC-3,x\n'
    expect(message(readTable({ name: 'plan.csv', bytes: utf8(text) }))).toBe(
      'plan.csv: the quoted cell that starts in row 3 is never closed. Add the missing " or remove the stray one.',
    )
  })

  test('refuses binary data that is not a plan', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
    expect(message(readTable({ name: 'photo.png', bytes: png }))).toBe(
      'photo.png is not an xlsx, CSV or JSON file: it contains binary data.',
    )
  })

  test('refuses 5,001 cases and accepts 5,000', () => {
    expect(message(readTable({ name: 'plan.csv', bytes: utf8(csv([[...header], ...planRows(5001)])) }))).toBe(
      'plan.csv has 5,001 cases; a plan can have at most 5,000.',
    )
    expect(
      table(readTable({ name: 'plan.csv', bytes: utf8(csv([[...header], ...planRows(5000)])) })).rows,
    ).toHaveLength(5000)
  })
})

describe('readTable: JSON', () => {
  const cases = [
    { caseId: 'TC-1', title: 'Power on', required: true, steps: ['Plug in', 'Say "Alexa, discover"'], priority: 2 },
    { caseId: 'TC-2', title: 'Dim', required: false, expected: null, extra: { nested: true } },
  ]

  test('reads a list of cases, with keys as headers and values as text, numbering rows by line', () => {
    const text = JSON.stringify(cases, null, 2)
    const read = table(readTable({ name: 'plan.json', bytes: utf8(text) }))
    expect(read).toMatchObject({
      format: 'json',
      sheetName: null,
      headers: ['caseId', 'title', 'required', 'steps', 'priority', 'expected', 'extra'],
    })
    expect(read.rows).toEqual([
      ['TC-1', 'Power on', 'true', 'Plug in\nSay "Alexa, discover"', '2', '', ''],
      ['TC-2', 'Dim', 'false', '', '', '', '{"nested":true}'],
    ])
    const lines = text.split('\n')
    expect(read.rowNumbers.map((row) => lines[row - 1]?.trim())).toEqual(['{', '{'])
    expect(read.rowNumbers[0]).toBe(2)
  })

  test('reads {"cases": [...]} and numbers its cases by line', () => {
    const text = `{\n  "name": "Lamp plan",\n  "notes": [{ "x": 1 }],\n  "cases": [\n    { "caseId": "TC-1", "title": "A" },\n\n    { "caseId": "TC-2", "title": "B" }\n  ]\n}\n`
    const read = table(readTable({ name: 'plan.json', bytes: utf8(text) }))
    expect(read.rows).toEqual([
      ['TC-1', 'A'],
      ['TC-2', 'B'],
    ])
    expect(read.rowNumbers).toEqual([5, 7])
  })

  test('says what is wrong with JSON that is not a plan', () => {
    expect(message(readTable({ name: 'plan.json', bytes: utf8('{"name": "x"}') }))).toBe(
      'plan.json is JSON but not a test plan: expected a list of cases, or an object with a "cases" list.',
    )
    expect(message(readTable({ name: 'plan.json', bytes: utf8('{"cases": {"a": 1}}') }))).toMatch(
      /^plan\.json has "cases", but it is not a list/,
    )
    expect(message(readTable({ name: 'plan.json', bytes: utf8('[{"caseId": "a", "title": "b"}, 3]') }))).toBe(
      'Case 2 in plan.json is not an object: each case is written as { "caseId": …, "title": …, … }.',
    )
    expect(message(readTable({ name: 'plan.json', bytes: utf8('[]') }))).toBe(
      'plan.json has no cases: its list is empty.',
    )
    expect(message(readTable({ name: 'plan.json', bytes: utf8('[{"caseId": "a",}]') }))).toMatch(
      /^plan\.json is not valid JSON: /,
    )
  })

  test('refuses 5,001 cases', () => {
    const many = Array.from({ length: 5001 }, (_, index) => ({ caseId: `TC-${index}`, title: 't' }))
    expect(message(readTable({ name: 'plan.json', bytes: utf8(JSON.stringify(many)) }))).toBe(
      'plan.json has 5,001 cases; a plan can have at most 5,000.',
    )
  })
})

describe('readTable never throws', () => {
  const assertNeverThrows = (bytes: Uint8Array, name = 'fuzz') => {
    const read = readTable({ name, bytes })
    if (read.ok) {
      expect(read.rows.length).toBe(read.rowNumbers.length)
      for (const row of read.rows) expect(row.length).toBe(read.headers.length)
    } else expect(read.message).not.toBe('')
  }

  test('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => assertNeverThrows(bytes)),
      { numRuns: 500 },
    )
  })

  test('on arbitrary text, including quotes, delimiters and brackets', () => {
    const pieces = fc.constantFrom(
      '"',
      ',',
      ';',
      '\t',
      '\n',
      '\r',
      '[',
      '{',
      '}',
      ']',
      ':',
      'sep=',
      'TC-1',
      'Title',
      ' ',
      'é',
      '\ud800',
    )
    const text = fc
      .array(fc.oneof(pieces, fc.string({ maxLength: 5 })), { maxLength: 60 })
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(text, fc.constantFrom('plan.csv', 'plan.json', ''), (value, name) =>
        assertNeverThrows(utf8(value), name),
      ),
      { numRuns: 1000 },
    )
  })

  test('on damaged workbooks', () => {
    const workbook = xlsxBytes({ Plan: [[...header], ...planRows(20)] }, { compression: true })
    const damage = fc.array(
      fc.record({ at: fc.nat({ max: workbook.length - 1 }), byte: fc.integer({ min: 0, max: 255 }) }),
      { minLength: 1, maxLength: 8 },
    )
    // Mostly whole files with a few bytes changed, so most runs get past the zip directory into the spreadsheet library.
    const cut = fc.oneof(
      { arbitrary: fc.constant(null), weight: 4 },
      { arbitrary: fc.nat({ max: workbook.length }), weight: 1 },
    )
    fc.assert(
      fc.property(damage, cut, (changes, length) => {
        const bytes = workbook.slice(0, length === null ? workbook.length : Math.max(4, length))
        for (const { at, byte } of changes) if (at < bytes.length) bytes[at] = byte
        assertNeverThrows(bytes)
      }),
      { numRuns: 300 },
    )
    expect(vi.mocked(xlsx.read).mock.calls.length).toBeGreaterThan(30)
  })

  test('on arbitrary bytes that start like a zip', () => {
    const zipLike = fc.uint8Array({ maxLength: 1500 }).map((rest) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...rest]))
    fc.assert(
      fc.property(zipLike, (bytes) => assertNeverThrows(bytes)),
      { numRuns: 300 },
    )
  })
})
