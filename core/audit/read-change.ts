import type { LabDates } from '../text/dates'
import { clip } from '../text/clip'
import { roleLabels } from '../model/lab-profile'
import { connectionLabels } from '../model/product'
import { verdictLabels } from '../model/result'
import { sessionOutcomeLabels, sessionStateLabels } from '../model/session'
import { conditionLabels, photoRoleLabels } from '../model/unit'
import type { AuditChange } from './audit-entry'
import { canonicalJson } from './canonical-json'

// An audit entry keeps ids and stored values as they were: that is what its hash
// covers. This reads them for a person: ids as the names of what they point to,
// dates in the lab's format, choices by their labels, lists as items added and removed.

/** What an id in an audit entry points to: a record, a person of the lab profile, or a stored photo or file. */
export type NamedKind = 'product' | 'hub' | 'skill' | 'unit' | 'session' | 'plan-version' | 'person' | 'file'
export type NameRef = { readonly kind: NamedKind; readonly id: string }

/** The key a name is found under: "hub:<id>". */
export const nameKey = (ref: NameRef): string => `${ref.kind}:${ref.id}`

/** The names found for the ids of some entries, by nameKey. */
export type Names = ReadonlyMap<string, string>

/** One field's change as a person reads it: a value before and after, or a list's items added, removed and changed. */
export type ReadableChange =
  | { readonly shape: 'value'; readonly field: string; readonly before: string | undefined; readonly after: string }
  | {
      readonly shape: 'list'
      readonly field: string
      readonly added: readonly string[]
      readonly removed: readonly string[]
      readonly changed: readonly string[]
    }

/** Fields that hold the id of one thing, by what it is. */
const idFields: Readonly<Record<string, NamedKind>> = {
  hubId: 'hub',
  skillRecordId: 'skill',
  productId: 'product',
  unitId: 'unit',
  sessionId: 'session',
  rerunOf: 'session',
  versionId: 'plan-version',
  testerId: 'person',
  fileId: 'file',
}

/** Fields that hold a list of ids. */
const idListFields: Readonly<Record<string, NamedKind>> = {
  referencePhotoIds: 'file',
  evidenceIds: 'file',
}

const fieldNames: Readonly<Record<string, string>> = {
  hubId: 'Tested hub',
  skillRecordId: 'Alexa skill',
  skillId: 'Skill ID',
  productId: 'Product',
  unitId: 'Unit',
  sessionId: 'Session',
  versionId: 'Plan version',
  testerId: 'Tester',
  testerName: "Tester's name",
  rerunOf: 'Rerun of',
  referencePhotoIds: 'Reference images',
  evidenceIds: 'Evidence',
  asins: 'ASINs',
  retailIds: 'Retail identifiers',
  unitAsTested: 'Unit as tested',
  receivedOn: 'Received on',
  fileId: 'File',
}

/** Values stored as codes, by the field that holds them ("role" serves people and photos alike). */
const valueLabels: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  connection: connectionLabels,
  condition: conditionLabels,
  verdict: verdictLabels,
  state: sessionStateLabels,
  outcome: sessionOutcomeLabels,
  role: { ...roleLabels, ...photoRoleLabels },
}

/** A field's name as a person says it: "modelNumber" → "Model number", "case TC-001" → "Case TC-001". */
export function fieldName(field: string): string {
  const named = fieldNames[field]
  if (named !== undefined) return named
  const words = field.replace(/([a-z0-9])([A-Z])/g, (_, last: string, next: string) => `${last} ${next.toLowerCase()}`)
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** Every id the changes point to, each once: what a trail looks up in one batch before it shows them. */
export function refsIn(changes: Iterable<AuditChange>): NameRef[] {
  const found = new Map<string, NameRef>()
  const add = (kind: NamedKind, id: unknown) => {
    if (typeof id === 'string' && id !== '') found.set(nameKey({ kind, id }), { kind, id })
  }
  const walk = (field: string, value: unknown): void => {
    const one = idFields[field]
    const many = idListFields[field]
    if (one !== undefined) add(one, value)
    else if (many !== undefined && Array.isArray(value)) for (const id of value) add(many, id)
    else if (Array.isArray(value)) for (const item of value) walk('', item)
    else if (isObject(value)) for (const [key, inner] of Object.entries(value)) walk(key, inner)
  }
  for (const change of changes) {
    walk(change.field, change.before)
    walk(change.field, change.after)
  }
  return [...found.values()]
}

type Reading = { readonly names: Names; readonly dates: LabDates }

/** One stored change in words; ids not found read as what they point to, never as the id alone. */
export function readChange(change: AuditChange, names: Names, dates: LabDates): ReadableChange {
  const how: Reading = { names, dates }
  const field = fieldName(change.field)
  const { before, after } = change
  if (Array.isArray(before) && Array.isArray(after))
    return { shape: 'list', field, ...listDiff(change.field, before, after, how) }
  if (isObject(before) && isObject(after)) {
    // Only what differs inside: a test case whose title changed reads as its title before and after.
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (key) => spelling(before[key]) !== spelling(after[key]),
    )
    const part = (side: Record<string, unknown>) =>
      keys.map((key) => `${fieldName(key).toLowerCase()} ${readValue(key, side[key], how)}`).join('; ')
    return { shape: 'value', field, before: part(before), after: part(after) }
  }
  return {
    shape: 'value',
    field,
    before: before === undefined ? undefined : readValue(change.field, before, how),
    after: readValue(change.field, after, how),
  }
}

/** A list change as the items added, removed and changed; items with an id (a person, a photo) are followed by it. */
function listDiff(field: string, before: readonly unknown[], after: readonly unknown[], how: Reading) {
  const key = (item: unknown) =>
    isObject(item) && typeof item['id'] === 'string'
      ? `id:${item['id']}`
      : isObject(item) && typeof item['fileId'] === 'string'
        ? `file:${item['fileId']}`
        : spelling(item)
  const old = new Map(before.map((item) => [key(item), item]))
  const now = new Map(after.map((item) => [key(item), item]))
  const item = (value: unknown) => readItem(field, value, how)
  const added = [...now].filter(([k]) => !old.has(k)).map(([, v]) => item(v))
  const removed = [...old].filter(([k]) => !now.has(k)).map(([, v]) => item(v))
  const changed = [...now].flatMap(([k, v]) => {
    const was = old.get(k)
    if (was === undefined || spelling(was) === spelling(v) || !isObject(was) || !isObject(v)) return []
    const inner = Object.keys({ ...was, ...v })
      .filter((name) => spelling(was[name]) !== spelling(v[name]))
      .map(
        (name) =>
          `${fieldName(name).toLowerCase()} ${readValue(name, was[name], how)} → ${readValue(name, v[name], how)}`,
      )
    return [`${item(v)} (${inner.join('; ')})`]
  })
  return { added, removed, changed }
}

/** One item of a list: an id by its name, an ASIN with its marketplace, a photo by its role and file name. */
function readItem(field: string, value: unknown, how: Reading): string {
  const many = idListFields[field]
  if (many !== undefined && typeof value === 'string') return nameOf(many, value, how.names)
  if (!isObject(value)) return readValue(field, value, how)
  if (typeof value['asin'] === 'string' && typeof value['marketplace'] === 'string') {
    const variation =
      typeof value['variation'] === 'string' && value['variation'] !== '' ? `, ${value['variation']}` : ''
    return `${value['asin']} (${value['marketplace']}${variation})`
  }
  if (typeof value['fileId'] === 'string') {
    const file = nameOf('file', value['fileId'], how.names)
    return typeof value['role'] === 'string' ? `${readValue('role', value['role'], how)}: ${file}` : file
  }
  if (typeof value['kind'] === 'string' && typeof value['value'] === 'string')
    return `${value['kind']} ${value['value']}`
  if (typeof value['name'] === 'string' && value['name'] !== '') return value['name']
  return readObject(value, how)
}

/** A stored value in words: "(empty)", a date the lab's way, a choice by its label, an id by its name. */
function readValue(field: string, value: unknown, how: Reading): string {
  if (value === undefined) return '—'
  if (value === '') return '(empty)'
  if (value === null || (Array.isArray(value) && value.length === 0)) return '(none)'
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (typeof value === 'number') return value.toLocaleString('en-US')
  if (typeof value === 'string') {
    const one = idFields[field]
    if (one !== undefined) return nameOf(one, value, how.names)
    const label = valueLabels[field]?.[value]
    if (label !== undefined) return label
    if (instant.test(value)) return how.dates.dateTime(value)
    if (calendarDate.test(value)) return how.dates.calendarDate(value)
    // A session's plan names its version by id as well as by name and number; the name is what a person reads.
    return clip(value.replace(/, version id [0-9a-f-]+\)$/, ')'), 160)
  }
  if (Array.isArray(value)) return clip(value.map((item) => readItem(field, item, how)).join(', '), 300)
  if (isObject(value)) return readObject(value, how)
  return clip(String(value), 160)
}

function readObject(value: Record<string, unknown>, how: Reading): string {
  // Someone recorded with their id and name (who completed a session) is their name.
  if (typeof value['name'] === 'string' && typeof value['id'] === 'string' && Object.keys(value).length === 2)
    return value['name']
  return clip(
    Object.entries(value)
      .map(([key, inner]) => `${fieldName(key).toLowerCase()} ${readValue(key, inner, how)}`)
      .join(', '),
    300,
  )
}

const what: Readonly<Record<NamedKind, string>> = {
  product: 'a product',
  hub: 'a hub',
  skill: 'a skill',
  unit: 'a unit',
  session: 'a session',
  'plan-version': 'a plan version',
  person: 'someone',
  file: 'a file',
}

/** The name found for an id; one never found reads as what it was, so a person is not shown a bare id. */
function nameOf(kind: NamedKind, id: string, names: Names): string {
  return names.get(nameKey({ kind, id })) ?? `${what[kind]} no longer stored`
}

const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/
const calendarDate = /^\d{4}-\d{2}-\d{2}$/

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

// undefined (a missing field) is not JSON; it gets a spelling no JSON text can have.
const spelling = (value: unknown) => (value === undefined ? '' : canonicalJson(value))
