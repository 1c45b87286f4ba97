import type { AuditChange } from '../../../core/audit/audit-entry'

const isEmpty = (value: unknown) => value === '' || value === null || (Array.isArray(value) && value.length === 0)

/** A new record lists what was filled in; its own id, stamps and empty fields tell a reviewer nothing. */
export function worthShowingOnCreate(change: AuditChange): boolean {
  return !isEmpty(change.after) && change.field !== 'id' && change.field !== 'createdAt' && change.field !== 'planId'
}
