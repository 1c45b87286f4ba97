import { columnCapRefusal } from './column-cap'
import type { TextEncodingRead } from './decode-text'
import type { PlanImportLimits } from './limits'
import type { TableKind } from './table-kind'
import { buildTable, count, fileLabel } from './table'
import type { RawRow, TableRead } from './table'
import { messageOf } from '../text/message-of'

export type JsonRead =
  { readonly kind: 'not-json'; readonly error: string } | { readonly kind: 'read'; readonly table: TableRead }

/**
 * A JSON plan: an array of case objects, or an object whose "cases" holds one. Keys
 * become headers in the order they first appear; each case's row number is the line
 * where its object starts, so an editor finds it. Numbers and booleans become text,
 * a list of texts becomes lines. Only a case's own keys are read (JSON.parse makes
 * every key an own property); a "__proto__" key is refused with its case and line,
 * since code that copies a case by assignment would give it a prototype.
 */
export function readJson(
  name: string,
  text: string,
  limits: PlanImportLimits,
  json: NonNullable<TableKind['json']>,
  kind: TableKind,
  encoding?: TextEncodingRead,
): JsonRead {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    return { kind: 'not-json', error: messageOf(error) }
  }
  const label = fileLabel(name)
  const { listKey, example } = json
  const { row, rows } = kind
  const Row = row.charAt(0).toUpperCase() + row.slice(1)
  const wrapped = isRecord(parsed) && Object.hasOwn(parsed, listKey)
  const cases = isRecord(parsed) && wrapped ? parsed[listKey] : parsed
  if (!Array.isArray(cases)) {
    const message = wrapped
      ? `${label} has "${listKey}", but it is not a list: write "${listKey}": [ ${example}, … ].`
      : `${label} is JSON but not a ${kind.what}: expected a list of ${rows}, or an object with a "${listKey}" list.`
    return { kind: 'read', table: { ok: false, message } }
  }
  if (cases.length === 0)
    return { kind: 'read', table: { ok: false, message: `${label} has no ${rows}: its list is empty.` } }
  if (cases.length > limits.maxRows) {
    return {
      kind: 'read',
      table: {
        ok: false,
        message: `${label} has ${count(cases.length)} ${rows}; a ${kind.noun} can have at most ${count(limits.maxRows)}.`,
      },
    }
  }
  const notObject = cases.findIndex((item) => !isRecord(item))
  if (notObject !== -1) {
    return {
      kind: 'read',
      table: {
        ok: false,
        message: `${Row} ${notObject + 1} in ${label} is not an object: each ${row} is written as ${example.replace(/ }$/, ', … }')}.`,
      },
    }
  }
  const records = cases as Record<string, unknown>[]
  const lines = caseLines(text, wrapped, listKey)
  const lineOf = (index: number) => (lines.length === records.length ? (lines[index] ?? index + 1) : index + 1)
  const seen = new Set<string>()
  for (const [index, record] of records.entries()) {
    for (const key of Object.keys(record)) {
      if (key === '__proto__') {
        const message = `${Row} ${index + 1} in ${label} (line ${lineOf(index)}) has a field named "__proto__", which is not a ${kind.noun} field and which WWA Lab does not read. Remove or rename that field.`
        return { kind: 'read', table: { ok: false, message } }
      }
      seen.add(key)
    }
  }
  // Before the rows are built: a row per case with a cell per key would be cases × keys cells.
  const tooWide = columnCapRefusal(label, seen.size, limits.maxColumns, kind.noun)
  if (tooWide !== undefined) return { kind: 'read', table: { ok: false, message: tooWide } }
  const keys = [...seen]
  if (keys.length === 0)
    return {
      kind: 'read',
      table: { ok: false, message: `The ${rows} in ${label} have no fields: each needs at least ${json.needs}.` },
    }

  const raw: RawRow[] = [
    { row: 1, cells: keys },
    ...records.map((record, index) => ({
      row: lineOf(index),
      cells: keys.map((key) => jsonText(Object.hasOwn(record, key) ? record[key] : undefined)),
    })),
  ]
  const base = { format: 'json', sheetName: null, name } as const
  return { kind: 'read', table: buildTable(encoding === undefined ? base : { ...base, encoding }, raw, limits, kind) }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function jsonText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (
    Array.isArray(value) &&
    value.every((item) => item === null || ['string', 'number', 'boolean'].includes(typeof item))
  ) {
    return value.map(jsonText).join('\n')
  }
  return JSON.stringify(value)
}

/**
 * The line on which each case object opens. JSON.parse has already accepted the text,
 * so a scan that tracks strings and nesting is enough. For {"cases": […]}, the last
 * "cases" key wins, as it does in JSON.parse.
 */
function caseLines(text: string, wrapped: boolean, listKey: string): number[] {
  type Open = {
    readonly kind: 'object' | 'array'
    readonly isCases: boolean
    expectKey: boolean
    lastKey: string | null
  }
  const stack: Open[] = []
  let line = 1
  let lines: number[] = []
  let found: number[] = []
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (char === '\n') line++
    else if (char === '"') {
      const start = i
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++
      const top = stack.at(-1)
      if (top?.kind === 'object' && top.expectKey) {
        top.lastKey = JSON.parse(text.slice(start, i + 1)) as string
        top.expectKey = false
      }
    } else if (char === '{' || char === '[') {
      const parent = stack.at(-1)
      const isCases = char === '[' && (wrapped ? stack.length === 1 && parent?.lastKey === listKey : stack.length === 0)
      if (char === '{' && parent?.isCases === true) found.push(line)
      if (isCases) found = []
      stack.push({ kind: char === '{' ? 'object' : 'array', isCases, expectKey: char === '{', lastKey: null })
    } else if (char === '}' || char === ']') {
      const closed = stack.pop()
      if (closed?.isCases === true) lines = found
    } else if (char === ',') {
      const top = stack.at(-1)
      if (top?.kind === 'object') top.expectKey = true
    }
  }
  return lines
}
