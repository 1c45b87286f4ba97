import type { Migration } from './migration'

/**
 * Version 4: where a person appears, found by index. Someone who made an audit
 * entry or is a session's tester may be deactivated but never removed, and the
 * lab profile asks before removing anyone: both questions are one index read
 * (the audit entries by their actor, the sessions by their tester) instead of a
 * walk through years of trail. Only new indexes: IndexedDB builds them over the
 * rows that are there, and no row changes.
 */
export const peopleInRecords: Migration = {
  version: 4,
  stores: {
    sessions: 'id, productId, unitId, state, updatedAt, plan.versionId, plan.planId, testerId',
    audit: 'seq, [entity.kind+entity.id], at, *subjects, actor.id',
  },
}
