import type { AuditChange } from '../../../core/audit/audit-entry'
import { clip } from '../../../core/text/clip'

const isEmpty = (value: unknown) => value === '' || value === null || (Array.isArray(value) && value.length === 0)

/** A new record lists what was filled in; ids, stamps and empty fields tell a reviewer nothing. */
export function worthShowingOnCreate(change: AuditChange): boolean {
  return !isEmpty(change.after) && change.field !== 'id' && change.field !== 'createdAt' && !/Id$/.test(change.field)
}

const shown = (value: unknown): string => {
  if (value === undefined) return '—'
  if (value === '') return '(empty)'
  if (value === null || (Array.isArray(value) && value.length === 0)) return '(none)'
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return clip(text, 77)
}

/** One field's change as a reviewer reads it: "firmware: 1.2.3 → 1.2.4". */
export function describeChange(change: AuditChange): string {
  return change.before === undefined
    ? `${change.field}: ${shown(change.after)}`
    : `${change.field}: ${shown(change.before)} → ${shown(change.after)}`
}
