import { describe, expect, test } from 'vitest'
import { readPlanBytes } from '../../../../core/import/read-plan-file'
import { readTable } from '../../../../core/import/read-table'
import { utf8 } from './plan-files'

describe('JSON plans are read by their own keys only', () => {
  test('a case with a "__proto__" key is refused with its case number and line, and no prototype changes', async () => {
    const text = [
      '[',
      '  { "caseId": "TC-1", "title": "Turn on" },',
      '  { "caseId": "TC-2", "title": "Turn off", "__proto__": { "polluted": "yes", "caseId": "TC-X" } }',
      ']',
    ].join('\n')
    const read = await readPlanBytes({ name: 'proto.json', bytes: utf8(text) })
    expect(read).toEqual({
      ok: false,
      message:
        'Case 2 in proto.json (line 3) has a field named "__proto__", which is not a plan field and which WWA Lab does not read. Remove or rename that field. Nothing was imported.',
    })
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  test('keys an object inherits ("constructor", "toString") are read as ordinary columns, empty where a case lacks them', () => {
    const text = JSON.stringify([
      { caseId: 'TC-1', title: 'Turn on', constructor: 'Acme' },
      { caseId: 'TC-2', title: 'Turn off', toString: 'x' },
    ])
    const read = readTable({ name: 'plan.json', bytes: utf8(text) })
    if (!read.ok) throw new Error(read.message)
    expect(read.headers).toEqual(['caseId', 'title', 'constructor', 'toString'])
    expect(read.rows).toEqual([
      ['TC-1', 'Turn on', 'Acme', ''],
      ['TC-2', 'Turn off', '', 'x'],
    ])
  })

  test('a "__proto__" key beside "cases" is not a case field and changes nothing', () => {
    const text = JSON.stringify({ cases: [{ caseId: 'TC-1', title: 'Turn on' }] }).replace(
      '{',
      '{"__proto__":{"cases":1},',
    )
    const read = readTable({ name: 'plan.json', bytes: utf8(text) })
    expect(read.ok && read.rows).toEqual([['TC-1', 'Turn on']])
  })
})
